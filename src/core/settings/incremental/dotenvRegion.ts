/**
 * Re-scanning only the .env lines an edit touches. An entry is one line unless its "double" or
 * `backtick` value runs across line breaks, so the scan restarts at the line before the edit (or
 * at the first line of the multi-line entry it falls in) and stops at the first line start past
 * the edit where neither the old scan nor the new one has an entry open: from there on the text,
 * and so the scan, is the old one moved. The checks read nothing of a .env file but its MoMo
 * entries (and the MTN test's words, which the caller looks at): non-MoMo names, duplicates,
 * quotes, `export` and `${VAR}` references are the planner's business, not theirs. So a region
 * with no MoMo entry, before or after the edit, leaves every finding as it was, moved; any
 * other region scans the file. The lines and multi-line entries after the region owe their move
 * (ShiftingLineIndex, StatementList): a keystroke costs its lines, not the file.
 */
import { scanDotenvEntries, type DotenvEntry, type DotenvScan } from '../dotenv/scan';
import type { PlainLine } from './dotenvPlainEdit';
import { splitLines } from '../text/textIndex';
import { RegionLines } from './regionLines';
import { ShiftingLineIndex } from './shiftingLines';
import { StatementList, type LineSpan } from './statementList';
import type { ChangedSpan } from './textChange';

export interface DotenvRegionState {
  index: ShiftingLineIndex;
  /** The entries whose value spans lines (name to closing quote): no line start inside one is a place to restart or stop. */
  multiLine: StatementList<LineSpan>;
  /** The line the last plain keystroke went to (dotenvPlainEdit.ts), known to be quiet. */
  plainLine?: PlainLine;
}

export interface DotenvRegionUpdate {
  state: DotenvRegionState;
  /** Where a range of the old text is now; undefined when it touches the re-scanned region. */
  mapRange(start: number, end: number): { start: number; end: number } | undefined;
  /** Offsets before this one (and their positions) are the same in the new text. */
  regionStart: number;
  kind?: 'plainEdit';
}

/** The region state of a full scan, which it takes over (its index must not be used afterwards). */
export function dotenvRegionState(scan: DotenvScan): DotenvRegionState {
  const multiLine = scan.entries.filter((e) => e.endLine > e.startLine).map(lineSpan);
  return { index: ShiftingLineIndex.takeOver(scan.index), multiLine: new StatementList(multiLine) };
}

/**
 * The state after `span` changed the text to `text`, or undefined when the region holds a MoMo
 * entry (before or after) or starts on the first line (its byte-order mark): then the caller
 * scans the file. Reuses the old state's arrays: the old state must not be used afterwards.
 */
export function updateDotenvRegion(old: DotenvRegionState, text: string, span: ChangedSpan): DotenvRegionUpdate | undefined {
  if (span.start === 0) return undefined;
  const oldText = old.index.text;
  const delta = span.newEnd - span.oldEnd;
  // The line of the character before the edit: the line break before the region stays as it was ("\r" + a typed "\n").
  let from = old.index.lineAt(span.start - 1);
  const open = openEntryAt(old, old.index.lineStart(from));
  if (open) from = open.startLine;
  if (from === 0) return undefined;
  const regionStart = old.index.lineStart(from);

  const lines = new RegionLines(text, regionStart, from);
  const after = scanDotenvEntries(text, lines, from, (_, lineStart) => lineStart >= span.newEnd && isFreeOldLineStart(old, lineStart - delta));
  const newEnd = after.stoppedAt === undefined ? text.length : (lines.start(after.stoppedAt) as number);
  const oldEnd = newEnd - delta;
  const before = scanDotenvEntries(oldText, new RegionLines(oldText, regionStart, from), from, (_, lineStart) => lineStart >= oldEnd).entries;
  if (before.some(isMomo) || after.entries.some(isMomo)) return undefined;

  // Committed from here on: the old lists are spliced in place, what follows the region owes its move.
  const newLines = splitLines(text, regionStart, newEnd);
  let to = old.index.lineCount;
  if (after.stoppedAt !== undefined) {
    // splitLines ends with the start of the line after the region: that line is not replaced.
    newLines.starts.pop();
    newLines.ends.pop();
    to = old.index.lineAt(oldEnd);
  }
  const lineDelta = newLines.starts.length - (to - from);
  const multiLine = old.multiLine;
  const first = multiLine.firstAtOrAfter('start', regionStart);
  const last = multiLine.firstAtOrAfter('start', oldEnd);
  multiLine.replace(first, last, after.entries.filter((e) => e.endLine > e.startLine).map(lineSpan), delta, lineDelta);
  const index = old.index.replaceLines(text, from, to, newLines, delta);
  return {
    state: { index, multiLine },
    mapRange: (start, end) => (end <= regionStart ? { start, end } : start >= oldEnd ? { start: start + delta, end: end + delta } : undefined),
    regionStart,
  };
}

function lineSpan(entry: DotenvEntry): LineSpan {
  return { start: entry.nameStart, end: entry.valueEnd, startLine: entry.startLine, endLine: entry.endLine };
}

function isMomo(entry: DotenvEntry): boolean {
  return entry.info.isMomo;
}

/** The multi-line entry of the old scan that line start `at` falls inside (after its first line). */
function openEntryAt(old: DotenvRegionState, at: number): LineSpan | undefined {
  const before = old.multiLine.at(old.multiLine.firstAtOrAfter('start', at) - 1);
  return before && before.end > at ? before : undefined;
}

function isFreeOldLineStart(old: DotenvRegionState, at: number): boolean {
  return old.index.lineStart(old.index.lineAt(at)) === at && openEntryAt(old, at) === undefined;
}
