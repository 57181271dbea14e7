/**
 * One run of Set Up MoMo: what it has done so far (kept whatever happens next), the notes for
 * the final message, and how it ends early. Stopping never undoes anything: the message says
 * what was kept and that running the command again continues from there.
 */
import * as vscode from 'vscode';
import type { CommandContext } from '../commandContext';
import { runMomoCommand } from '../momoCommands';

export class SetupRun {
  readonly title = vscode.l10n.t('Set Up MoMo');
  readonly doneSteps: string[] = [];
  readonly notes: string[] = [];
  /** Set when the run ended early: cancelled before this step, or failed for this reason. */
  stoppedBefore?: string;
  failure?: string;

  constructor(private readonly ctx: CommandContext) {}

  done(step: string): void {
    this.doneSteps.push(step);
    this.ctx.log.info(`Set Up MoMo: ${step}.`);
  }

  note(text: string): void {
    this.notes.push(text);
    this.ctx.log.info(`Set Up MoMo: ${text}`);
  }

  /** The person cancelled: says what was kept and how to go on. Returns undefined for the caller to pass on. */
  stopped(before: string): undefined {
    this.stoppedBefore = before;
    const kept = this.doneSteps.length > 0 ? vscode.l10n.t('Kept: {0}.', this.doneSteps.join('; ')) : vscode.l10n.t('Nothing was changed.');
    this.ctx.notifier.tell('info', vscode.l10n.t('Set Up MoMo stopped before {0}. {1} Run Set Up MoMo again to continue from there.', before, kept), {
      [vscode.l10n.t('Continue Set Up')]: () => this.again(),
    });
    return undefined;
  }

  /** A failure already shown to the person (with its own buttons). */
  failed(reason: string): undefined {
    this.failure = reason;
    return undefined;
  }

  again(): Thenable<unknown> {
    return runMomoCommand('momo.setUp');
  }
}
