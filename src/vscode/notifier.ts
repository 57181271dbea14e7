/**
 * Every message the extension shows goes through here, for three reasons: each one is also
 * logged (redacted), tests can see what the user was told, and tests can answer a message
 * (modal or not) without UI by scripting the button to "click".
 *
 * Commands never await a non-modal notification: a toast can stay open for minutes, and a
 * command driven by a test or another extension must return as soon as its work is done.
 * Such follow-ups are tracked so tests can wait for them with `idle()`.
 */
import * as vscode from 'vscode';
import type { MomoLog } from './log';

export type Severity = 'info' | 'warning' | 'error';

export interface ShownMessage {
  severity: Severity;
  message: string;
  buttons: string[];
  modal: boolean;
  /** The modal's second paragraph, if any. */
  detail?: string;
  /** What was clicked, once known (undefined: dismissed). */
  answer?: string;
  /** Taken off the screen by the extension because it no longer applies (`closeWhen`). */
  closed?: boolean;
}

/** A toast that stops applying (the setting it is about was fixed) calls `close`; disposed once the toast is answered. */
export type CloseWhen = (close: () => void) => vscode.Disposable;

interface ScriptedAnswer {
  match: RegExp;
  button: string | undefined;
}

/** A button and what it does; the handler's promise is tracked like the message itself. */
export type Actions = Record<string, () => unknown>;

export class Notifier {
  private readonly shownMessages: ShownMessage[] = [];
  private readonly scripted: ScriptedAnswer[] = [];
  private readonly pending = new Set<Promise<unknown>>();

  /** `scriptable` only in the extension's own tests: answering a question in advance skips a confirmation. */
  constructor(
    private readonly log: MomoLog,
    private readonly options: { scriptable: boolean } = { scriptable: false },
  ) {}

  /** Shows a message and waits for the answer; use for modal confirmations. */
  ask(severity: Severity, message: string, buttons: string[], options: { modal?: boolean; detail?: string } = {}): Promise<string | undefined> {
    return this.present(severity, message, buttons, options, this.takeScripted(message));
  }

  /** Shows a message and returns at once; a click runs the matching action later. */
  tell(
    severity: Severity,
    message: string,
    actions: Actions = {},
    options: { modal?: boolean; detail?: string; onDismiss?: () => unknown; closeWhen?: CloseWhen } = {},
  ): void {
    const scripted = this.takeScripted(message);
    const answered = this.present(severity, message, Object.keys(actions), options, scripted);
    if (options.closeWhen) this.closeWhen(answered, options.closeWhen);
    const runAction = async (answer: string | undefined): Promise<void> => {
      const action = answer === undefined ? options.onDismiss : actions[answer];
      if (action) {
        await action();
      }
    };
    // Only work that has started is tracked: a toast nobody clicks must not hold up idle().
    if (scripted) {
      this.track(answered.then(runAction), message);
    } else {
      void answered.then((answer) => this.track(runAction(answer), message), () => undefined);
    }
  }

  /**
   * VS Code has no API to close one notification: hiding the toasts moves every open one to the
   * notification center (the bell keeps them, nothing is lost), the only way to take a toast
   * that no longer applies off the screen. Only done while that toast is still unanswered.
   */
  private closeWhen(answered: Promise<string | undefined>, closeWhen: CloseWhen): void {
    const shown = this.shownMessages[this.shownMessages.length - 1];
    let open = true;
    const watch = closeWhen(() => {
      if (!open) return;
      open = false;
      shown.closed = true;
      watch.dispose();
      this.log.info(`Closed, no longer applies: ${shown.message}`);
      void vscode.commands.executeCommand('notifications.hideToasts').then(undefined, () => undefined);
    });
    const answeredOrGone = (): void => {
      open = false;
      watch.dispose();
    };
    answered.then(answeredOrGone, answeredOrGone);
  }

  // ---- for tests ----

  /** The next message matching `match` is answered with `button` (undefined: dismissed) instead of shown. */
  answerNext(match: RegExp | string, button: string | undefined): void {
    if (!this.options.scriptable) throw new Error('Questions can only be answered in advance in the extension tests.');
    this.scripted.push({ match: typeof match === 'string' ? new RegExp(escapeRegExp(match)) : match, button });
  }

  clearScriptedAnswers(): void {
    this.scripted.length = 0;
  }

  shown(): readonly ShownMessage[] {
    return this.shownMessages;
  }

  /** Resolves once every follow-up action started so far has finished. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) {
      await Promise.all([...this.pending]);
    }
  }

  private async present(
    severity: Severity,
    message: string,
    buttons: string[],
    options: { modal?: boolean; detail?: string },
    scripted: ScriptedAnswer | undefined,
  ): Promise<string | undefined> {
    const shown: ShownMessage = { severity, message, buttons, modal: options.modal === true, ...(options.detail ? { detail: options.detail } : {}) };
    this.record(shown);
    const answer = scripted ? scripted.button : await this.showReal(severity, message, buttons, options);
    shown.answer = answer;
    return answer;
  }

  private track(work: Promise<void>, message: string): void {
    const tracked = work.catch((err) => this.log.error(`An action offered with "${message}" failed`, err));
    this.pending.add(tracked);
    void tracked.finally(() => this.pending.delete(tracked));
  }

  private record(shown: ShownMessage): void {
    this.shownMessages.push(shown);
    if (this.shownMessages.length > 500) {
      this.shownMessages.shift();
    }
    // The log line already carries its level ([error], [warning]); only say what the level cannot.
    const line = `${shown.modal ? 'Asked: ' : 'Shown: '}${shown.message}`;
    if (shown.severity === 'error') {
      this.log.error(line);
    } else if (shown.severity === 'warning') {
      this.log.warn(line);
    } else {
      this.log.info(line);
    }
  }

  private takeScripted(message: string): ScriptedAnswer | undefined {
    const at = this.scripted.findIndex((s) => s.match.test(message));
    return at < 0 ? undefined : this.scripted.splice(at, 1)[0];
  }

  private showReal(severity: Severity, message: string, buttons: string[], options: { modal?: boolean; detail?: string }): Thenable<string | undefined> {
    const opts: vscode.MessageOptions = { modal: options.modal === true, ...(options.detail ? { detail: options.detail } : {}) };
    switch (severity) {
      case 'error':
        return vscode.window.showErrorMessage(message, opts, ...buttons);
      case 'warning':
        return vscode.window.showWarningMessage(message, opts, ...buttons);
      default:
        return vscode.window.showInformationMessage(message, opts, ...buttons);
    }
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
