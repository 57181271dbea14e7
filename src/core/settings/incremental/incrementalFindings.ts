/**
 * detectFindings after an edit without scanning the whole file again. The state of the last
 * run keeps the text index, the Python statements (or a .env file's multi-line entries) and the
 * findings; an edit re-lexes only the statements or lines it touches (pythonRegion.ts,
 * dotenvRegion.ts) and, when they matter to nothing file-wide, the old findings are kept with
 * their offsets and positions moved. Anything else (another dialect: JSON settings files are a
 * few dozen lines, scanned whole in well under a millisecond; other options, an edit in the
 * file's head or its MoMo lines, a file that does not parse) runs detectFindings on the whole
 * text: the result is always what detectFindings returns.
 */
import type { MoveFixPlanner } from '../findings/context';
import { scanAndDetect } from '../findings/detect';
import { mtnEvidence } from '../mtnDetection';
import type { Finding, FindingOptions, Position, QuickFix, SettingsDocument, TextEdit } from '../types';
import { updateDotenvPlainEdit } from './dotenvPlainEdit';
import { dotenvRegionState, updateDotenvRegion, type DotenvRegionState } from './dotenvRegion';
import { MTN_TEST_WORDS } from './mtnWords';
import { updatePlainEdit } from './plainEdit';
import { pythonRegionState, updatePythonRegion, type PythonRegionState, type RegionUpdate } from './pythonRegion';
import { changedLines, changedSpan, type TextChange } from './textChange';

/** What the next run starts from. Consumed by that run: keep only the newest one. */
export interface FindingsState {
  readonly doc: SettingsDocument;
  readonly options: FindingOptions;
  readonly mtn: boolean;
  readonly findings: Finding[];
  /** Past every offset the findings and their fixes' edits reach (0 for none): edits at or after it move none of them. */
  readonly findingsEnd: number;
  readonly python?: PythonRegionState;
  readonly dotenv?: DotenvRegionState;
  readonly planMove?: MoveFixPlanner;
}

export interface FindingsUpdate {
  findings: Finding[];
  state: FindingsState;
  /** 'region': only the touched statements were scanned; 'file': the whole text. */
  scanned: 'region' | 'file';
  /** How a region was updated: 'plainEdit' without re-lexing (plainEdit.ts, dotenvPlainEdit.ts), 'statements' by re-lexing the touched ones (Python). */
  region?: RegionUpdate['kind'];
}

/** The options of a call without any: one object, so that the next such call compares by identity. */
const NO_OPTIONS: FindingOptions = Object.freeze({});

/**
 * The findings of `doc`, which is `previous.doc` after `changes` (VS Code's contentChanges, in
 * order). Without a previous state, or with changes that do not fit it, the whole file is scanned.
 * `planMove` as for scanAndDetect: with planMoveFix the answer is detectFindings's; without, the
 * same findings with no move fix (the editor's diagnostics).
 */
export function detectFindingsIncrementally(
  previous: FindingsState | undefined,
  doc: SettingsDocument,
  changes: readonly TextChange[],
  options: FindingOptions = NO_OPTIONS,
  planMove?: MoveFixPlanner,
): FindingsUpdate {
  const fits = previous && previous.planMove === planMove && sameDocumentKind(previous.doc, doc) && samePlainData(previous.options, options);
  return (fits ? regionUpdate(previous, doc, changes, options) : undefined) ?? fullScan(doc, options, planMove);
}

/**
 * Whether `doc` is MTN MoMo's (detectFindings reports nothing otherwise), answered from the
 * changed lines alone when the state knows the rest: the test is a fold over words, and
 * lines without any of its words add nothing to it.
 */
export function isMtnAfterChanges(previous: FindingsState | undefined, doc: SettingsDocument, changes: readonly TextChange[]): boolean {
  if (previous && sameDocumentKind(previous.doc, doc)) {
    if (changes.length === 0 && previous.doc.text === doc.text) return previous.mtn;
    const span = changes.length ? changedSpan(changes, previous.doc.text.length) : undefined;
    if (span && fitsNewText(previous, doc, span) && !touchesMtnTest(previous.doc.text, doc.text, span)) return previous.mtn;
  }
  return mtnEvidence(doc.text).mtn;
}

function fullScan(doc: SettingsDocument, options: FindingOptions, planMove: MoveFixPlanner | undefined): FindingsUpdate {
  const { findings, mtn, context } = scanAndDetect(doc, options, planMove);
  const python = context?.python ? pythonRegionState(context.python) : undefined;
  const dotenv = context?.dotenv ? dotenvRegionState(context.dotenv) : undefined;
  return { findings, state: { doc, options, mtn, findings, findingsEnd: endOf(findings), python, dotenv, planMove }, scanned: 'file' };
}

