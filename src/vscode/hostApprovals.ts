/**
 * The hosts a person allowed MoMo secrets to go to (beyond MTN's API hosts and this machine),
 * remembered in globalState: the person's own state, never the workspace's, so a repository
 * cannot pre-approve its own host. Loaded at activation for the tree; the question itself is
 * asked by secretDestinations.ts.
 */
import * as vscode from 'vscode';
import type { HostApproval } from '../core/trust/destination';
import { confirmWrites } from '../core/store/confirmWrites';

const APPROVED_HOSTS_STATE_KEY = 'momo.approvedHosts.v1';

export interface ApprovedHost extends HostApproval {
  /** host[:port], lower case. */
  host: string;
  /** When it was (last) allowed, ISO 8601. */
  at: string;
}

type Stored = Record<string, { sandbox?: boolean; production?: boolean; at?: string }>;

export class HostApprovals implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  list(): ApprovedHost[] {
    return Object.entries(this.read())
      .map(([host, a]) => ({ host, sandbox: a.sandbox === true || a.production === true, production: a.production === true, at: a.at ?? '' }))
      .filter((a) => a.sandbox)
      .sort((a, b) => a.host.localeCompare(b.host));
  }

  approval(host: string): HostApproval | undefined {
    return this.list().find((a) => a.host === host.toLowerCase());
  }

  async approve(host: string, production: boolean): Promise<void> {
    const stored = this.read();
    const key = host.toLowerCase();
    const before = stored[key] ?? {};
    stored[key] = { sandbox: true, production: production || before.production === true, at: new Date().toISOString() };
    await this.write(stored);
  }

  /** Resolves false when the host was not allowed in the first place. */
  async revoke(host: string): Promise<boolean> {
    const stored = this.read();
    const key = host.toLowerCase();
    if (!(key in stored)) return false;
    delete stored[key];
    await this.write(stored);
    return true;
  }

  /** Read back: a late globalState echo must not bring back a revoked host (confirmWrites.ts). */
  private async write(stored: Stored): Promise<void> {
    // globalState replaces a value on update, never changes it in place: `before` stays as read.
    const before = this.state.get<unknown>(APPROVED_HOSTS_STATE_KEY);
    await this.state.update(APPROVED_HOSTS_STATE_KEY, stored);
    await confirmWrites(this.state, [{ key: APPROVED_HOSTS_STATE_KEY, value: stored, before }]);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }

  private read(): Stored {
    const value = this.state.get<unknown>(APPROVED_HOSTS_STATE_KEY);
    return value && typeof value === 'object' && !Array.isArray(value) ? { ...(value as Stored) } : {};
  }
}
