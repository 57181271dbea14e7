/**
 * MoMo: Explain a MoMo Error (arguments: MomoCommandArgs in momoCommands.ts); without a text an
 * InputBox asks for the pasted status line or body. The core explains it exactly as it
 * explains a live failure; the notification gives the meaning, the most likely cause and the
 * fixes as buttons, and "Details" opens the full explanation in the doctor's view.
 */
import * as vscode from 'vscode';
import { runDoctor, summarize, type DoctorFinding } from '../../core/doctor';
import { redactSecrets } from '../../core/momo/redact';
import { fixAction, fixButtonLabel } from '../doctor/doctorFixes';
import { publicReport, setCurrentSession, type DoctorSession } from '../doctor/doctorSession';
import { DoctorReportPanel } from '../doctor/reportPanel';
import type { Actions } from '../notifier';
import { stringArg, toArgs } from '../commandArgs';
import { failed, type CommandContext, type CommandResult } from '../commandContext';
import { runMomoCommand } from '../momoCommands';
import { SANDBOX } from '../../core/momo/environments';

const MAX_FIX_BUTTONS = 2;

export type ExplainErrorResult = CommandResult<{ recognised: boolean; finding: DoctorFinding }>;

export async function explainError(ctx: CommandContext, arg: unknown): Promise<ExplainErrorResult> {
  const given = typeof arg === 'string' ? arg : (stringArg(toArgs(arg), 'text') ?? stringArg(toArgs(arg), 'errorText'));
  const text = given ?? (await askForText());
  if (!text?.trim()) {
    return failed('cancelled');
  }
  // A pasted curl line or log may hold a key: it is masked before anything keeps or shows it.
  ctx.log.info(`Explaining a pasted error: ${shorten(ctx.log.redact(text))}`);
  const explained = redactFinding((await runDoctor({ errorText: text })).findings[0], text);
  const recognised = explained.severity !== 'warning';
  // The doctor notes an explanation (it never fails a report); here the pasted error is the
  // subject, so a recognised one is shown as the error it is.
  const finding: DoctorFinding = recognised ? { ...explained, severity: 'error', ok: false } : explained;
  const report = summarize([finding]);
  const session: DoctorSession = {
    title: vscode.l10n.t('MoMo: the pasted error explained'),
    environment: SANDBOX,
    report,
    scopes: new Map(),
    workspace: { files: new Map(), gitignores: new Map(), folderOf: new Map() },
    rerun: () => runMomoCommand('momo.diagnoseSetup', { errorText: text }),
  };

  const cause = recognised && finding.causes?.[0] ? ' ' + vscode.l10n.t('Most likely: {0}', lowerFirst(finding.causes[0])) : '';
  const actions: Actions = {};
  for (const fix of finding.fixes ?? []) {
    const action = fixAction(ctx, fix, { environment: SANDBOX }, session);
    if (action && Object.keys(actions).length < MAX_FIX_BUTTONS) {
      actions[fixButtonLabel(fix)] = action;
    }
  }
  actions[vscode.l10n.t('Details')] = () => {
    setCurrentSession(session);
    DoctorReportPanel.show(ctx, session);
  };
  ctx.notifier.tell(recognised ? 'error' : 'warning', ctx.log.redact(`${finding.message}${cause}`), actions);
  return { ok: true, recognised, finding: publicReport(report).findings[0] };
}

async function askForText(): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('MoMo: Explain a MoMo Error'),
    prompt: vscode.l10n.t('Paste the status line and body you got (from your app log, curl or Postman); keys in it are masked, never stored.'),
    placeHolder: '401 {"statusCode": 401, "message": "Access denied due to invalid subscription key. …"}',
    ignoreFocusOut: true,
  });
}

/** The core redacts what it was told is secret; a pasted text brings its own, unknown ones. */
function redactFinding(finding: DoctorFinding, pasted: string): DoctorFinding {
  const secretsInText = pasted.match(/[0-9a-f]{32}/gi) ?? [];
  const clean = (s: string) => redactSecrets(s, secretsInText);
  return {
    ...finding,
    message: clean(finding.message),
    ...(finding.causes ? { causes: finding.causes.map(clean) } : {}),
    ...(finding.next ? { next: clean(finding.next) } : {}),
  };
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
