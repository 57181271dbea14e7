/**
 * Python logical lines in one pass: a statement runs until a line break outside brackets,
 * strings (triple-quoted ones span lines) and backslash continuations, or until `;`.
 * Comments are skipped. No full tokenizer is needed to find `NAME = value` statements.
 */
import type { TextIndex } from '../text/textIndex';

export interface PyStatement {
  /** Offset of the first code character. */
  start: number;
  /** Offset after the last code character (trailing comment and whitespace excluded). */
  end: number;
  startLine: number;
  endLine: number;
  /** Leading whitespace of the statement's first line. */
  indent: string;
  /** The statement begins its line (not after `;`). */
  startsLine: boolean;
}

const NEWLINE = 10;
const RETURN = 13;

/** Offset after the string starting at `quoteAt`, or the end of its line when unterminated. */
export function skipPythonString(text: string, quoteAt: number): number {
  const quote = text.charCodeAt(quoteAt);
  const triple = text.charCodeAt(quoteAt + 1) === quote && text.charCodeAt(quoteAt + 2) === quote;
  let i = quoteAt + (triple ? 3 : 1);
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 92) {
      i += 2; // a backslash escapes the next character, also in raw strings (for tokenizing)
      continue;
    }
    if (c === quote) {
      if (!triple) return i + 1;
      if (text.charCodeAt(i + 1) === quote && text.charCodeAt(i + 2) === quote) return i + 3;
    } else if (!triple && (c === NEWLINE || c === RETURN)) {
      return i; // unterminated single-line string: stop at the line break
    }
    i++;
  }
  return text.length;
}

export function scanPythonStatements(index: TextIndex): PyStatement[] {
  const text = index.text;
  const statements: PyStatement[] = [];
  let depth = 0;
  let start = -1;
  let end = -1;
  let afterSemicolon = false;
  let continued = false;

  const close = () => {
    if (start !== -1) {
      const startLine = index.lineAt(start);
      statements.push({
        start,
        end,
        startLine,
        endLine: index.lineAt(end - 1),
        indent: index.indentation(startLine),
        startsLine: !afterSemicolon,
      });
    }
    start = -1;
    end = -1;
  };

  let i = index.bodyStart;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE || c === RETURN) {
      if (depth === 0 && !continued) {
        close();
        afterSemicolon = false;
      }
      continued = false;
      i += c === RETURN && text.charCodeAt(i + 1) === NEWLINE ? 2 : 1;
      continue;
    }
    if (c === 32 || c === 9 || c === 12) {
      i++;
      continue;
    }
    if (c === 35 /* # */) {
      while (i < text.length && text.charCodeAt(i) !== NEWLINE && text.charCodeAt(i) !== RETURN) i++;
      continue;
    }
    if (c === 92 /* \ */ && (text.charCodeAt(i + 1) === NEWLINE || text.charCodeAt(i + 1) === RETURN)) {
      continued = true;
      i++;
      continue;
    }
    if (c === 59 /* ; */ && depth === 0) {
      close();
      afterSemicolon = true;
      i++;
      continue;
    }
    if (start === -1) start = i;
    if (c === 34 || c === 39) {
      i = skipPythonString(text, i);
      end = i;
      continue;
    }
    if (c === 40 || c === 91 || c === 123) depth++;
    else if ((c === 41 || c === 93 || c === 125) && depth > 0) depth--;
    i++;
    end = i;
  }
  close();
  return statements;
}
