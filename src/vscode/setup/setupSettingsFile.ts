/**
 * Set Up MoMo's settings-file step: proposes the file open in the editor, else the single
 * settings file the workspace has, else a short list (nearest the workspace root first). Each
 * choice is explained in one line: why it is proposed, where the values go, and what happens to
 * its subscription-key slot (an empty or placeholder one is filled, so the project runs).
 */
import * as vscode from 'vscode';
import { detectDialect, isFillableSlot, planCredentialInsert, subscriptionKeySlot, type CredentialValues, type SubscriptionKeySlot, type WriteMode } from '../../core/settings';
import { settingsVariableNames } from '../config';
import { configuredMode } from '../settings/insertOptions';
import { planOptions, projectContextFor } from '../settings/projectContext';
import { findSettingsFiles, pickSettingsFile } from '../settings/settingsFiles';
import { isTemplate, relativeName } from '../settingsSelector';

const MAX_LISTED = 5;

export interface SetupFileChoice {
  uri: vscode.Uri;
  /** Write the subscription key too (its slot was empty or a placeholder). */
  fillSubscriptionKey: boolean;
  slot: SubscriptionKeySlot;
}

export interface SetupFileCandidate {
  uri: vscode.Uri;
  /** Why this file is proposed, in a few words. */
  reason: string;
}

/** The files to propose, best first; one when the editor or the workspace makes it obvious. */
async function setupFileCandidates(): Promise<SetupFileCandidate[]> {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && active.scheme === 'file' && isWritable(active)) {
    return [{ uri: active, reason: vscode.l10n.t('open in the editor') }];
  }
  const files = (await findSettingsFiles()).filter(isWritable);
  if (files.length === 1) {
    return [{ uri: files[0]!, reason: vscode.l10n.t('the only settings file in this workspace') }];
  }
  const nearestFirst = [...files].sort((a, b) => depth(a) - depth(b) || relativeName(a).localeCompare(relativeName(b)));
  return nearestFirst.slice(0, MAX_LISTED).map((uri, i) => ({ uri, reason: i === 0 ? vscode.l10n.t('nearest the workspace root') : '' }));
}

/** What writing into `uri` does, in one line; and the state of its subscription-key slot. */
export async function describeSetupFile(uri: vscode.Uri, values: CredentialValues, subscriptionKey: string): Promise<{ line: string; slot: SubscriptionKeySlot }> {
  let text: string;
  let fileName: string;
  try {
    const document = await vscode.workspace.openTextDocument(uri);
    text = document.getText();
    fileName = document.fileName;
  } catch {
    return { line: vscode.l10n.t('Could not be read.'), slot: 'none' };
  }
  const doc = { text, fileName };
  const slot = subscriptionKeySlot(doc, subscriptionKey);
  const context = await projectContextFor({ uri, fileName }, 'peek');
  const plan = planCredentialInsert(doc, values, planOptions(doc, context, { mode: configuredMode(), names: settingsVariableNames() }));
  return { line: plan.ok ? oneLine(plan.mode, slot) : (plan.error ?? vscode.l10n.t('Cannot be written.')), slot };
}

/** At most ~70 characters: a quick pick cuts longer details off. */
function oneLine(mode: WriteMode, slot: SubscriptionKeySlot): string {
  const fill = isFillableSlot(slot);
  if (mode === 'reference') {
    return fill ? vscode.l10n.t('Tracked by git: the values and the subscription key go to .env') : vscode.l10n.t('Tracked by git: the values go to .env, this file reads them');
  }
  if (fill) {
    return slot === 'empty'
      ? vscode.l10n.t('Writes the API user, API key and the empty subscription key here')
      : vscode.l10n.t('Writes the API user, API key and the placeholder subscription key here');
  }
  return slot === 'different' ? vscode.l10n.t('Writes the API user and key here; it has another subscription key') : vscode.l10n.t('Writes the API user and API key here');
}

type Item = vscode.QuickPickItem & { uri?: vscode.Uri; fill?: boolean; slot?: SubscriptionKeySlot; other?: true };

/** undefined: cancelled. */
export async function pickSetupFile(title: string, values: CredentialValues, subscriptionKey: string): Promise<SetupFileChoice | 'skip' | 'clipboard' | undefined> {
  const candidates = await setupFileCandidates();
  const items: Item[] = [];
  for (const candidate of candidates) {
    const { line, slot } = await describeSetupFile(candidate.uri, values, subscriptionKey);
    items.push({ label: `$(file) ${relativeName(candidate.uri)}`, description: candidate.reason, detail: line, uri: candidate.uri, fill: isFillableSlot(slot), slot });
    if (candidates.length === 1 && isFillableSlot(slot)) {
      items.push({
        label: `$(file) ${vscode.l10n.t('{0}, API user and key only', relativeName(candidate.uri))}`,
        detail: vscode.l10n.t('Leaves its subscription key as it is'),
        uri: candidate.uri,
        fill: false,
        slot,
      });
    }
  }
  items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
  items.push({ label: `$(folder-opened) ${vscode.l10n.t('Another file…')}`, detail: vscode.l10n.t('Any settings file of the workspace, a new .env, or the clipboard'), other: true });
  items.push({ label: `$(close) ${vscode.l10n.t('Skip this step')}`, detail: vscode.l10n.t('Nothing is written now; run Set Up MoMo again to write them') });
  const placeHolder =
    candidates.length === 0 ? vscode.l10n.t('No settings file (settings.py, .env, appsettings*.json) was found') : vscode.l10n.t('Settings file for the API user and key');
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder, ignoreFocusOut: true });
  if (!picked) return undefined;
  if (picked.other) {
    const other = await pickSettingsFile(title);
    if (!other) return undefined;
    if (other.kind === 'clipboard') return 'clipboard';
    const { slot } = await describeSetupFile(other.uri, values, subscriptionKey);
    return { uri: other.uri, fillSubscriptionKey: isFillableSlot(slot), slot };
  }
  if (!picked.uri) return 'skip';
  return { uri: picked.uri, fillSubscriptionKey: picked.fill === true, slot: picked.slot ?? 'none' };
}

function isWritable(uri: vscode.Uri): boolean {
  const name = uri.path.split('/').pop() ?? '';
  return !isTemplate(name) && detectDialect({ fileName: name }).dialect !== 'unsupported';
}

function depth(uri: vscode.Uri): number {
  return relativeName(uri).split('/').length;
}
