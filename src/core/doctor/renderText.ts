/** The report as plain text, for the CLI and logs: one line per finding, then its next step. */
import * as l10n from '@vscode/l10n';
import { groupBySection, SEVERITY_MARKS, summaryLine } from './sections';
import type { DoctorReport } from './types';

export function renderDoctorText(report: DoctorReport): string {
  const lines: string[] = [];
  for (const group of groupBySection(report.findings)) {
    lines.push(group.title);
    for (const finding of group.findings) {
      const text = finding.subject ? l10n.t('{0}: {1}', finding.subject, finding.message) : finding.message;
      lines.push(`  ${SEVERITY_MARKS[finding.severity]} ${text}`);
      // The most likely cause is enough in a terminal; the extension's report lists them all.
      if (finding.severity === 'error' && finding.causes?.length) lines.push(`      ${l10n.t('likely: {0}', finding.causes[0])}`);
      if (finding.severity !== 'ok' && finding.next) lines.push(`      ${l10n.t('next: {0}', finding.next)}`);
    }
    lines.push('');
  }
  lines.push(summaryLine(report.counts, report.cancelled));
  return lines.join('\n') + '\n';
}
