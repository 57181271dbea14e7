/**
 * Re-scanning only the Python statements an edit touches. The lexer restarts at a line start
 * where no statement is open and stops at the first line start after the edit where the old
 * scan had none open either: from there on the statements are the old ones, moved. The region
 * may be reused only when the file-wide facts the checks read stay the same: no MoMo word, import
 * or .env loader in it (before or after), it lies after the file's head (imports, first read and
 * assignment, the Env() line, the docstring), the most used read style stays the most used, and
 * inside the quote-habit sample its assignments keep their quotes. Anything else scans the file.
 * The statements and lines after the region owe their move rather than making it (StatementList,
 * ShiftingLineIndex): a keystroke costs its statements, not the file.
 */
import type { PythonScan } from '../python/scan';
import { ASSIGN, QUOTE_SAMPLE } from '../python/scan';
import { environmentPatterns, hitsInside, mostUsedStyle, type EnvironmentPatterns } from '../python/environmentUse';
import { lexPythonStatements, type PyStatement } from '../python/statements';
import { dominantBreak, splitLines } from '../text/textIndex';
import { FILE_WIDE } from './fileWideWords';
import { RegionLines } from './regionLines';
import { ShiftingLineIndex } from './shiftingLines';
import { StatementList } from './statementList';
import type { ChangedSpan } from './textChange';

export interface PythonRegionState {
  index: ShiftingLineIndex;
  statements: StatementList;
  /** Edits before this offset (imports, the first read, the Env() line, the docstring…) scan the file. */
  headEnd: number;
  patterns: EnvironmentPatterns;
  /** Counts of each read style in the file (patterns.styles' order); kept up to date. */
  styleCounts: number[];
  /** Assignments starting before this offset form the quote-habit sample. */
  sampleEnd: number;
  /** The file has a top-level environment read (a new one after the head is not the first). */
  hasEnvRead: boolean;
  /** The decouple / django-environ names the reads use are ASCII word characters only (plainEdit.ts relies on it). */
  plainReadNames: boolean;
  /** Where the last plain keystroke was (plainEdit.ts). */
  typing?: TypingSpot;
}

/** The statement of the last plain keystroke, which holds no FILE_WIDE word, and what is known around the keystroke. */
export interface TypingSpot {
  statement: PyStatement;
  /** Its place in `statements` when last seen. */
  at: number;
  /**
   * The run of characters around the keystroke that no read reaches into (plainEdit.ts), from
   * the statement's start: `runFrom`..`runTo`; -1 when not known.
   */
  runFrom: number;
  runTo: number;
}

export interface RegionUpdate {
  state: PythonRegionState;
  /** Where a range of the old text is now; undefined when it touches the re-scanned region. */
  mapRange(start: number, end: number): { start: number; end: number } | undefined;
  /** Offsets before this one (and their positions) are the same in the new text. */
  regionStart: number;
  /** 'plainEdit': plainEdit.ts moved the statements without re-lexing; 'statements': the touched ones were re-lexed. */
  kind: 'plainEdit' | 'statements';
}

const QUOTE_LOOKAHEAD = 200;
/** What makes a top-level statement one of the file's imports (scan.ts); `from` alone is no FILE_WIDE word. */
const IMPORT_START = /(?:import|from)\s/y;

