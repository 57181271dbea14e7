/**
 * The one "MoMo" LogOutputChannel. Everything goes through redactSecrets with every secret this
 * window has seen (stored, read or just created), so a key can only reach the log masked, even
 * when it hides inside an error text from a library.
 */
import * as vscode from 'vscode';
import { redactSecrets } from '../core/momo/redact';
import { LogRevealer, outputShowCommand } from './logReveal';

const RECENT_LINES = 2000;
const CHANNEL_NAME = 'MoMo';

export class MomoLog implements vscode.Disposable {
  private readonly channel: vscode.LogOutputChannel;
  private readonly known = new Set<string>();
  /** Redacted copies of recent lines: the channel cannot be read back, and tests must check it. */
  private readonly recent: string[] = [];
  private readonly revealer: LogRevealer;

  /** `extensionId`: this extension's id, which VS Code puts in front of the channel's name. */
  constructor(extensionId: string, channel?: vscode.LogOutputChannel) {
    const shown = channel ?? vscode.window.createOutputChannel(CHANNEL_NAME, { log: true });
    this.channel = shown;
    this.revealer = new LogRevealer(outputShowCommand(extensionId, CHANNEL_NAME), {
      listCommands: () => vscode.commands.getCommands(true),
      reveal: () => shown.show(true),
      wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    });
  }

  /** Call with every secret value before it can appear anywhere near a log line. */
  rememberSecret(value: string | undefined): void {
    const trimmed = value?.trim();
    if (trimmed && trimmed.length >= 8) {
      this.known.add(trimmed);
    }
  }

  redact(text: string): string {
    return redactSecrets(text, [...this.known]);
  }

  info(message: string): void {
    this.channel.info(this.keep(message));
  }

  warn(message: string): void {
    this.channel.warn(this.keep(message));
  }

  error(message: string, err?: unknown): void {
    const detail = err === undefined ? '' : ` (${describeError(err)})`;
    this.channel.error(this.keep(message + detail));
  }

  debug(message: string): void {
    this.channel.debug(this.keep(message));
  }

  /** Shows the channel, and again once the window lists it (see logReveal.ts). */
  show(): void {
    void this.revealer.reveal();
  }

  recentLines(): readonly string[] {
    return this.recent;
  }

  dispose(): void {
    this.revealer.dispose();
    this.channel.dispose();
  }

  private keep(message: string): string {
    const safe = this.redact(message);
    this.recent.push(safe);
    if (this.recent.length > RECENT_LINES) {
      this.recent.splice(0, this.recent.length - RECENT_LINES);
    }
    return safe;
  }
}

/** Only the name and message: stacks and axios configs may carry headers, and headers are secrets. */
function describeError(err: unknown): string {
  if (err instanceof Error) {
    const kind = (err as { kind?: unknown }).kind;
    return `${err.name}${typeof kind === 'string' ? `/${kind}` : ''}: ${err.message}`;
  }
  return String(err);
}
