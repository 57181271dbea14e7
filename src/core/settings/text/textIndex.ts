/**
 * Line index over a document's text: where lines start, which line break each one has, the
 * dominant line break, BOM and trailing newline. Built in one pass; offset ↔ position by
 * binary search so large files stay cheap.
 */
import type { Position } from '../types';

const BOM = '\uFEFF';

/** How many line breaks of each kind a text has: the dominant one is the file's. */
export interface LineBreakCounts {
  lf: number;
  crlf: number;
  cr: number;
}

/** Line starts, content ends and line-break counts of `text` from `from` to the end (or `until`). */
export function splitLines(text: string, from = 0, until = text.length): { starts: number[]; ends: number[]; breaks: LineBreakCounts } {
  const starts: number[] = [from];
  const ends: number[] = [];
  const breaks: LineBreakCounts = { lf: 0, crlf: 0, cr: 0 };
  for (let i = from; i < until; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      ends.push(i);
      starts.push(i + 1);
      breaks.lf++;
    } else if (c === 13) {
      ends.push(i);
      if (text.charCodeAt(i + 1) === 10) {
        i++;
        breaks.crlf++;
      } else {
        breaks.cr++;
      }
      starts.push(i + 1);
    }
  }
  ends.push(until);
  return { starts, ends, breaks };
}

export function dominantBreak({ lf, crlf, cr }: LineBreakCounts): string {
  return crlf > lf && crlf >= cr ? '\r\n' : cr > lf && cr > crlf ? '\r' : '\n';
}

export class TextIndex {
  readonly text: string;
  /** Offset where each line starts; line 0 starts at 0 even with a BOM (see `bodyStart`). */
  readonly lineStarts: number[];
  /** Offset just before each line's line break (or the text end for the last line). */
  readonly contentEnds: number[];
  /** The line break to use for new lines: the most common one in the file, '\n' when none. */
  readonly eol: string;
  readonly hasBom: boolean;
  /** First offset after the BOM: nothing may be inserted before it. */
  readonly bodyStart: number;
  readonly endsWithNewline: boolean;

  /** Line breaks of each kind (for keeping `eol` right when lines are replaced). */
  readonly breaks: LineBreakCounts;

  constructor(text: string, lines?: { starts: number[]; ends: number[]; breaks: LineBreakCounts }) {
    this.text = text;
    this.hasBom = text.startsWith(BOM);
    this.bodyStart = this.hasBom ? 1 : 0;
    const split = lines ?? (text.indexOf('\r') === -1 ? splitLineFeeds(text) : splitLines(text));
    this.lineStarts = split.starts;
    this.contentEnds = split.ends;
    this.breaks = split.breaks;
    this.eol = dominantBreak(split.breaks);
    this.endsWithNewline = text.length > this.bodyStart && (text.endsWith('\n') || text.endsWith('\r'));
  }

  /**
   * The index of `text`, which is this index's text with lines `fromLine` to `toLine`
   * (exclusive) replaced: `lines` are the new lines' starts and content ends (offsets into
   * `text`, ending where line `toLine` now starts) and `delta` how far the text after them moved.
   * Reuses (and so invalidates) this index's arrays: the caller owns this index.
   */
  replaceLines(text: string, fromLine: number, toLine: number, lines: { starts: number[]; ends: number[]; breaks: LineBreakCounts }, delta: number): TextIndex {
    const starts = this.lineStarts;
    const ends = this.contentEnds;
    let removed: LineBreakCounts = { lf: 0, crlf: 0, cr: 0 };
    if (toLine > fromLine) removed = splitLines(this.text, starts[fromLine], starts[toLine]).breaks;
    if (delta !== 0) {
      for (let line = toLine; line < starts.length; line++) {
        starts[line] += delta;
        ends[line] += delta;
      }
    }
    starts.splice(fromLine, toLine - fromLine, ...lines.starts);
    ends.splice(fromLine, toLine - fromLine, ...lines.ends);
    const breaks = {
      lf: this.breaks.lf - removed.lf + lines.breaks.lf,
      crlf: this.breaks.crlf - removed.crlf + lines.breaks.crlf,
      cr: this.breaks.cr - removed.cr + lines.breaks.cr,
    };
    return new TextIndex(text, { starts, ends, breaks });
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Text of a line without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.lineStarts[line], this.contentEnds[line]);
  }

  /** The line break that ends `line` ('' for the last line). */
  lineBreak(line: number): string {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.contentEnds[line];
    return this.text.slice(this.contentEnds[line], next);
  }

  lineAt(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineAt(clamped);
    return { line, character: clamped - this.lineStarts[line] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[Math.max(0, position.line)];
    return Math.min(start + position.character, this.contentEnds[Math.max(0, position.line)]);
  }

  /** Leading spaces/tabs of a line. */
  indentation(line: number): string {
    const start = this.lineStarts[line];
    const end = this.contentEnds[line];
    let i = start;
    while (i < end && (this.text.charCodeAt(i) === 32 || this.text.charCodeAt(i) === 9)) i++;
    return i === start ? '' : this.text.slice(start, i);
  }

  isBlankLine(line: number): boolean {
    return this.lineText(line).replace(BOM, '').trim() === '';
  }

  /** Last line holding something other than whitespace, or -1. */
  lastNonBlankLine(): number {
    for (let line = this.lineCount - 1; line >= 0; line--) {
      if (!this.isBlankLine(line)) return line;
    }
    return -1;
  }
}

/** splitLines for a text without '\r': indexOf is much faster than a per-character loop. */
function splitLineFeeds(text: string): { starts: number[]; ends: number[]; breaks: LineBreakCounts } {
  const starts: number[] = [0];
  const ends: number[] = [];
  let at = text.indexOf('\n');
  while (at !== -1) {
    ends.push(at);
    starts.push(at + 1);
    at = text.indexOf('\n', at + 1);
  }
  ends.push(text.length);
  return { starts, ends, breaks: { lf: starts.length - 1, crlf: 0, cr: 0 } };
}
