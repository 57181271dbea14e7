/**
 * Edits between two versions of a document, as VS Code reports them (`contentChanges`: each
 * one's offsets are into the text the changes before it produced), folded into the one span
 * of the old text that changed.
 */

/** Replace `start`..`end` (offsets into the text before this change) with `text`. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/** Old text `start`..`oldEnd` became new text `start`..`newEnd`; everything else is the same. */
export interface ChangedSpan {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * The smallest span covering every change: the text before the earliest start and the text
 * after the latest end (counted from the end) are untouched by all of them. undefined when the
 * changes do not fit a text of `oldLength` (a lost event): the caller starts over.
 */
export function changedSpan(changes: readonly TextChange[], oldLength: number): ChangedSpan | undefined {
  let length = oldLength;
  let prefix = oldLength;
  let suffix = oldLength;
  for (const change of changes) {
    if (change.start < 0 || change.end < change.start || change.end > length) return undefined;
    prefix = Math.min(prefix, change.start);
    suffix = Math.min(suffix, length - change.end);
    length += change.text.length - (change.end - change.start);
  }
  const span = { start: prefix, oldEnd: oldLength - suffix, newEnd: length - suffix };
  return span.oldEnd < span.start || span.newEnd < span.start ? undefined : span;
}

/** The changed lines, whole (a word typed across a line's old text is seen in full). */
export function changedLines(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !isLineBreak(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && !isLineBreak(text.charCodeAt(to))) to++;
  return text.slice(from, to);
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}
