/**
 * What a person has done on the way to a first payment that the credential store cannot tell:
 * credentials written into a settings file, a successful test payment. Kept in globalState
 * (no secret), cleared when every credential is forgotten, and published as context keys
 * (contextKeys.ts) so the walkthrough checks its steps when the thing is done.
 */
import * as vscode from 'vscode';
import { confirmWrites } from '../core/store/confirmWrites';
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

  /**
   * Records a flag. The Memento answers get() with the new value at once; its write to disk is
   * not waited for, so a command never stalls on a busy storage (a failure only costs a check mark).
   */
  mark(flag: ProgressFlag): void {
    if (this.has(flag)) return;
    this.state.update(STATE_KEY, [...this.flags(), flag]).then(undefined, () => undefined);
    this.changed.fire();
  }

  /** Forgets every flag, read back (a late globalState echo must not bring the check marks back). */
  async clear(): Promise<void> {
    const before = this.state.get<unknown>(STATE_KEY);
    if (before === undefined) return;
    await this.state.update(STATE_KEY, undefined);
    await confirmWrites(this.state, [{ key: STATE_KEY, value: undefined, before }]);
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
