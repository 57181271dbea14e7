/**
 * Entry point. activate() only builds the services and registers them: no network and no
 * secret reads (those wait for a command or for the view to open), so activation stays fast.
 * Nothing here may import the commands, the settings planner, the doctor or axios: they are in
 * dist/features.js (src/vscode/features.ts, commands) and dist/settings.js
 * (src/vscode/settingsChunk.ts, settings diagnostics), loaded on first use through lazyFeatures.ts.
 * In the extension's own tests (ExtensionMode.Test) it returns an API for them, with hooks that
 * answer questions in advance and make SecretStorage fail; in every other mode it returns an
 * empty object, so no other extension can skip a confirmation.
 */
import * as vscode from 'vscode';
import { Clipboard } from './vscode/clipboard';
import type { CommandContext } from './vscode/commandContext';
import { registerCommands } from './vscode/registerCommands';
import { contextKeyValues, trackContextKeys, type ContextKey } from './vscode/contextKeys';
import { useDisplayLanguageInCore } from './vscode/coreLanguage';
import { CredentialStore } from './vscode/credentialStore';
import { MomoLog } from './vscode/log';
import { Notifier } from './vscode/notifier';
import { SetupProgress } from './vscode/setupProgress';
import { registerSettingsFeatures } from './vscode/settings';
import { MomoSettingsPresence } from './vscode/momoSettingsPresence';
import { createCredentialsStatusBar } from './vscode/statusBar';
import { CredentialsTreeProvider } from './vscode/tree/credentialsTreeProvider';
import { HostApprovals } from './vscode/hostApprovals';

/** What activate() returns in ExtensionMode.Test only. */
export interface MomoExtensionApi {
  store: CredentialStore;
  log: MomoLog;
  treeProvider: CredentialsTreeProvider;
  notifier: Notifier;
  clipboard: Clipboard;
  /** Settings written, test payment sent: the walkthrough's context keys. */
  progress: SetupProgress;
  /** This extension's SecretStorage, to check what is (not) stored. */
  secrets: vscode.SecretStorage;
  /** The status-bar item, to check its text and colour. */
  statusBarItem: vscode.StatusBarItem;
  /** Whether the status-bar item is shown (VS Code's item has no getter for it). */
  statusBarVisible(): boolean;
  /** The hosts allowed to receive credentials (globalState). */
  approvals: HostApprovals;
  /** The values of the extension's context keys (the walkthrough's completion events read them). */
  contextKeys(): Record<ContextKey, boolean>;
  /** Makes SecretStorage writes fail as on Linux without a keyring. */
  setSecretStorageFailureForTests(fail: boolean): void;
}

export function activate(context: vscode.ExtensionContext): MomoExtensionApi | Record<string, never> {
  const testMode = context.extensionMode === vscode.ExtensionMode.Test;
  useDisplayLanguageInCore();
  const log = new MomoLog(context.extension.id);
  const store = new CredentialStore(context.secrets, context.globalState, log);
  const notifier = new Notifier(log, { scriptable: testMode });
  const clipboard = new Clipboard();
  const approvals = new HostApprovals(context.globalState);
  const treeProvider = new CredentialsTreeProvider(store, approvals);
  const treeView = vscode.window.createTreeView('momo.credentials', { treeDataProvider: treeProvider, showCollapseAll: true });
  const settingsPresence = new MomoSettingsPresence();
  const statusBar = createCredentialsStatusBar(store, settingsPresence);
  const progress = new SetupProgress(context.globalState, store);
  const ctx: CommandContext = { store, log, notifier, clipboard, approvals, progress, extensionUri: context.extensionUri, workspaceState: context.workspaceState };

  context.subscriptions.push(log, store, approvals, progress, treeProvider, treeView, settingsPresence, statusBar, trackContextKeys(store, progress), ...registerCommands(ctx));
  // Diagnostics and quick fixes for settings files: cheap until an MTN MoMo settings file is open.
  context.subscriptions.push(...registerSettingsFeatures(ctx));
  log.info(`MTN MoMo Credentials ${String(context.extension.packageJSON.version)} activated.`);

  if (!testMode) return Object.freeze({});
  return {
    store,
    log,
    treeProvider,
    notifier,
    clipboard,
    progress,
    secrets: context.secrets,
    statusBarItem: statusBar.item,
    statusBarVisible: () => statusBar.isVisible(),
    approvals,
    contextKeys: () => contextKeyValues(store, progress),
    setSecretStorageFailureForTests: (fail) => store.setSecretStorageFailureForTests(fail),
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
