/**
 * The common keystroke without re-lexing anything: letters, digits, `_` or spaces typed or
 * deleted inside one statement. Such characters change no statement boundary (no quote, bracket,
 * comment, `;`, line break or continuation among them, and not right after a quote, a `\` or a
 * "\r" that would read them: the lexer looks ahead, never back), so the statements after the
 * edit are the old ones moved, the edited one only ends later or earlier, and no line starts or
 * ends anywhere else. (A string prefix such as r or f changes nothing the lexer or the file-wide
 * facts read.)
 *
 * The file-wide facts a region update keeps (pythonRegion.ts) stay as they are, shown without
 * reading the statement again. Both kinds of match below are made of word characters, dots, `-`
 * and white space, then (for reads) `(`, `[` or `.`; one that the edit makes, unmakes or changes
 * lies in the run of such characters around the edit, or reaches it through a dot (wordsAround):
 * - FILE_WIDE words: the statement held none (checked once, then remembered as `clean` while
 *   typing goes on there), and the run holds none; what is around the statement is unchanged
 *   and read apart from it (a comment's words count for the file, not for the statement);
 * - environment reads (environmentUse.ts read and style patterns, whose names are ASCII word
 *   characters): with no dot at the run's ends and no bracket after it, none touches the edit;
 * - the head, the imports and the quote-habit sample: the statement is after the head, the
 *   edit past the first seven characters of the statement (`import` and a space), and inside
 *   the sample the statement's vote is the same.
 * Anything else goes the region path's way.
 */
import type { PyStatement } from '../python/statements';
import { FILE_WIDE, quoteVote, type PythonRegionState, type RegionUpdate } from './pythonRegion';
import type { ChangedSpan } from './textChange';

/** `import` and a white space: an edit past this many characters into a statement cannot make or unmake an import. */
const IMPORT_WORD = 7;

export function updatePlainEdit(old: PythonRegionState, text: string, span: ChangedSpan): RegionUpdate | undefined {
  const { index, statements, clean } = old;
  const oldText = index.text;
  const { start, oldEnd, newEnd } = span;
  // A quote, `\` or "\r" before the edit would read the typed characters.
  if (!old.plainReadNames || '"\'\\\r'.includes(oldText[start - 1])) return undefined;
  if (!allPlain(oldText, start, oldEnd) || !allPlain(text, start, newEnd)) return undefined;
  // Typing goes on in the statement of the last keystroke, mostly: look there first.
  const at = clean && statements.at(clean.at) === clean.statement && inside(clean.statement, span) ? clean.at : statements.firstAtOrAfter('end', oldEnd + 1);
  const statement = statements.at(at);
  if (!statement || !inside(statement, span)) return undefined;
  const { start: from, end: to } = statement;
  const delta = newEnd - oldEnd;
  // After the head (so is the edit), not in a statement's first word (a top-level one may become an import).
  if (from < old.headEnd || start <= from + IMPORT_WORD) return undefined;
  if (from < old.sampleEnd && quoteVote(oldText, from, to) !== quoteVote(text, from, to + delta)) return undefined;
  if (clean?.statement !== statement && FILE_WIDE.test(oldText.slice(from, to))) return undefined;
  const run = wordsAround(text, start, newEnd);
  if (run === undefined || FILE_WIDE.test(run)) return undefined;

  // Committed: the old state's lists change in place.
  statements.replace(at, at + 1, [statement], delta, 0);
  statement.end += delta;
  old.index = index.editWithinLine(text, statement.startLine === statement.endLine ? statement.startLine : index.lineAt(start), delta);
  old.clean = { statement, at };
  // The sample's end is a later assignment's start (or past all of them: moving it changes nothing).
  if (old.sampleEnd > from) old.sampleEnd += delta;
  return {
    state: old,
    // Positions come from the new index: the edited line's characters after the edit moved.
    mapRange: (a, b) => (b < from ? { start: a, end: b } : a > to ? { start: a + delta, end: b + delta } : undefined),
    regionStart: from,
    kind: 'plainEdit',
  };
}

/** A code character of the statement before the edit and one after it. */
function inside(statement: PyStatement, span: ChangedSpan): boolean {
  return statement.start < span.start && statement.end > span.oldEnd;
}

/** Letters, digits, `_` and spaces only. */
export function allPlain(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!(isWordCode(c) || c === 32)) return false;
  }
  return true;
}

/**
 * The edited characters with the identifier characters, `-`, white space and anything beyond
 * ASCII either side (a read's name and \s may be such); undefined when a dot borders the run or
 * `(` or `[` follows it (a read may reach into it). The typed characters are plain: the run is
 * bordered by the same characters before and after the edit. Its borders are no word
 * characters, so `\b` reads the same in it as in the text. (Code puts `=`, brackets, quotes or
 * operators between words: the run is the words next to the edit, not more of the file.)
 */
function wordsAround(text: string, start: number, end: number): string | undefined {
  let from = start;
  while (inRun(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (inRun(text.charCodeAt(to))) to++;
  const next = text.charCodeAt(to);
  return text.charCodeAt(from - 1) === 46 || next === 46 || next === 40 || next === 91 ? undefined : text.slice(from, to);
}

function inRun(c: number): boolean {
  return isWordCode(c) || c === 45 || c === 32 || (c >= 9 && c <= 13) || c > 127;
}

export function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}
