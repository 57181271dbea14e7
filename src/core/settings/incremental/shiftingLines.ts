/**
 * The line index a region update keeps between keystrokes: TextIndex's line starts and ends,
 * taken over from the first scan, with the lines after each edit owing their move (PendingShift)
 * instead of all being moved. Offset ↔ position by binary search over what they owe.
 */
import { dominantBreak, splitLines, type LineBreakCounts, type TextIndex } from '../text/textIndex';
import type { Position } from '../types';
import { PendingShift } from './pendingShift';

export class ShiftingLineIndex {
  /** The line break new lines get: the most common one. */
  readonly eol: string;

  private constructor(
    private current: string,
    private readonly starts: number[],
    private readonly ends: number[],
    readonly breaks: LineBreakCounts,
    private readonly pending: PendingShift,
  ) {
    this.eol = dominantBreak(breaks);
  }

  /** Takes over (and from then on changes) the index's arrays: the index must not be used afterwards. */
  static takeOver(index: TextIndex): ShiftingLineIndex {
    const starts = index.lineStarts;
    const ends = index.contentEnds;
    const move = (line: number, delta: number): void => {
      starts[line] += delta;
      ends[line] += delta;
    };
    return new ShiftingLineIndex(index.text, starts, ends, index.breaks, new PendingShift(starts.length, move));
  }

  get text(): string {
    return this.current;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[line] + this.pending.owed(line);
  }

  /** Where line `line`'s content ends (before its line break). */
  lineEnd(line: number): number {
    return this.ends[line] + this.pending.owed(line);
  }

  lineAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStart(mid) <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** Whether `offset` starts a line (past the first one, inside the text). */
  isLineStart(offset: number): boolean {
    return offset > 0 && offset < this.text.length && this.lineStart(this.lineAt(offset)) === offset;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    return { line, character: clamped - this.lineStart(line) };
  }

  /**
   * Makes this the index of `text`: this one's text with line `line` grown by `delta` characters
   * (none of them a line break), the lines after it moved. Cheaper than replaceLines for one
   * line, and in place (the line breaks are the same).
   */
  editWithinLine(text: string, line: number, delta: number): void {
    this.pending.replace(line, line + 1, 1, delta, 0);
    this.ends[line] += delta;
    this.current = text;
  }

  /**
   * The index of `text`: this one's text with lines `fromLine`..`toLine` (exclusive) replaced by
   * `lines` (offsets into `text`, ending where line `toLine` now starts, or at the text's end
   * when `toLine` is the line count), the text after them moved by `delta`. Reuses this
   * index's arrays: this index must not be used afterwards.
   */
  replaceLines(text: string, fromLine: number, toLine: number, lines: { starts: number[]; ends: number[]; breaks: LineBreakCounts }, delta: number): ShiftingLineIndex {
    const removedEnd = toLine < this.lineCount ? this.lineStart(toLine) : this.text.length;
    const removed = toLine > fromLine ? splitLines(this.text, this.lineStart(fromLine), removedEnd).breaks : { lf: 0, crlf: 0, cr: 0 };
    this.pending.replace(fromLine, toLine, lines.starts.length, delta, 0);
    this.starts.splice(fromLine, toLine - fromLine, ...lines.starts);
    this.ends.splice(fromLine, toLine - fromLine, ...lines.ends);
    const breaks = {
      lf: this.breaks.lf - removed.lf + lines.breaks.lf,
      crlf: this.breaks.crlf - removed.crlf + lines.breaks.crlf,
      cr: this.breaks.cr - removed.cr + lines.breaks.cr,
    };
    return new ShiftingLineIndex(text, this.starts, this.ends, breaks, this.pending);
  }
}
