/**
 * Building and applying TextEdits. Inserted lines always use the file's own line break and
 * keep the file's trailing-newline state, so everything outside the changed lines stays
 * byte for byte.
 */
import type { TextEdit } from '../types';
import type { TextIndex } from './textIndex';

export function makeEdit(index: TextIndex, startOffset: number, endOffset: number, newText: string): TextEdit {
  return {
    range: { start: index.positionAt(startOffset), end: index.positionAt(endOffset) },
    startOffset,
    endOffset,
    newText,
  };
}

/**
 * Applies non-overlapping edits planned on `text`. Edits at the same offset keep their array
 * order, so a plan's inserts come out in the order they were planned.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return text;
  const ordered = edits
    .map((edit, order) => ({ edit, order }))
    .sort((a, b) => a.edit.startOffset - b.edit.startOffset || a.edit.endOffset - b.edit.endOffset || a.order - b.order);
  const parts: string[] = [];
  let cursor = 0;
  for (const { edit } of ordered) {
    if (edit.startOffset < cursor || edit.endOffset < edit.startOffset || edit.endOffset > text.length) {
      throw new Error(`Overlapping or out-of-range edit at offset ${edit.startOffset}.`);
    }
    parts.push(text.slice(cursor, edit.startOffset), edit.newText);
    cursor = edit.endOffset;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

/** Inserts whole lines right after `line` (which keeps its own line break). */
export function insertLinesAfter(index: TextIndex, line: number, lines: readonly string[]): TextEdit {
  const eol = index.eol;
  if (line + 1 < index.lineCount) {
    // The line has a break: new lines go at the start of the next line, each with a break.
    const at = index.lineStarts[line + 1];
    return makeEdit(index, at, at, lines.map((l) => l + eol).join(''));
  }
  // Last line without a break: put breaks before, so the file still ends without one.
  const at = index.contentEnds[line];
  return makeEdit(index, at, at, lines.map((l) => eol + l).join(''));
}

/** Inserts whole lines before `line`; never before a BOM. */
export function insertLinesBefore(index: TextIndex, line: number, lines: readonly string[]): TextEdit {
  const at = line === 0 ? index.bodyStart : index.lineStarts[line];
  return makeEdit(index, at, at, lines.map((l) => l + index.eol).join(''));
}

/**
 * Appends lines at the end of the file, after a blank separator line when the file's last
 * line has content. An empty file gets the lines with a final line break.
 */
export function appendLines(index: TextIndex, lines: readonly string[], separate = true): TextEdit {
  const eol = index.eol;
  const end = index.text.length;
  const lastContent = index.lastNonBlankLine();
  if (lastContent === -1 && index.text.trim().replace('\uFEFF', '') === '') {
    // Empty (or whitespace-only) file: the new lines become the content.
    if (index.text.length <= index.bodyStart) {
      return makeEdit(index, end, end, lines.map((l) => l + eol).join(''));
    }
  }
  const lastLine = index.lineCount - 1;
  // A file ending in a line break has an empty last line; a blank separator is needed only when
  // the line before the insertion point has content.
  const previousIsBlank = index.endsWithNewline ? index.isBlankLine(lastLine - 1 < 0 ? 0 : lastLine - 1) : index.isBlankLine(lastLine);
  const block = separate && !previousIsBlank && lastContent !== -1 ? ['', ...lines] : [...lines];
  if (index.endsWithNewline) {
    return makeEdit(index, end, end, block.map((l) => l + eol).join(''));
  }
  return makeEdit(index, end, end, block.map((l) => eol + l).join(''));
}
