/** What the incremental diagnostics tests compare with: a change applied, and a full rescan. */
import { detectFindings, type Finding, type FindingOptions, type MoveFixPlanner, type SettingsDocument, type TextChange } from '../../../src/core/settings';

export function apply(text: string, change: TextChange): string {
  return text.slice(0, change.start) + change.text + text.slice(change.end);
}

/** What a full rescan answers, with or without the move fixes' planner. */
export function fullRescan(doc: SettingsDocument, options: FindingOptions, planMove: MoveFixPlanner | undefined): Finding[] {
  const findings = detectFindings(doc, options);
  return planMove ? findings : findings.map((f) => (f.code === 'momo.hardcodedSecret' ? { ...f, fixes: [] } : f));
}
