/**
 * A settings diagnostic (src/core/settings `Finding`) as a doctor finding, so the doctor lists
 * the workspace's problems in the same report as the credentials'. The quick fix travels in
 * `args` untouched: the extension applies it exactly as its code action would.
 */
import * as l10n from '@vscode/l10n';
import type { Finding, QuickFix, Range } from '../../settings';
import { makeFinding } from '../findings';
import type { DoctorFinding, DoctorFix, DoctorFixId, DoctorSeverity } from '../types';

const SEVERITIES: Record<Finding['severity'], DoctorSeverity> = { error: 'error', warning: 'warning', information: 'info', hint: 'info' };

/** What a settings fix (or "open the file") carries in `DoctorFix.args`. */
export interface SettingsFixArgs {
  fileName: string;
  code: string;
  range: Range;
  quickFix?: QuickFix;
}

export function settingsFindingToDoctor(fileName: string, finding: Finding): DoctorFinding {
  const where = { fileName, code: finding.code, range: finding.range };
  const fixes: DoctorFix[] = finding.fixes.map((quickFix) => ({
    id: fixIdOf(finding, quickFix),
    label: quickFix.title,
    args: { ...where, quickFix } satisfies SettingsFixArgs,
  }));
  fixes.push({ id: 'openFile', label: l10n.t('Open {0}', fileName), args: where satisfies SettingsFixArgs });
  return makeFinding(`workspace.${finding.code.replace(/^momo\./, '')}`, SEVERITIES[finding.severity], finding.message, {
    subject: `${fileName}:${finding.range.start.line + 1}`,
    fixes,
  });
}

function fixIdOf(finding: Finding, quickFix: QuickFix): DoctorFixId {
  if (finding.code === 'momo.dotenvNotLoaded') return 'addDotenvLoader';
  const onlyIgnores = quickFix.kind === 'edit' && quickFix.edits.length === 0 && !quickFix.dotenv && !!quickFix.gitignore;
  return onlyIgnores ? 'addToGitignore' : 'applySettingsFix';
}
