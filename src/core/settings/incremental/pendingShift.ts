/**
 * The part of an edit's cost that used to be the whole file: moving every offset after the
 * edited region. Here the items after the region owe the move instead of making it: items at
 * or after `from` owe `delta` (and `lineDelta`), the ones before are exact. The next edit pays
 * what lies between it and the last one (typing in one place: nothing), and a reader of one
 * item pays up to that item; a binary search reads owed values without paying.
 */
export class PendingShift {
  private from: number;
  private delta = 0;
  private lineDelta = 0;

  /** `move(i, delta, lineDelta)` moves item i (the owner's arrays). */
  constructor(
    length: number,
    private readonly move: (i: number, delta: number, lineDelta: number) => void,
  ) {
    this.from = length;
  }

  /** What item i owes: its stored offset plus this is where it is. */
  owed(i: number): number {
    return i >= this.from ? this.delta : 0;
  }

  /** Items before `end` become exact. */
  settle(end: number): void {
    if (end <= this.from) return;
    if (this.owes()) for (let i = this.from; i < end; i++) this.move(i, this.delta, this.lineDelta);
    this.from = end;
  }

  /**
   * Items `first`..`last` (exclusive) are about to be replaced by `count` exact ones, and every
   * item after them moves by `delta` / `lineDelta`. Call before the owner splices its arrays.
   */
  replace(first: number, last: number, count: number, delta: number, lineDelta: number): void {
    this.settle(last);
    // Owing nothing, the debt may start right after the region; else the exact items between
    // the region and the debt move now (as far as the last edit), and the debt grows by this move.
    if (!this.owes()) this.from = last;
    else for (let i = last; i < this.from; i++) this.move(i, delta, lineDelta);
    this.from += count - (last - first);
    this.delta += delta;
    this.lineDelta += lineDelta;
  }

  private owes(): boolean {
    return this.delta !== 0 || this.lineDelta !== 0;
  }
}
