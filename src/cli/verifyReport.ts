/**
 * Prints a verification report: one ✓/✗ line per step on stdout, the explanation of a failed
 * step on stderr. Shared by `verify` and `demo`.
 */
import * as l10n from '@vscode/l10n';
import { VerifyReport, VerifyStepName } from '../core/momo/verify';
import { formatMomoError } from './format';
import { CliIo } from './io';

const stepLabel = (name: VerifyStepName): string => (name === 'token' ? l10n.t('Token') : l10n.t('Balance'));
const ALL_STEPS: VerifyStepName[] = ['token', 'balance'];

export function printVerifyReport(report: VerifyReport, io: CliIo, secrets: string[]): void {
  for (const name of ALL_STEPS) {
    const step = report.steps.find((s) => s.name === name);
    if (!step) {
      io.out(`– ${l10n.t('{0}: skipped', stepLabel(name))}`);
    } else if (step.ok) {
      io.out(`✓ ${l10n.t('{0}: {1}', stepLabel(name), step.summary)}`);
    } else {
      io.out(`✗ ${l10n.t('{0}: failed', stepLabel(name))}`);
      if (step.error) io.err(formatMomoError(step.error, secrets, `✗ ${l10n.t('{0}:', stepLabel(name))}`));
    }
  }
}

/** The --json form: no secrets, the error reduced to what a script needs. */
export function verifyReportJson(report: VerifyReport): object {
  return {
    ok: report.ok,
    steps: report.steps.map((s) => ({
      name: s.name,
      ok: s.ok,
      summary: s.summary,
      ...(s.error ? { error: { kind: s.error.kind, status: s.error.status, message: s.error.message } } : {}),
    })),
    ...(report.balance ? { balance: report.balance } : {}),
  };
}
