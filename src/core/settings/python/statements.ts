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

/**
 * The string starting at `quoteAt`: where it ends (after its closing quotes, or at the line
 * break / end of text when it is never closed) and whether it was closed.
 */
export function readPythonString(text: string, quoteAt: number): { end: number; closed: boolean } {
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
      if (!triple) return { end: i + 1, closed: true };
      if (text.charCodeAt(i + 1) === quote && text.charCodeAt(i + 2) === quote) return { end: i + 3, closed: true };
    } else if (!triple && (c === NEWLINE || c === RETURN)) {
      return { end: i, closed: false }; // unterminated single-line string: stop at the line break
    }
    i++;
  }
  return { end: text.length, closed: false };
}

export interface PyStatementScan {
  statements: PyStatement[];
  /**
   * Where an unclosed bracket or string starts: the file does not parse, and anything
   * appended after it could land inside it.
   */
  unclosedAt?: number;
}

/** Where the lexer is between statements, and what it reads with. */
export interface LexRange {
  /** A line start where no statement is open (0 or the body start for the whole file). */
  from: number;
  /**
   * Asked at each line start (an offset) reached with no statement open: true stops the lexer
   * there. Without it the lexer runs to the end of the text.
   */
  stopAt?: (lineStart: number) => boolean;
  /** Line of an offset, and the indentation of a line, in the text being lexed. */
  lineAt: (offset: number) => number;
  indentation: (line: number) => string;
}

export interface LexedStatements extends PyStatementScan {
  /** The line start where `stopAt` stopped the lexer; undefined when it reached the end. */
  stoppedAt?: number;
}

export function scanPythonStatements(index: TextIndex): PyStatementScan {
  const { statements, unclosedAt } = lexPythonStatements(index.text, {
    from: index.bodyStart,
    lineAt: (offset) => index.lineAt(offset),
    indentation: (line) => index.indentation(line),
  });
  return { statements, unclosedAt };
}

/** The statements from `range.from` on (the whole file's lexer, also used to re-lex an edited region). */
export function lexPythonStatements(text: string, range: LexRange): LexedStatements {
  const { lineAt, indentation, stopAt } = range;
  const statements: PyStatement[] = [];
  const openers: number[] = [];
  let unclosedString: number | undefined;
  let depth = 0;
  let start = -1;
  let end = -1;
  let afterSemicolon = false;
  let continued = false;

  const close = () => {
    if (start !== -1) {
      const startLine = lineAt(start);
      statements.push({
        start,
        end,
        startLine,
        endLine: lineAt(end - 1),
        indent: indentation(startLine),
        startsLine: !afterSemicolon,
      });
    }
    start = -1;
    end = -1;
  };

  let i = range.from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE || c === RETURN) {
      const neutral = depth === 0 && !continued;
      if (neutral) {
        close();
        afterSemicolon = false;
      }
      continued = false;
      i += c === RETURN && text.charCodeAt(i + 1) === NEWLINE ? 2 : 1;
      if (neutral && stopAt?.(i)) {
        return { statements, unclosedAt: unclosedOffset(openers, unclosedString), stoppedAt: i };
      }
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
      const string = readPythonString(text, i);
      if (!string.closed) unclosedString ??= i;
      i = string.end;
      end = i;
      continue;
    }
    if (c === 40 || c === 91 || c === 123) {
      depth++;
      openers.push(i);
    } else if ((c === 41 || c === 93 || c === 125) && depth > 0) {
      depth--;
      openers.pop();
    }
    i++;
    end = i;
  }
  close();
  return { statements, unclosedAt: unclosedOffset(openers, unclosedString) };
}

function unclosedOffset(openers: readonly number[], unclosedString: number | undefined): number | undefined {
  const unclosed = [openers[0], unclosedString].filter((o): o is number => o !== undefined);
  return unclosed.length ? Math.min(...unclosed) : undefined;
}
