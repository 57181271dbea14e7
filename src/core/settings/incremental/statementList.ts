/**
 * The statements a region update keeps between keystrokes (Python statements; a .env file's
 * multi-line entries), in text order, with the statements after each edit owing their move
 * (PendingShift) instead of all being moved.
 */
import type { PyStatement } from '../python/statements';
import { PendingShift } from './pendingShift';

/** What the list moves: offsets and lines of the statement's first and last character. */
export interface LineSpan {
  start: number;
  end: number;
  startLine: number;
  endLine: number;
}

export class StatementList<T extends LineSpan = PyStatement> {
  private readonly pending: PendingShift;

  /** Takes over (and from then on changes) the statements: the scan must not use them afterwards. */
  constructor(private readonly items: T[]) {
    const move = (i: number, delta: number, lineDelta: number): void => {
      const statement = items[i];
      statement.start += delta;
      statement.end += delta;
      statement.startLine += lineDelta;
      statement.endLine += lineDelta;
    };
    this.pending = new PendingShift(items.length, move);
  }

  get length(): number {
    return this.items.length;
  }

  /** Statement i with its offsets exact, or undefined outside the list. */
  at(i: number): T | undefined {
    if (i < 0 || i >= this.items.length) return undefined;
    this.pending.settle(i + 1);
    return this.items[i];
  }

  /** Statements `first`..`last` (exclusive), exact. */
  range(first: number, last: number): T[] {
    this.pending.settle(last);
    return this.items.slice(first, last);
  }

  /** The first statement whose `edge` (start or end) is at or after `offset` (binary search; nothing settled). */
  firstAtOrAfter(edge: 'start' | 'end', offset: number): number {
    let low = 0;
    let high = this.items.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.items[mid][edge] + this.pending.owed(mid) < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Statement i (exact) ends `delta` characters later, its lines unchanged; those after it move by `delta`. */
  extend(i: number, delta: number): void {
    this.pending.replace(i, i + 1, 1, delta, 0);
    this.items[i].end += delta;
  }

  /** Replaces statements `first`..`last` (exclusive) with `statements` (exact); those after move by `delta` / `lineDelta`. */
  replace(first: number, last: number, statements: T[], delta: number, lineDelta: number): void {
    this.pending.replace(first, last, statements.length, delta, lineDelta);
    this.items.splice(first, last - first, ...statements);
  }
}
