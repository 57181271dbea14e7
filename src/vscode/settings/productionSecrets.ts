/**
 * The stored production secrets (API keys and subscription keys of every non-sandbox
 * environment), so a diagnostic can say "this is YOUR production key" (an error) rather than
 * "this looks like a key" (a warning). Read lazily: only when a MoMo settings file is checked,
 * never at activation, and not at all when nothing production is stored. Cached until the
 * store changes.
 */
import * as vscode from 'vscode';
import { isSandbox } from '../../core/momo/environments';
import type { CredentialStore } from '../credentialStore';

export class ProductionSecrets implements vscode.Disposable {
  private cached: Promise<string[]> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the store changed, so checks that used the old list can run again. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: CredentialStore) {
    this.subscription = store.onDidChange(() => {
      this.cached = undefined;
      this.changed.fire();
    });
  }

  get(): Promise<string[]> {
    this.cached ??= this.read().catch(() => []);
    return this.cached;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private async read(): Promise<string[]> {
    const index = this.store.index();
    const reads: Array<Promise<string | undefined>> = [
      ...index.apiUsers.filter((u) => !isSandbox(u.environment) && u.keyStored).map((u) => this.store.getApiKey(u)),
      ...index.subscriptionKeys.filter((k) => !isSandbox(k.environment)).map((k) => this.store.getSubscriptionKey(k, k.keyType)),
    ];
    const values = await Promise.all(reads);
    return values.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
  }
}
