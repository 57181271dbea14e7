/**
 * The report as markdown for the extension's preview. Fixes become links the caller builds
 * (`command:` URIs need the extension's command ids and trust settings, which the core does
 * not know); a fix without a link shows its web URL, or its label as plain text.
 */
import * as l10n from '@vscode/l10n';
import { groupBySection, SEVERITY_MARKS, summaryLine } from './sections';
import type { DoctorFinding, DoctorFix, DoctorReport } from './types';

export interface MarkdownOptions {
  /** A link target for the fix, e.g. `command:momo.setSubscriptionKey?…`; undefined → its url, if any. */
  fixLink?: (fix: DoctorFix, finding: DoctorFinding) => string | undefined;
  /** Default "MoMo doctor". */
  title?: string;
}

/** Characters that would turn a message into markup (links, emphasis, HTML). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
}

export function renderDoctorMarkdown(report: DoctorReport, options: MarkdownOptions = {}): string {
  const lines = [`# ${escapeMarkdown(options.title ?? l10n.t('MoMo doctor'))}`, '', `**${summaryLine(report.counts, report.cancelled)}**`];
  if (report.findings.length === 0) lines.push('', l10n.t('Nothing to check: give a base URL, a subscription key or an API user.'));
  for (const group of groupBySection(report.findings)) {
    lines.push('', `## ${group.title}`, '');
    for (const finding of group.findings) lines.push(...renderFinding(finding, options));
  }
  return lines.join('\n') + '\n';
}

function renderFinding(finding: DoctorFinding, options: MarkdownOptions): string[] {
  const subject = finding.subject ? `**${escapeMarkdown(finding.subject)}**: ` : '';
  const lines = [`- ${SEVERITY_MARKS[finding.severity]} ${subject}${escapeMarkdown(finding.message)}`];
  if (finding.causes?.length && finding.severity !== 'ok') {
    lines.push(`  - ${l10n.t('Likely causes:')}`);
    for (const cause of finding.causes) lines.push(`    - ${escapeMarkdown(cause)}`);
  }
  const fixes = (finding.fixes ?? []).map((fix) => renderFix(fix, finding, options));
  if (fixes.length) lines.push(`  - ${l10n.t('Fix: {0}', fixes.join(' · '))}`);
  else if (finding.next) lines.push(`  - ${l10n.t('Next: {0}', escapeMarkdown(finding.next))}`);
  return lines;
}

function renderFix(fix: DoctorFix, finding: DoctorFinding, options: MarkdownOptions): string {
  const target = options.fixLink?.(fix, finding) ?? fix.url;
  // Angle brackets keep spaces and parentheses in a URI from ending the link early.
  return target ? `[${escapeMarkdown(fix.label)}](<${target.replace(/[<>]/g, encodeURIComponent)}>)` : escapeMarkdown(fix.label);
}