/** The region state of a full scan, which it takes over; undefined when the file does not parse (every edit scans it again). */
export function pythonRegionState(scan: PythonScan): PythonRegionState | undefined {
  if (scan.unclosedAt !== undefined) return undefined;
  const index = scan.index;
  const lastImport = scan.imports[scan.imports.length - 1];
  // The loader goes after the last import, and looks at the line after it.
  const afterImports = lastImport ? index.lineStarts[Math.min(lastImport.endLine + 2, index.lineCount - 1)] : 0;
  const text = index.text;
  // The sample and the first assignment after it: the file's other statements are not tested.
  const assignments: PyStatement[] = [];
  for (const statement of scan.statements) {
    if (!isAssignment(text, statement)) continue;
    assignments.push(statement);
    if (assignments.length > QUOTE_SAMPLE) break;
  }
  const firstTopAssignment = assignments.find((s) => s.indent === '' && s.startsLine);
  const head = [afterImports, scan.statements[0]?.end, scan.docstring?.end, scan.firstEnvRead?.end, scan.environAssignment?.end, firstTopAssignment?.end];
  const headEnd = Math.max(...head.map((offset) => offset ?? 0));
  const patterns = environmentPatterns({ fromOs: scan.fromOs, decoupleNames: scan.context.decoupleNames, environNames: scan.context.environNames });
  const sampleEnd = assignments.length > QUOTE_SAMPLE ? assignments[QUOTE_SAMPLE].start : Number.MAX_SAFE_INTEGER;
  return {
    index: ShiftingLineIndex.takeOver(index),
    statements: new StatementList(scan.statements),
    headEnd,
    patterns,
    styleCounts: [...scan.envStyleCounts],
    sampleEnd,
    hasEnvRead: scan.firstEnvRead !== undefined,
    // django-environ's names are assignment targets; decouple's may be an import's garbled alias.
    plainReadNames: ![...scan.context.decoupleNames].some((name) => /\W/.test(name)),
  };
}

/**
 * The state after `span` changed the text to `text`, or undefined when the region matters to
 * the whole file (or cannot be bounded): then the caller scans the file. Reuses the old
 * state's arrays: the old state must not be used afterwards.
 */
export function updatePythonRegion(old: PythonRegionState, text: string, span: ChangedSpan): RegionUpdate | undefined {
  const oldText = old.index.text;
  const delta = span.newEnd - span.oldEnd;
  if (span.start <= old.headEnd) return undefined;
  const from = restartLine(old, span);
  if (from === undefined) return undefined;
  const regionStart = old.index.lineStart(from);
  if (regionStart < old.headEnd || regionStart === 0) return undefined;

  const lines = new RegionLines(text, regionStart, from);
  const lexed = lexPythonStatements(text, {
    from: regionStart,
    lineAt: (offset) => lines.lineAt(offset),
    indentation: (line) => lines.indentation(line),
    // Past the edit, with the line break before it untouched, where the old scan was between statements too.
    stopAt: (lineStart) => lineStart >= span.newEnd + 2 && old.index.isLineStart(lineStart - delta) && openStatementAt(old, lineStart - delta) === undefined,
  });
  if (lexed.stoppedAt === undefined || lexed.unclosedAt !== undefined) return undefined;
  const newEnd = lexed.stoppedAt;
  const oldEnd = newEnd - delta;
  if (FILE_WIDE.test(oldText.slice(regionStart, oldEnd)) || FILE_WIDE.test(text.slice(regionStart, newEnd))) return undefined;

  const first = old.statements.firstAtOrAfter('start', regionStart);
  const last = old.statements.firstAtOrAfter('start', oldEnd);
  const before = old.statements.range(first, last).map((s) => contribution(oldText, s, old.patterns));
  const after = lexed.statements.map((s) => contribution(text, s, old.patterns));
  const styleCounts = old.styleCounts.map((count, i) => count - sum(before, (c) => c.styles[i]) + sum(after, (c) => c.styles[i]));
  if (mostUsedStyle(old.patterns, styleCounts) !== mostUsedStyle(old.patterns, old.styleCounts)) return undefined;
  if (!old.hasEnvRead && after.some((c) => c.topLevelRead)) return undefined;
  // A statement that becomes (or stops being) an import moves where the .env loader goes.
  if (before.some((c) => c.import) || after.some((c) => c.import)) return undefined;
  if (regionStart < old.sampleEnd && before.flatMap((c) => c.quote ?? []).join() !== after.flatMap((c) => c.quote ?? []).join()) return undefined;

  const newLines = splitLines(text, regionStart, newEnd);
  newLines.starts.pop();
  newLines.ends.pop();
  const to = old.index.lineAt(oldEnd);
  const removed = splitLines(oldText, regionStart, oldEnd).breaks;
  const { lf, crlf, cr } = old.index.breaks;
  const breaks = { lf: lf - removed.lf + newLines.breaks.lf, crlf: crlf - removed.crlf + newLines.breaks.crlf, cr: cr - removed.cr + newLines.breaks.cr };
  if (dominantBreak(breaks) !== old.index.eol) return undefined;

  // Committed from here on: the old lists are spliced in place, what follows the region owes its move.
  const lineDelta = newLines.starts.length - (to - from);
  const statements = old.statements;
  statements.replace(first, last, lexed.statements, delta, lineDelta);
  const index = old.index.replaceLines(text, from, to, newLines, delta);
  return {
    // The sample's end moves with the text after the region; inside it, the region's end is a safe bound.
    state: { ...old, index, statements, styleCounts, sampleEnd: old.sampleEnd >= oldEnd ? old.sampleEnd + delta : old.sampleEnd >= regionStart ? newEnd : old.sampleEnd },
    mapRange: (start, end) => (end < regionStart ? { start, end } : start > oldEnd ? { start: start + delta, end: end + delta } : undefined),
    regionStart,
    kind: 'statements',
  };
}

