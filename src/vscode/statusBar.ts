/**
 * A status-bar item for the active credentials (the last API user provisioned or added). It
 * turns to the warning or error colour when the key is missing or the last check failed, and a
 * click opens the MoMo view. Built from the index only: no secret read just to paint a label.
 * Quiet unless it matters: shown only when something is stored or an MTN MoMo settings file is open.
 */
import * as vscode from 'vscode';
import { activeApiUser } from '../core/store/credentialIndex';
import { shortApiUser, statusSummary, type StatusSummary } from '../core/store/credentialText';
import type { CredentialStore } from './credentialStore';
import type { MomoSettingsPresence } from './momoSettingsPresence';

export function createCredentialsStatusBar(
  store: CredentialStore,
  settings: MomoSettingsPresence,
): vscode.Disposable & { item: vscode.StatusBarItem; isVisible(): boolean } {
  const item = vscode.window.createStatusBarItem('momo.status', vscode.StatusBarAlignment.Left, 10);
  item.name = vscode.l10n.t('MoMo Credentials');
  item.command = 'workbench.view.extension.momo';

  let visible = false;
  const update = (): void => {
    const summary = withOtherFailures(statusSummary(store.index()), store);
    item.text = summary.text;
    item.tooltip = summary.tooltip;
    item.backgroundColor =
      summary.severity === 'error'
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : summary.severity === 'warning'
          ? new vscode.ThemeColor('statusBarItem.warningBackground')
          : undefined;
    visible = store.hasCredentials() || settings.present;
    if (visible) item.show();
    else item.hide();
  };
  update();
  const subscription = vscode.Disposable.from(store.onDidChange(update), settings.onDidChange(update));
  return {
    item,
    isVisible: () => visible,
    dispose: () => {
      subscription.dispose();
      item.dispose();
    },
  };
}

/**
 * The summary is about the active API user; when another stored user failed its last
 * verification, the item still turns to the warning colour so the failure is not missed.
 */
function withOtherFailures(summary: StatusSummary, store: CredentialStore): StatusSummary {
  const index = store.index();
  const active = activeApiUser(index);
  const failing = index.apiUsers.filter((u) => u !== active && u.lastVerified && !u.lastVerified.ok);
  if (failing.length === 0 || summary.severity === 'error') {
    return summary;
  }
  const names = failing.map((u) => `${shortApiUser(u.apiUser)} (${u.environment}, ${u.product})`).join(', ');
  return {
    ...summary,
    severity: 'warning',
    tooltip: `${summary.tooltip} ${vscode.l10n.t('Failed their last verification: {0}.', names)}`,
  };
}
