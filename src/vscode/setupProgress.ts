/**
 * What a person has done on the way to a first payment that the credential store cannot tell:
 * credentials written into a settings file, a successful test payment. Kept in globalState
 * (no secret), cleared when every credential is forgotten, and published as context keys
 * (contextKeys.ts) so the walkthrough checks its steps when the thing is done.
 */
import * as vscode from 'vscode';
import type { CredentialStore } from './credentialStore';

export type ProgressFlag = 'settingsWritten' | 'testPaymentSucceeded';

const STATE_KEY = 'momo.setupProgress.v1';

export class SetupProgress implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly state: vscode.Memento,
    store: CredentialStore,
  ) {
    this.subscription = store.onDidChange(() => {
      if (!store.hasCredentials() && this.flags().length > 0) void this.clear();
    });
  }

  has(flag: ProgressFlag): boolean {
    return this.flags().includes(flag);
  }

  async mark(flag: ProgressFlag): Promise<void> {
    if (this.has(flag)) return;
    await this.state.update(STATE_KEY, [...this.flags(), flag]);
    this.changed.fire();
  }

  async clear(): Promise<void> {
    await this.state.update(STATE_KEY, undefined);
    this.changed.fire();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private flags(): ProgressFlag[] {
    const raw = this.state.get<unknown>(STATE_KEY);
    return Array.isArray(raw) ? raw.filter((f): f is ProgressFlag => f === 'settingsWritten' || f === 'testPaymentSucceeded') : [];
  }
}
