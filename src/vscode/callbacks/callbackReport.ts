/**
 * A rehearsal as a doctor report (the same view, marks and buttons): what was sent, what the
 * app answered with its cause and next step, the first lines of the answer, and the view that
 * serves the URL with a button to open it. "Run Again" in the report's toolbar tests again.
 */
import type { RehearsalResult } from '../../core/callbacks';
import type { DoctorFinding, DoctorFix, DoctorReport, DoctorSeverity } from '../../core/doctor';
import { PRODUCT_LABELS } from '../../core/momo/products';

export const CALLBACK_CHECKS = { sent: 'callback.sent', answer: 'callback.answer', body: 'callback.body', view: 'callback.view' } as const;

export function callbackReport(result: RehearsalResult, apiUserLabel: string | undefined): DoctorReport {
  const { explanation } = result;
  const kind = result.product === 'collection' ? 'request to pay' : 'transfer';
  const through =
    result.emulator === 'private'
      ? 'through a local MoMo emulator started for this test (nothing went to MTN)'
      : result.emulator === 'running'
        ? 'through the emulator at the sandbox base URL'
        : 'nothing was sent';
  const user = apiUserLabel ? `API user ${apiUserLabel}` : 'an API user made for this test';
  const findings: DoctorFinding[] = [
    finding(CALLBACK_CHECKS.sent, 'info', `${result.method} ${result.url}`, `A ${PRODUCT_LABELS[result.product]} ${kind} (outcome ${result.outcome}) with this callback URL, ${through}; ${user}, callback host ${result.providerCallbackHost}.`),
  ];
  const answer = finding(CALLBACK_CHECKS.answer, explanation.ok ? 'ok' : 'error', 'Your app', explanation.summary);
  findings.push({ ...answer, causes: [explanation.cause], next: explanation.next });
  if (explanation.details.length) {
    findings.push(finding(CALLBACK_CHECKS.body, 'info', 'Its answer began with', explanation.details.join(' ⏎ ')));
  }
  const location = explanation.location as (typeof explanation.location & { csrfExempt?: boolean }) | undefined;
  if (location) {
    const exempt = location.csrfExempt === undefined ? '' : location.csrfExempt ? ' It is marked @csrf_exempt.' : ' It has no @csrf_exempt.';
    const open: DoctorFix = { id: 'openFile', label: `Open ${location.file}:${location.line}`, args: { fileName: location.file, range: lineRange(location.line) } };
    findings.push({ ...finding(CALLBACK_CHECKS.view, 'info', `${location.file}:${location.line}`, `The view that urls.py maps to this URL.${exempt}`), fixes: [open] });
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
