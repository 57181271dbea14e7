/**
 * A rehearsal as a doctor report (the same view, marks and buttons): what was sent, what the
 * app answered with its cause and next step, the first lines of the answer, and the view that
 * serves the URL with a button to open it. "Run Again" in the report's toolbar tests again.
 */
import * as vscode from 'vscode';
import type { RehearsalResult } from '../../core/callbacks';
import type { DoctorFinding, DoctorFix, DoctorReport, DoctorSeverity } from '../../core/doctor';
import { PRODUCT_LABELS } from '../../core/momo/products';

const CALLBACK_CHECKS = { sent: 'callback.sent', answer: 'callback.answer', body: 'callback.body', view: 'callback.view' } as const;

export function callbackReport(result: RehearsalResult, apiUserLabel: string | undefined): DoctorReport {
  const { explanation } = result;
  const product = PRODUCT_LABELS[result.product];
  const payment =
    result.product === 'collection'
      ? vscode.l10n.t('A {0} request to pay (outcome {1}) with this callback URL', product, result.outcome)
      : vscode.l10n.t('A {0} transfer (outcome {1}) with this callback URL', product, result.outcome);
  const through =
    result.emulator === 'private'
      ? vscode.l10n.t('through a local MoMo emulator started for this test (nothing went to MTN)')
      : result.emulator === 'running'
        ? vscode.l10n.t('through the emulator at the sandbox base URL')
        : vscode.l10n.t('nothing was sent');
  const user = apiUserLabel ? vscode.l10n.t('API user {0}', apiUserLabel) : vscode.l10n.t('an API user made for this test');
  const findings: DoctorFinding[] = [
    finding(CALLBACK_CHECKS.sent, 'info', `${result.method} ${result.url}`, vscode.l10n.t('{0}, {1}; {2}, callback host {3}.', payment, through, user, result.providerCallbackHost)),
  ];
  const answer = finding(CALLBACK_CHECKS.answer, explanation.ok ? 'ok' : 'error', vscode.l10n.t('Your app'), explanation.summary);
  findings.push({ ...answer, causes: [explanation.cause], next: explanation.next });
  if (explanation.details.length) {
    findings.push(finding(CALLBACK_CHECKS.body, 'info', vscode.l10n.t('Its answer began with'), explanation.details.join(' ⏎ ')));
  }
  const location = explanation.location as (typeof explanation.location & { csrfExempt?: boolean }) | undefined;
  if (location) {
    const where = `${location.file}:${location.line}`;
    const exempt = location.csrfExempt === undefined ? '' : ' ' + (location.csrfExempt ? vscode.l10n.t('It is marked @csrf_exempt.') : vscode.l10n.t('It has no @csrf_exempt.'));
    const open: DoctorFix = { id: 'openFile', label: vscode.l10n.t('Open {0}', where), args: { fileName: location.file, range: lineRange(location.line) } };
    findings.push({ ...finding(CALLBACK_CHECKS.view, 'info', where, vscode.l10n.t('The view that urls.py maps to this URL.') + exempt), fixes: [open] });
  }
  const counts: Record<DoctorSeverity, number> = { error: 0, warning: 0, info: 0, ok: 0 };
  for (const f of findings) counts[f.severity]++;
  return { ok: explanation.ok, findings, cancelled: false, counts };
}

function finding(check: string, severity: DoctorSeverity, subject: string, message: string): DoctorFinding {
  return { check, ok: severity !== 'error', severity, subject, message };
}

function lineRange(line: number) {
  const at = { line: Math.max(0, line - 1), character: 0 };
  return { start: at, end: at };
}
