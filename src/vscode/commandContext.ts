/** What every command handler needs; built once in activate(). */
import type * as vscode from 'vscode';
import type { Clipboard } from './clipboard';
import type { CredentialStore } from './credentialStore';
import type { MomoLog } from './log';
import type { Notifier } from './notifier';
import type { HostApprovals } from './hostApprovals';
import type { SetupProgress } from './setupProgress';

export interface CommandContext {
  store: CredentialStore;
  log: MomoLog;
  notifier: Notifier;
  clipboard: Clipboard;
  /** The hosts the person allowed credentials to go to; only trust/secretDestinations.ts asks. */
  approvals: HostApprovals;
  progress: SetupProgress;
  extensionUri: vscode.Uri;
  /** Per-workspace memory (e.g. the callback URL of "Test My Callback"). */
  workspaceState?: vscode.Memento;
}

/** What a command resolves to, so tests and other extensions can act on the outcome without UI. */
export type CommandResult<T extends object = object> = ({ ok: true } & T) | { ok: false; reason: string };

export function failed(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}
