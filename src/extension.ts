/**
 * Entry point. activate() only builds the services and registers them: no network and no
 * secret reads (those wait for a command or for the view to open), so activation stays fast.
 * Nothing here may import the commands, the settings planner, the doctor or axios: they are in
 * dist/features.js (src/vscode/features.ts), loaded on first use through lazyFeatures.ts.
 * It returns a small API used by the integration tests.
 */
import * as vscode from 'vscode';
import { Clipboard } from './vscode/clipboard';
import type { CommandContext } from './vscode/commands/commandContext';
import { registerCommands } from './vscode/commands/registerCommands';
import { trackContextKeys } from './vscode/contextKeys';
import { CredentialStore } from './vscode/credentialStore';
import { MomoLog } from './vscode/log';
import { Notifier } from './vscode/notifier';
import { registerSettingsFeatures } from './vscode/settings';
import { MomoSettingsPresence } from './vscode/momoSettingsPresence';
import { createCredentialsStatusBar } from './vscode/statusBar';
import { CredentialsTreeProvider } from './vscode/tree/credentialsTreeProvider';

export interface MomoExtensionApi {
  store: CredentialStore;
  log: MomoLog;
  treeProvider: CredentialsTreeProvider;
  notifier: Notifier;
  clipboard: Clipboard;
  /** This extension's SecretStorage, to check what is (not) stored. */
  secrets: vscode.SecretStorage;
  /** The status-bar item, to check its text and colour. */
  statusBarItem: vscode.StatusBarItem;
  /** Whether the status-bar item is shown (VS Code's item has no getter for it). */
  statusBarVisible(): boolean;
  /** Makes SecretStorage writes fail as on Linux without a keyring. */
  setSecretStorageFailureForTests(fail: boolean): void;
}

export function activate(context: vscode.ExtensionContext): MomoExtensionApi {
  const log = new MomoLog();
  const store = new CredentialStore(context.secrets, context.globalState, log);
  const notifier = new Notifier(log);
  const clipboard = new Clipboard();
  const treeProvider = new CredentialsTreeProvider(store);
  const treeView = vscode.window.createTreeView('momo.credentials', { treeDataProvider: treeProvider, showCollapseAll: true });
  const settingsPresence = new MomoSettingsPresence();
  const statusBar = createCredentialsStatusBar(store, settingsPresence);
  const ctx: CommandContext = { store, log, notifier, clipboard, extensionUri: context.extensionUri };

  context.subscriptions.push(log, store, treeProvider, treeView, settingsPresence, statusBar, trackContextKeys(store), ...registerCommands(ctx));
  // Diagnostics and quick fixes for settings files: cheap until an MTN MoMo settings file is open.
  context.subscriptions.push(...registerSettingsFeatures(ctx));
  log.info(`MTN MoMo Credentials ${String(context.extension.packageJSON.version)} activated.`);

  return {
    store,
    log,
    treeProvider,
    notifier,
    clipboard,
    secrets: context.secrets,
    statusBarItem: statusBar.item,
    statusBarVisible: () => statusBar.isVisible(),
    setSecretStorageFailureForTests: (fail) => store.setSecretStorageFailureForTests(fail),
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
