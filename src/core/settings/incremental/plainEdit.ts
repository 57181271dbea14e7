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
 * reading the statement again:
 * - FILE_WIDE words: the statement held none (checked once, then remembered in `typing` while
 *   typing goes on there), so a word the edit makes touches it (fileWideWordTouching); what is
 *   around the statement is unchanged and read apart from it (a comment's words count for the
 *   file, not for the statement);
 * - environment reads (environmentUse.ts read and style patterns, whose names are ASCII word
 *   characters): a match is word characters, dots and white space, then `(`, `[` or `.`; one
 *   that the edit makes, unmakes or changes lies in the run of such characters around the edit
 *   or reaches it through a dot: with no dot at the run's ends and no bracket after it, none
 *   touches the edit. Plain characters typed or deleted inside that run leave its ends as they
 *   are: inside the statement, the run is remembered in `typing` and not walked again;
 * - the head, the imports and the quote-habit sample: the statement is after the head, the
 *   edit past the first seven characters of the statement (`import` and a space), and inside
 *   the sample the statement's vote is the same.
 * Anything else goes the region path's way.
 */
import type { PyStatement } from '../python/statements';
import { FILE_WIDE, fileWideWordTouching, isWordCode } from './fileWideWords';
import { quoteVote, type PythonRegionState, type RegionUpdate } from './pythonRegion';
import type { ChangedSpan } from './textChange';

/** `import` and a white space: an edit past this many characters into a statement cannot make or unmake an import. */
const IMPORT_WORD = 7;

export function updatePlainEdit(old: PythonRegionState, text: string, span: ChangedSpan): RegionUpdate | undefined {
  const { index, statements, typing } = old;
  const oldText = index.text;
  const { start, oldEnd, newEnd } = span;
  if (!old.plainReadNames || readsOn(oldText.charCodeAt(start - 1))) return undefined;
  if (!allPlain(oldText, start, oldEnd) || !allPlain(text, start, newEnd)) return undefined;
  // Typing goes on in the statement of the last keystroke, mostly: look there first.
  const at = typing && statements.at(typing.at) === typing.statement && inside(typing.statement, span) ? typing.at : statements.firstAtOrAfter('end', oldEnd + 1);
  const statement = statements.at(at);
  if (!statement || !inside(statement, span)) return undefined;
  const { start: from, end: to } = statement;
  const delta = newEnd - oldEnd;
  // After the head (so is the edit), not in a statement's first word (a top-level one may become an import).
  if (from < old.headEnd || start <= from + IMPORT_WORD) return undefined;
  if (from < old.sampleEnd && quoteVote(oldText, from, to) !== quoteVote(text, from, to + delta)) return undefined;
  const same = typing?.statement === statement ? typing : undefined;
  if (!same && FILE_WIDE.test(oldText.slice(from, to))) return undefined;
  if (fileWideWordTouching(text, start, newEnd)) return undefined;
  // The run the last keystroke walked, if the edit is inside it (its ends stay); else walk it now.
  let runFrom = -1;
  let runTo = -1;
  if (same && same.runFrom >= 0 && start >= from + same.runFrom && oldEnd <= from + same.runTo) {
    runFrom = same.runFrom;
    runTo = same.runTo + delta;
  } else {
    const runStart = runStartBefore(text, start);
    const runEnd = runEndAfter(text, newEnd);
    if (!readsUntouched(text, runStart, runEnd)) return undefined;
    // Remembered with both its ends inside the statement only: only an edit of the statement changes them.
    if (runStart > from && runEnd < to + delta) {
      runFrom = runStart - from;
      runTo = runEnd - from;
    }
  }

  // Committed: the old state's lists change in place.
  statements.extend(at, delta);
  index.editWithinLine(text, statement.startLine === statement.endLine ? statement.startLine : index.lineAt(start), delta);
  if (same) {
    same.at = at;
    same.runFrom = runFrom;
    same.runTo = runTo;
  } else {
    old.typing = { statement, at, runFrom, runTo };
  }
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

/** A quote (`"""`), `\` (an escape, a continuation) or "\r" ("\r\n"): the lexer reads it with what follows. */
function readsOn(c: number): boolean {
  return c === 34 || c === 39 || c === 92 || c === 13;
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
 * The run around an edit: identifier characters, `-`, white space and anything beyond ASCII (a
 * read's name and \s may be such). Code puts `=`, brackets, quotes or operators between words:
 * the run is the words next to the edit, not more of the file.
 */
function runStartBefore(text: string, start: number): number {
  let from = start;
  while (inRun(text.charCodeAt(from - 1))) from--;
  return from;
}

function runEndAfter(text: string, end: number): number {
  let to = end;
  while (inRun(text.charCodeAt(to))) to++;
  return to;
}

/** No dot before the run `from`..`to`, and no dot, `(` or `[` after it: no read reaches into it. */
function readsUntouched(text: string, from: number, to: number): boolean {
  const next = text.charCodeAt(to);
  return text.charCodeAt(from - 1) !== 46 && next !== 46 && next !== 40 && next !== 91;
}

/** Which ASCII characters are in the run: `\w`, `-` and white space (\s: 9–13 and 32). */
const RUN = Uint8Array.from({ length: 128 }, (_, c) => (isWordCode(c) || c === 45 || c === 32 || (c >= 9 && c <= 13) ? 1 : 0));

function inRun(c: number): boolean {
  return c > 127 || RUN[c] === 1;
}
