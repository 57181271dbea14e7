/** How findings are grouped and marked, shared by the markdown and the text renderers. */
import type { DoctorFinding, DoctorSeverity } from './types';
import { countOf } from '../text/plural';

export const SECTION_TITLES = {
  explain: 'Pasted error',
  baseUrl: 'Base URL',
  subscriptionKey: 'Subscription keys',
  apiUser: 'API users',
  targetEnvironment: 'Target environment and currency',
  workspace: 'Workspace',
  callback: 'Callback to your app',
  other: 'Other',
} as const;

export type SectionId = keyof typeof SECTION_TITLES;

export function sectionOf(check: string): SectionId {
  const head = check.split('.')[0];
  if (head === 'apiKey') return 'apiUser';
  if (head === 'currency') return 'targetEnvironment';
  return head in SECTION_TITLES ? (head as SectionId) : 'other';
}

/** Findings by section, sections in the order of their first finding (the order the checks ran). */
export function groupBySection(findings: readonly DoctorFinding[]): Array<{ section: SectionId; title: string; findings: DoctorFinding[] }> {
  const groups = new Map<SectionId, DoctorFinding[]>();
  for (const finding of findings) {
    const section = sectionOf(finding.check);
    groups.set(section, [...(groups.get(section) ?? []), finding]);
  }
  return [...groups].map(([section, list]) => ({ section, title: SECTION_TITLES[section], findings: list }));
}

export const SEVERITY_MARKS: Record<DoctorSeverity, string> = { ok: '✓', error: '✗', warning: '⚠', info: 'ℹ' };

export function summaryLine(counts: Record<DoctorSeverity, number>, cancelled: boolean): string {
  const parts = [countOf(counts.error, 'error'), countOf(counts.warning, 'warning'), `${counts.ok} passed`];
  if (counts.info) parts.push(countOf(counts.info, 'note'));
  return `${parts.join(', ')}${cancelled ? ' (cancelled before the end)' : ''}`;
}
