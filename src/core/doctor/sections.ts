/** How findings are grouped and marked, shared by the markdown and the text renderers. */
import * as l10n from '@vscode/l10n';
import type { DoctorFinding, DoctorSeverity } from './types';
import { plural } from '../text/l10n';

export const SECTION_IDS = ['explain', 'baseUrl', 'subscriptionKey', 'apiUser', 'targetEnvironment', 'workspace', 'callback', 'other'] as const;

export type SectionId = (typeof SECTION_IDS)[number];

export function sectionTitle(section: SectionId): string {
  switch (section) {
    case 'explain':
      return l10n.t('Pasted error');
    case 'baseUrl':
      return l10n.t('Base URL');
    case 'subscriptionKey':
      return l10n.t('Subscription keys');
    case 'apiUser':
      return l10n.t('API users');
    case 'targetEnvironment':
      return l10n.t('Target environment and currency');
    case 'workspace':
      return l10n.t('Workspace');
    case 'callback':
      return l10n.t('Callback to your app');
    default:
      return l10n.t('Other');
  }
}

export function sectionOf(check: string): SectionId {
  const head = check.split('.')[0];
  if (head === 'apiKey') return 'apiUser';
  if (head === 'currency') return 'targetEnvironment';
  return (SECTION_IDS as readonly string[]).includes(head) ? (head as SectionId) : 'other';
}

/** Findings by section, sections in the order of their first finding (the order the checks ran). */
export function groupBySection(findings: readonly DoctorFinding[]): Array<{ section: SectionId; title: string; findings: DoctorFinding[] }> {
  const groups = new Map<SectionId, DoctorFinding[]>();
  for (const finding of findings) {
    const section = sectionOf(finding.check);
    groups.set(section, [...(groups.get(section) ?? []), finding]);
  }
  return [...groups].map(([section, list]) => ({ section, title: sectionTitle(section), findings: list }));
}

export const SEVERITY_MARKS: Record<DoctorSeverity, string> = { ok: '✓', error: '✗', warning: '⚠', info: 'ℹ' };

export function summaryLine(counts: Record<DoctorSeverity, number>, cancelled: boolean): string {
  const parts = [
    plural(counts.error, l10n.t('{0} error', counts.error), l10n.t('{0} errors', counts.error)),
    plural(counts.warning, l10n.t('{0} warning', counts.warning), l10n.t('{0} warnings', counts.warning)),
    l10n.t('{0} passed', counts.ok),
  ];
  if (counts.info) parts.push(plural(counts.info, l10n.t('{0} note', counts.info), l10n.t('{0} notes', counts.info)));
  return cancelled ? l10n.t('{0} (cancelled before the end)', parts.join(', ')) : parts.join(', ');
}
