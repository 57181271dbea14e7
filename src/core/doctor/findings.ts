/**
 * Building findings. A MomoError already says what happened, why and what to do next; a
 * finding made from it keeps all three, so the doctor explains a failure in the same words
 * as the command that met it.
 */
import * as l10n from '@vscode/l10n';
import { step } from '../momo/nextSteps';
import { MomoError } from '../momo/momoError';
import type { DoctorFinding, DoctorFix, DoctorSeverity } from './types';

export interface FindingDetails {
  subject?: string;
  causes?: string[];
  next?: string;
  fixes?: DoctorFix[];
}

export function makeFinding(check: string, severity: DoctorSeverity, message: string, details: FindingDetails = {}): DoctorFinding {
  const finding: DoctorFinding = { check, ok: severity !== 'error', severity, message };
  if (details.subject) finding.subject = details.subject;
  if (details.causes?.length) finding.causes = details.causes;
  if (details.fixes?.length) finding.fixes = details.fixes;
  const next = details.next ?? nextFromFix(details.fixes?.[0]);
  if (next) finding.next = next;
  return finding;
}

/** "Open the MoMo developer portal (https://momodeveloper.mtn.com/)". */
export function nextFromFix(fix: DoctorFix | undefined): string | undefined {
  if (!fix) return undefined;
  return fix.url ? `${fix.label} (${fix.url})` : fix.label;
}

/**
 * A failed call as a finding. `lead` goes before the core's sentence when the check itself
 * did not fail, only could not run ("Could not check the key: …").
 */
export function findingFromError(
  check: string,
  error: MomoError,
  details: Omit<FindingDetails, 'causes'> & { lead?: string; severity?: DoctorSeverity } = {},
): DoctorFinding {
  const fixes: DoctorFix[] = error.nextSteps.map((step) => ({ ...step }));
  return makeFinding(check, details.severity ?? 'error', details.lead ? `${details.lead} ${error.message}` : error.message, {
    subject: details.subject,
    causes: error.causes,
    next: details.next,
    fixes: details.fixes ?? fixes,
  });
}

/** Cancellation ends the whole run instead of becoming a finding. */
export class DoctorCancelled extends Error {
  constructor() {
    super(l10n.t('The doctor was cancelled.'));
    this.name = 'DoctorCancelled';
  }
}

/** Rethrows cancellation; every other failure is returned as a MomoError to report. */
export function unlessCancelled(err: unknown): MomoError {
  if (err instanceof MomoError && err.kind === 'cancelled') throw new DoctorCancelled();
  if (err instanceof MomoError) return err;
  // MomoClient only throws MomoError; anything else is a bug, and still must not crash the report.
  return new MomoError({
    kind: 'unexpected',
    message: l10n.t('An unexpected error stopped this check.'),
    nextSteps: [step.showLog()],
  });
}
