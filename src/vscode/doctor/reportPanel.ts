/**
 * The webview that shows the doctor's report. One panel, reused by every run (a second run
 * replaces the report instead of stacking tabs). The page may only post four messages, each
 * checked here: run a fix by its indexes, run again, explain an error, copy as Markdown.
 */
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { CommandContext } from '../commandContext';
import { presentError } from '../ui/errorPresenter';
import { canRunFix, runSessionFix } from './doctorFixes';
import { sessionMarkdown, type DoctorSession } from './doctorSession';
import { renderReportHtml } from './reportHtml';
import { runMomoCommand } from '../momoCommands';

const DOCTOR_VIEW_TYPE = 'momo.doctorReport';

type PageMessage = { type: 'fix'; finding: number; fix: number } | { type: 'rerun' | 'explain' | 'copyMarkdown' };

export class DoctorReportPanel {
  private static current: DoctorReportPanel | undefined;
  private session: DoctorSession;

  /** Shows (or updates) the report; returns the HTML it shows, for callers that check what people see. */
  static show(ctx: CommandContext, session: DoctorSession): string {
    const existing = DoctorReportPanel.current;
    if (existing) {
      existing.session = session;
      existing.panel.reveal(undefined, true);
      return existing.render();
    }
    const panel = vscode.window.createWebviewPanel(
      DOCTOR_VIEW_TYPE,
      vscode.l10n.t('MoMo Doctor'),
      { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
      { enableScripts: true, enableCommandUris: false, localResourceRoots: [], retainContextWhenHidden: false },
    );
    const created = new DoctorReportPanel(ctx, panel, session);
    DoctorReportPanel.current = created;
    return created.render();
  }

  private constructor(
    private readonly ctx: CommandContext,
    private readonly panel: vscode.WebviewPanel,
    session: DoctorSession,
  ) {
    this.session = session;
    const subscriptions = [
      panel.webview.onDidReceiveMessage((message: unknown) => void this.handle(message)),
      panel.onDidDispose(() => {
        DoctorReportPanel.current = undefined;
        vscode.Disposable.from(...subscriptions).dispose();
      }),
    ];
  }

  private render(): string {
    const session = this.session;
    const html = renderReportHtml({
      title: session.title,
      report: session.report,
      madeAt: new Date(),
      ...(session.note ? { note: session.note } : {}),
      canFix: (finding, fix) => canRunFix(this.ctx, session, finding, fix),
      nonce: randomBytes(16).toString('base64'),
    });
    const name = session.panelTitle ?? vscode.l10n.t('MoMo Doctor');
    this.panel.title = session.report.ok ? name : `${name} (${session.report.counts.error} ✗)`;
    this.panel.webview.html = html;
    return html;
  }

  private async handle(raw: unknown): Promise<void> {
    const message = parseMessage(raw);
    if (!message) {
      this.ctx.log.warn('The doctor report sent a message it should not have; it was ignored.');
      return;
    }
    const session = this.session;
    try {
      switch (message.type) {
        case 'fix': {
          const result = await runSessionFix(this.ctx, session, message.finding, message.fix);
          if (!result.ok) {
            this.ctx.log.warn(`Doctor fix not done: ${result.reason}`);
          }
          return;
        }
        case 'rerun':
          await session.rerun();
          return;
        case 'explain':
          await runMomoCommand('momo.explainError');
          return;
        case 'copyMarkdown':
          await this.ctx.clipboard.copy(sessionMarkdown(session));
          this.ctx.notifier.tell('info', vscode.l10n.t('Copied the doctor report as Markdown. It holds no secret (keys are shown masked), so it is safe to paste into an issue.'));
          return;
      }
    } catch (err) {
      presentError(this.ctx, err);
    }
  }
}

function parseMessage(raw: unknown): PageMessage | undefined {
  if (typeof raw !== 'object' || raw === null) {
    return undefined;
  }
  const m = raw as Record<string, unknown>;
  if (m.type === 'fix') {
    return Number.isInteger(m.finding) && Number.isInteger(m.fix) ? { type: 'fix', finding: m.finding as number, fix: m.fix as number } : undefined;
  }
  return m.type === 'rerun' || m.type === 'explain' || m.type === 'copyMarkdown' ? { type: m.type } : undefined;
}
