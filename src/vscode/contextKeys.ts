/**
 * Context keys for when clauses and the walkthrough's completionEvents (`onContext:`): each is
 * true once the thing is done, whichever command or button did it.
 * - momo.hasCredentials: anything stored (switches the welcome view off)
 * - momo.hasSubscriptionKey, momo.hasApiUser (with its key stored), momo.verified (a user whose last verification passed)
 * - momo.settingsWritten, momo.testPaymentSucceeded (from SetupProgress)
 */
import * as vscode from 'vscode';
import type { CredentialStore } from './credentialStore';
import type { SetupProgress } from './setupProgress';

export const CONTEXT_KEYS = ['momo.hasCredentials', 'momo.hasSubscriptionKey', 'momo.hasApiUser', 'momo.verified', 'momo.settingsWritten', 'momo.testPaymentSucceeded'] as const;
export type ContextKey = (typeof CONTEXT_KEYS)[number];

export function contextKeyValues(store: CredentialStore, progress: SetupProgress): Record<ContextKey, boolean> {
  const index = store.index();
  return {
    'momo.hasCredentials': store.hasCredentials(),
    'momo.hasSubscriptionKey': index.subscriptionKeys.length > 0,
    'momo.hasApiUser': index.apiUsers.some((u) => u.keyStored),
    'momo.verified': index.apiUsers.some((u) => u.lastVerified?.ok === true),
    'momo.settingsWritten': progress.has('settingsWritten'),
    'momo.testPaymentSucceeded': progress.has('testPaymentSucceeded'),
  };
}

export function trackContextKeys(store: CredentialStore, progress: SetupProgress): vscode.Disposable {
  const update = (): void => {
    for (const [key, value] of Object.entries(contextKeyValues(store, progress))) {
      void vscode.commands.executeCommand('setContext', key, value);
    }
  };
  update();
  return vscode.Disposable.from(store.onDidChange(update), progress.onDidChange(update));
}
