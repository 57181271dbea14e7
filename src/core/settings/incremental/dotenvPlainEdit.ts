/**
 * The common .env keystroke without scanning anything: letters, digits, `_` or spaces typed or
 * deleted in the value of an ordinary one-line entry. What the scanner reads of a line
 * (dotenv/scan.ts) decides nothing there:
 * - whether the line holds an entry, its name (MoMo's or not) and where its value starts are
 *   read by entryHead up to the value's first character, which is before the edit;
 * - the value's closing quote is the first quote after the opening one that no `\` escapes: the
 *   edit types and deletes no quote or `\`, and none is right before it, so the quote that
 *   closed the value still does, moved; an entry that ended on this line still does, and no
 *   line break is typed or deleted, so every other line is read as before;
 * - the value itself, its comment and its quotes are not read by the checks for a name that is
 *   not MoMo's (dotenvRegion.ts): the findings stay, moved.
 * The line holds no MTN word before the edit (checked once, remembered in the state while
 * typing goes on there) and the run of word characters and `-` around the edit holds none after
 * it: an MTN word is made of such characters, so one the edit makes lies in that run.
 * Anything else (the first line, a MoMo name, a multi-line entry, the name or operator) goes the
 * region path's way.
 */
import { entryHead } from '../dotenv/scan';
import { classifyNameFast } from '../names/classify';
import type { DotenvRegionState, DotenvRegionUpdate } from './dotenvRegion';
import { isWordCode } from './fileWideWords';
import { MTN_TEST_WORDS } from './mtnWords';
import { allPlain } from './plainEdit';
import type { ChangedSpan } from './textChange';

/** A line where plain keystrokes move only what follows: its number, start, where its value starts and where its content ends. */
export interface PlainLine {
  line: number;
  start: number;
  valueStart: number;
  end: number;
  /** The first multi-line entry after it. */
  multiAt: number;
}

/** A line or run longer than this goes the region path's way: the regex reads bounded input. */
const MAX_READ = 4096;

export function updateDotenvPlainEdit(old: DotenvRegionState, text: string, span: ChangedSpan): DotenvRegionUpdate | undefined {
  const { start, oldEnd, newEnd } = span;
  const oldText = old.index.text;
  if (oldText.charCodeAt(start - 1) === 92 /* \ */ || !allPlain(oldText, start, oldEnd) || !allPlain(text, start, newEnd)) return undefined;
  const line = old.plainLine && fits(old.plainLine, span) ? old.plainLine : quietLine(old, start);
  if (!line || !fits(line, span) || hasMtnWordAround(text, start, newEnd)) return undefined;

  // Committed: the old state changes in place.
  const delta = newEnd - oldEnd;
  const { start: lineStart, end: lineEnd } = line;
  if (line.multiAt < old.multiLine.length) old.multiLine.replace(line.multiAt, line.multiAt, [], delta, 0);
  old.index.editWithinLine(text, line.line, delta);
  line.end += delta;
  old.plainLine = line;
  return {
    state: old,
    mapRange: (a, b) => (b <= lineStart ? { start: a, end: b } : a > lineEnd ? { start: a + delta, end: b + delta } : undefined),
    regionStart: lineStart,
    kind: 'plainEdit',
  };
}

/** The edit is past the value's first character and inside the line. */
function fits(line: PlainLine, span: ChangedSpan): boolean {
  return span.start > line.valueStart && span.oldEnd <= line.end;
}

/** The line of `offset` when it holds a one-line entry whose name is not MoMo's and no MTN word; not the first line (its byte-order mark). */
function quietLine(old: DotenvRegionState, offset: number): PlainLine | undefined {
  const { index, multiLine } = old;
  const line = index.lineAt(offset);
  if (line === 0) return undefined;
  const start = index.lineStart(line);
  const end = index.lineEnd(line);
  const multiAt = multiLine.firstAtOrAfter('start', start);
  const before = multiLine.at(multiAt - 1);
  const after = multiLine.at(multiAt);
  if ((before && before.end >= start) || (after && after.start <= end)) return undefined;
  const head = entryHead(index.text, start, end);
  if (!head || classifyNameFast(head[2]).isMomo || end - start > MAX_READ || MTN_TEST_WORDS.test(index.text.slice(start, end))) return undefined;
  return { line, start, valueStart: start + head[0].length, end, multiAt };
}

/** Whether the word characters and `-` around `start`..`end` of `text` hold an MTN word (or run too long to look). */
function hasMtnWordAround(text: string, start: number, end: number): boolean {
  let from = start;
  while (isRunCode(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (isRunCode(text.charCodeAt(to))) to++;
  return to - from > MAX_READ || MTN_TEST_WORDS.test(text.slice(from, to));
}

function isRunCode(c: number): boolean {
  return isWordCode(c) || c === 45;
}
