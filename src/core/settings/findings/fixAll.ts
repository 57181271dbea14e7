/**
 * "Fix all in file": every committed secret of one file moved to .env at once. The moves are
 * planned one after another, each on the text the previous one left and with the .env and
 * .gitignore as they will be, then folded into one edit per file (one undo step, one message).
 * Nothing is lost: only moves that take their value along are made; a secret whose name .env
 * already sets (to what may be another value) stays where it is and is counted as left.
 */
import * as l10n from '@vscode/l10n';
import { plural } from '../../text/l10n';
import { applyEdits, makeEdit } from '../text/edits';
import { TextIndex } from '../text/textIndex';
import type { FileChange, Finding, FindingOptions, MomoRole, QuickFix, SettingsDocument, TextEdit } from '../types';
import { detectFindings } from './detect';
import { moveAlongTitle } from './fixes';

export interface MoveAllPlan {
  fix: QuickFix;
  /** The variables moved, in file order, with what they hold. */
  moved: Array<{ name: string; role?: MomoRole }>;
  /** Committed secrets left in the file (their names are set in .env already). */
  left: string[];
}

const SECRET = 'momo.hardcodedSecret';

/** The move of one secret that takes its value to .env, if the finding has one. */
export function movingFix(finding: Finding): QuickFix | undefined {
  return finding.code === SECRET ? finding.fixes.find((f) => f.kind === 'edit' && f.title === moveAlongTitle() && f.dotenv !== undefined) : undefined;
}

export function fixAllTitle(count: number): string {
  return plural(count, l10n.t('Fix all in file: move {0} secret to .env', count), l10n.t('Fix all in file: move {0} secrets to .env', count));
}

/** undefined when fewer than two secrets can be moved (the single quick fix is the way then). */
export function planMoveAllSecrets(doc: SettingsDocument, options: FindingOptions): MoveAllPlan | undefined {
  const first = detectFindings(doc, options).filter((f) => f.code === SECRET);
  if (first.filter((f) => movingFix(f)).length < 2) return undefined;
  let text = doc.text;
  let current = { ...options };
  let dotenv = options.dotenv ? { fileName: options.dotenv.fileName, create: false, text: options.dotenv.text } : undefined;
  let gitignore: { fileName: string; create: boolean; text: string } | undefined;
  let packageName: string | undefined;
  const moved: MoveAllPlan['moved'] = [];
  let secrets = first;
  // Each move takes one secret out; the bound only guards against a plan that would not.
  for (let step = 0; step < first.length; step++) {
    const finding = secrets.find((f) => movingFix(f));
    const fix = finding && movingFix(finding);
    const toDotenv = fix?.dotenv;
    if (!finding || !fix || !toDotenv) break;
    text = applyEdits(text, fix.edits);
    dotenv = changed(dotenv, toDotenv);
    if (fix.gitignore) gitignore = changed(gitignore ?? { fileName: fix.gitignore.fileName, create: fix.gitignore.create, text: current.gitignoreText ?? '' }, fix.gitignore);
    packageName ??= fix.packageName;
    moved.push({ name: finding.name ?? 'a secret', ...(finding.role ? { role: finding.role } : {}) });
    current = { ...current, dotenv: { fileName: dotenv.fileName, text: dotenv.text }, ...(gitignore ? { gitignoreText: gitignore.text } : {}) };
    const remaining = detectFindings({ ...doc, text }, current).filter((f) => f.code === SECRET);
    if (remaining.length >= secrets.length) return undefined; // a move that moved nothing: plan no edit at all
    secrets = remaining;
  }
  if (moved.length < 2 || !dotenv) return undefined;
  const fix: QuickFix = {
    kind: 'edit',
    title: fixAllTitle(moved.length),
    isPreferred: false,
    edits: spanEdit(doc.text, text),
    dotenv: fileChange(dotenv, options.dotenv?.text),
    ...(gitignore ? { gitignore: fileChange(gitignore, options.gitignoreText ?? undefined) } : {}),
    ...(packageName ? { packageName } : {}),
  };
  return { fix, moved, left: secrets.map((f) => f.name ?? 'a secret') };
}

function changed<T extends { fileName: string; create: boolean; text: string }>(file: T | undefined, change: FileChange): { fileName: string; create: boolean; text: string } {
  const before = file ?? { fileName: change.fileName, create: change.create, text: '' };
  return { fileName: before.fileName, create: before.create, text: applyEdits(before.text, change.edits) };
}

function fileChange(file: { fileName: string; create: boolean; text: string }, original: string | undefined): FileChange {
  return { fileName: file.fileName, create: file.create, edits: spanEdit(file.create ? '' : (original ?? ''), file.text) };
}

/** One edit that turns `before` into `after`: the span between their common start and end. */
function spanEdit(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return [makeEdit(new TextIndex(before), start, before.length - end, after.slice(start, after.length - end))];
}