function regionUpdate(previous: FindingsState, doc: SettingsDocument, changes: readonly TextChange[], options: FindingOptions): FindingsUpdate | undefined {
  if (changes.length === 0) {
    return previous.doc.text === doc.text ? { findings: previous.findings, state: { ...previous, doc, options }, scanned: 'region' } : undefined;
  }
  const span = changedSpan(changes, previous.doc.text.length);
  if (!span || !fitsNewText(previous, doc, span)) return undefined;
  if (!previous.mtn) {
    // Not MTN's, and the changed lines hold no word the MTN test reads: still nothing to report.
    return touchesMtnTest(previous.doc.text, doc.text, span) ? undefined : { findings: [], state: { ...previous, doc, options }, scanned: 'region' };
  }
  if (previous.dotenv) {
    // The dotenv region reads no word of the MTN test: a change to one may change the whole answer.
    const update =
      updateDotenvPlainEdit(previous.dotenv, doc.text, span) ?? (touchesMtnTest(previous.doc.text, doc.text, span) ? undefined : updateDotenvRegion(previous.dotenv, doc.text, span));
    return update && movedFindings(previous, doc, options, update, { dotenv: update.state });
  }
  if (!previous.python) return undefined;
  const update = updatePlainEdit(previous.python, doc.text, span) ?? updatePythonRegion(previous.python, doc.text, span);
  return update && movedFindings(previous, doc, options, update, { python: update.state });
}

/** The update of a region that matters to nothing file-wide: the old findings, moved. */
function movedFindings(
  previous: FindingsState,
  doc: SettingsDocument,
  options: FindingOptions,
  update: { mapRange: RangeMap; state: { index: PositionIndex }; regionStart: number; kind?: RegionUpdate['kind'] },
  region: Pick<FindingsState, 'python' | 'dotenv'>,
): FindingsUpdate {
  // Mostly the edit is after every finding (the MoMo lines come first): nothing moves, the list is kept.
  const kept = previous.findingsEnd <= update.regionStart;
  const findings = kept ? previous.findings : moveFindings(previous.findings, update.mapRange, update.state.index, update.regionStart);
  // Moving failed (a finding inside the region): the region update already consumed the old state.
  if (!findings) return fullScan(doc, options, previous.planMove);
  const findingsEnd = kept ? previous.findingsEnd : endOf(findings);
  return {
    findings,
    state: { doc, options, mtn: true, findings, findingsEnd, python: region.python, dotenv: region.dotenv, planMove: previous.planMove },
    scanned: 'region',
    region: update.kind,
  };
}

function fitsNewText(previous: FindingsState, doc: SettingsDocument, span: { start: number; oldEnd: number; newEnd: number }): boolean {
  return previous.doc.text.length - (span.oldEnd - span.start) + (span.newEnd - span.start) === doc.text.length;
}

function touchesMtnTest(oldText: string, newText: string, span: { start: number; oldEnd: number; newEnd: number }): boolean {
  return MTN_TEST_WORDS.test(changedLines(oldText, span.start, span.oldEnd)) || MTN_TEST_WORDS.test(changedLines(newText, span.start, span.newEnd));
}

function sameDocumentKind(a: SettingsDocument, b: SettingsDocument): boolean {
  return a.fileName === b.fileName && a.languageId === b.languageId;
}

type PositionIndex = { positionAt(offset: number): Position };
type RangeMap = (start: number, end: number) => { start: number; end: number } | undefined;

/**
 * The findings with every offset into this document moved, positions from the new index;
 * undefined if one cannot move. A finding wholly before the region (`unchangedBefore`) is kept as it is.
 */
function moveFindings(findings: readonly Finding[], map: RangeMap, index: PositionIndex, unchangedBefore: number): Finding[] | undefined {
  const moved: Finding[] = [];
  for (const finding of findings) {
    if (finding.endOffset < unchangedBefore && fixesEndBefore(finding, unchangedBefore)) {
      moved.push(finding);
      continue;
    }
    const range = moveRange(finding.startOffset, finding.endOffset, map, index);
    if (!range) return undefined;
    const fixes: QuickFix[] = [];
    for (const fix of finding.fixes) {
      const edits: TextEdit[] = [];
      for (const edit of fix.edits) {
        const editRange = moveRange(edit.startOffset, edit.endOffset, map, index);
        if (!editRange) return undefined;
        edits.push({ ...edit, ...editRange });
      }
      fixes.push({ ...fix, edits });
    }
    moved.push({ ...finding, ...range, fixes });
  }
  return moved;
}

function fixesEndBefore(finding: Finding, offset: number): boolean {
  for (const fix of finding.fixes) for (const edit of fix.edits) if (edit.endOffset >= offset) return false;
  return true;
}

/** Past every offset the findings and their fixes' edits reach. */
function endOf(findings: readonly Finding[]): number {
  let end = 0;
  for (const finding of findings) {
    end = Math.max(end, finding.endOffset + 1);
    for (const fix of finding.fixes) for (const edit of fix.edits) end = Math.max(end, edit.endOffset + 1);
  }
  return end;
}

function moveRange(start: number, end: number, map: RangeMap, index: PositionIndex): Pick<Finding, 'range' | 'startOffset' | 'endOffset'> | undefined {
  const moved = map(start, end);
  if (!moved) return undefined;
  return { startOffset: moved.start, endOffset: moved.end, range: { start: index.positionAt(moved.start), end: index.positionAt(moved.end) } };
}

/** Equal plain data (options: strings, booleans, arrays, documents); undefined members count as absent. */
function samePlainData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let members = 0;
  for (const key in x) {
    if (x[key] === undefined) continue;
    if (!samePlainData(x[key], y[key])) return false;
    members++;
  }
  for (const key in y) if (y[key] !== undefined) members--;
  return members === 0;
}
