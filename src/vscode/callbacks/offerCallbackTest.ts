import * as vscode from 'vscode';
import type { DoctorReport } from '../../core/doctor';

const API_USER_EXISTS = 'apiUser.exists';

/**
 * The doctor's fix for callbacks: an API user the sandbox confirmed gets "Test My Callback",
 * the next wall after working credentials. Added by the extension (the CLI has `callback-test`).
 */
export function offerCallbackTest(report: DoctorReport, sandbox: boolean): DoctorReport {
  if (!sandbox) return report;
  return {
    ...report,
    findings: report.findings.map((finding) =>
      finding.check === API_USER_EXISTS && finding.severity === 'ok'
        ? { ...finding, fixes: [...(finding.fixes ?? []), { id: 'testMyCallback', label: vscode.l10n.t('Test My Callback') }] }
        : finding,
    ),
  };
}
