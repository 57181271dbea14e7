/** Context keys for when clauses: `momo.hasCredentials` switches the welcome view off. */
import * as vscode from 'vscode';
import type { CredentialStore } from './credentialStore';

export function trackContextKeys(store: CredentialStore): vscode.Disposable {
  const update = (): void => {
    void vscode.commands.executeCommand('setContext', 'momo.hasCredentials', store.hasCredentials());
  };
  update();
  return store.onDidChange(update);
}