/** The line to re-lex from: the edit's first line, or earlier while a statement (or a `\` continuation) runs into it. */
function restartLine(old: PythonRegionState, span: ChangedSpan): number | undefined {
  const { index, statements } = old;
  let low = span.start;
  const touched = statements.at(statements.firstAtOrAfter('end', span.start));
  if (touched && touched.start <= span.oldEnd) low = Math.min(low, touched.start);
  let line = index.lineAt(low);
  // Start before the edit, so the line break before the restart is untouched ("\r" + a typed "\n").
  if (index.lineStart(line) === span.start) line--;
  while (line > 0) {
    const at = index.lineStart(line);
    const open = openStatementAt(old, at);
    if (open === undefined) return line;
    line = open === 'continued' ? line - 1 : open.startLine;
  }
  return undefined;
}

/** The statement running across line start `at` of the old text, 'continued' after a `\` line end, else undefined. */
function openStatementAt(old: PythonRegionState, at: number): PyStatement | 'continued' | undefined {
  const text = old.index.text;
  const breakAt = text.charCodeAt(at - 1) === 10 && text.charCodeAt(at - 2) === 13 ? at - 2 : at - 1;
  if (text.charCodeAt(breakAt - 1) === 92 /* \ */) return 'continued';
  const before = old.statements.at(old.statements.firstAtOrAfter('start', at) - 1);
  return before && before.end >= at ? before : undefined;
}

interface Contribution {
  /** An assignment's quote-habit vote ('' when its value starts with no quote); undefined for other statements. */
  quote?: string;
  /** Reads of each style inside it. */
  styles: number[];
  /** A top-level statement that reads the environment. */
  topLevelRead: boolean;
  /** A top-level statement the scan takes for an import. */
  import: boolean;
}

/** What a statement adds to the file-wide facts a region update must keep. */
function contribution(text: string, statement: PyStatement, patterns: EnvironmentPatterns): Contribution {
  const topLevel = statement.indent === '' && statement.startsLine;
  return {
    quote: quoteVote(text, statement.start, statement.end),
    styles: patterns.styles.map(([pattern]) => hitsInside(pattern, text, statement)),
    topLevelRead: topLevel && patterns.reads.some((pattern) => hitsInside(pattern, text, statement) > 0),
    import: topLevel && isImportStart(text, statement.start),
  };
}

/** An assignment's quote-habit vote (its value's first quote, '' for none); undefined for other statements. */
export function quoteVote(text: string, start: number, end: number): string | undefined {
  ASSIGN.lastIndex = start;
  if (ASSIGN.exec(text) === null || ASSIGN.lastIndex > end) return undefined;
  const rhsStart = ASSIGN.lastIndex;
  const quoteAt = text.slice(rhsStart, Math.min(end, rhsStart + QUOTE_LOOKAHEAD)).search(/["']/);
  return quoteAt === -1 ? '' : text[rhsStart + quoteAt];
}

function isImportStart(text: string, start: number): boolean {
  IMPORT_START.lastIndex = start;
  return IMPORT_START.test(text);
}

function isAssignment(text: string, statement: PyStatement): boolean {
  return quoteVote(text, statement.start, statement.end) !== undefined;
}

function sum(contributions: readonly Contribution[], pick: (c: Contribution) => number): number {
  return contributions.reduce((total, c) => total + pick(c), 0);
}
