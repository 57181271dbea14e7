/**
 * dotenv files, line by line: `[export ]NAME=value` (and Node dotenv's `NAME: value`), values
 * unquoted, 'single', "double" (multi-line allowed) or `backtick`, `# comments`, any line break.
 * Records where each value sits so it can be replaced without touching its quotes or a trailing
 * comment. Where the loaders disagree, this follows the ones MoMo projects use: a `#` starts a
 * comment only after white space (python-dotenv, phpdotenv; Node's dotenv cuts `a#b` to `a`),
 * and `NAME: value` is an entry (Node's dotenv reads it; writing a second `NAME=` line beside
 * it would leave the app reading the old value). test/unit/settings/dotenvOracle.test.ts checks
 * the rest against Node's dotenv.
 */
import { classifyNameFast as classifyName } from '../names/classify';
import type { ScannedSettings, ScannedVariable } from '../model';
import { TextIndex } from '../text/textIndex';

export interface DotenvEntry extends ScannedVariable {
  exported: boolean;
  /** `=` with the spaces around it (or `: `), as written. */
  operator: string;
  quote: '' | '"' | "'" | '`';
  /** The value as written (quotes included); empty range when there is no value. */
  valueStart: number;
  valueEnd: number;
  /** Inside the quotes (or the bare value). */
  innerStart: number;
  innerEnd: number;
  /** Something (a comment) follows the value on its line. */
  followedByComment: boolean;
}

export interface DotenvScan extends ScannedSettings {
  /** Every assignment, MoMo or not (to never duplicate a name). */
  entries: DotenvEntry[];
  /** The MoMo ones. */
  variables: DotenvEntry[];
}

const ENTRY = /^[ \t]*(export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)([ \t]*=[ \t]*|:[ \t]+)/;

function decodeDouble(body: string): string {
  if (!body.includes('\\')) return body;
  return body.replace(/\\([\\"nrt$`])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c);
}

/** Closing quote offset at or after `from`, or -1. Backslash escapes in "double" and `backtick`. */
function findClosingQuote(text: string, from: number, quote: string): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && quote !== "'") i++;
    else if (c === quote) return i;
  }
  return -1;
}

/**
 * The lines a scan reads: where each starts (undefined past the last) and where its content
 * ends. A whole file's TextIndex, or the lines of a re-scanned region found as the scan goes.
 */
export interface DotenvLines {
  start(line: number): number | undefined;
  end(line: number): number;
}

export function scanDotenv(text: string): DotenvScan {
  const index = new TextIndex(text);
  const lines: DotenvLines = {
    start: (line) => (line >= index.lineCount ? undefined : line === 0 ? index.bodyStart : index.lineStarts[line]),
    end: (line) => index.contentEnds[line],
  };
  const { entries } = scanDotenvEntries(text, lines, 0);
  const variables = entries.filter((e) => e.info.isMomo);
  return { dialect: 'dotenv', index, entries, variables };
}

/**
 * The entries from line `fromLine`, a line start where no entry is open, to the end or to the
 * first line start (between entries) that `stopAt` accepts: `stoppedAt` is that line. What it
 * finds depends only on the text from there on, so a region re-scan finds what a full scan would.
 */
export function scanDotenvEntries(
  text: string,
  lines: DotenvLines,
  fromLine: number,
  stopAt?: (line: number, lineStart: number) => boolean,
): { entries: DotenvEntry[]; stoppedAt?: number } {
  const entries: DotenvEntry[] = [];
  for (let line = fromLine; ; line++) {
    const lineStart = lines.start(line);
    if (lineStart === undefined) return { entries };
    if (line > fromLine && stopAt?.(line, lineStart)) return { entries, stoppedAt: line };
    const entry = entryAt(text, lines, line, lineStart);
    if (!entry) continue;
    entries.push(entry);
    line = entry.endLine;
  }
}

/**
 * `[export ]NAME` and its operator when the line holds an entry: all that decides whether it
 * does and which name it has. The value starts after it (match[0]); match[2] is the name.
 */
export function entryHead(text: string, lineStart: number, lineEnd: number): RegExpExecArray | null {
  if (text.charCodeAt(lineStart) === 35 /* # */ || lineStart === lineEnd) return null;
  return ENTRY.exec(text.slice(lineStart, lineEnd));
}

/** The entry starting on `line`, if the line holds one. */
function entryAt(text: string, lines: DotenvLines, line: number, lineStart: number): DotenvEntry | undefined {
  const lineEnd = lines.end(line);
  const match = entryHead(text, lineStart, lineEnd);
  if (!match) return undefined;
  const nameStart = lineStart + match[0].length - match[3].length - match[2].length;
  const valueStart = lineStart + match[0].length;
  const opener = text[valueStart];
  let quote: DotenvEntry['quote'] = '';
  let innerStart = valueStart;
  let innerEnd: number;
  let valueEnd: number;
  let endLine = line;
  const close = opener === '"' || opener === "'" || opener === '`' ? findClosingQuote(text, valueStart + 1, opener) : -1;
  // Only double/backtick values may span lines; an unclosed single-line quote is a bare value.
  if (close !== -1 && (close < lineEnd || opener !== "'")) {
    quote = opener as DotenvEntry['quote'];
    innerStart = valueStart + 1;
    innerEnd = close;
    valueEnd = close + 1;
    while (lines.end(endLine) < close) endLine++;
  } else {
    innerEnd = valueEnd = bareValueEnd(text, valueStart, lineEnd);
  }
  const rest = text.slice(valueEnd, lines.end(endLine));
  const raw = text.slice(innerStart, innerEnd);
  const value = quote === '"' || quote === '`' ? decodeDouble(raw) : raw;
  const name = match[2];
  return {
    name,
    info: classifyName(name),
    nameStart,
    nameEnd: nameStart + name.length,
    startLine: line,
    endLine,
    literal: { value, start: valueStart, end: valueEnd },
    exported: match[1] !== undefined,
    operator: match[3],
    quote,
    valueStart,
    valueEnd,
    innerStart,
    innerEnd,
    followedByComment: rest.trim() !== '',
  };
}

/** A bare value ends where ` #` starts a comment; trailing spaces are not part of it. */
function bareValueEnd(text: string, from: number, lineEnd: number): number {
  let end = lineEnd;
  for (let i = from; i < lineEnd; i++) {
    if (text[i] === '#' && (text[i - 1] === ' ' || text[i - 1] === '\t')) {
      end = i;
      break;
    }
  }
  while (end > from && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return end;
}
