/**
 * Line index over a document's text: where lines start, which line break each one has, the
 * dominant line break, BOM and trailing newline. Built in one pass; offset ↔ position by
 * binary search so large files stay cheap.
 */
import type { Position } from '../types';

const BOM = '\uFEFF';

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

  constructor(text: string) {
    this.text = text;
    this.hasBom = text.startsWith(BOM);
    this.bodyStart = this.hasBom ? 1 : 0;
    const starts: number[] = [0];
    const ends: number[] = [];
    let lf = 0;
    let crlf = 0;
    let cr = 0;
    if (text.indexOf('\r') === -1) {
      // Fast path for the common case: indexOf is much faster than a per-character loop.
      let at = text.indexOf('\n');
      while (at !== -1) {
        ends.push(at);
        starts.push(at + 1);
        lf++;
        at = text.indexOf('\n', at + 1);
      }
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) {
          ends.push(i);
          starts.push(i + 1);
          lf++;
        } else if (c === 13) {
          ends.push(i);
          if (text.charCodeAt(i + 1) === 10) {
            i++;
            crlf++;
          } else {
            cr++;
          }
          starts.push(i + 1);
        }
      }
    }
    ends.push(text.length);
    this.lineStarts = starts;
    this.contentEnds = ends;
    this.eol = crlf > lf && crlf >= cr ? '\r\n' : cr > lf && cr > crlf ? '\r' : '\n';
    this.endsWithNewline = text.length > this.bodyStart && (text.endsWith('\n') || text.endsWith('\r'));
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
