/**
 * Child process: times the settings planner and the diagnostics on a 20,000-line settings.py and
 * a 5,000-line .env against a plain line split of the same text, the diagnostics again after a
 * one-character edit, and the same work on a quarter of the lines (the linear-scaling check that
 * the old timed unit test made). Runs alone in its process so its peak RSS is its own.
 */
import { performance } from 'perf_hooks';
import { detectFindings, detectFindingsIncrementally, planCredentialInsert, type FindingsState, type SettingsDocument } from '../../src/core/settings';
import { lexPythonStatements } from '../../src/core/settings/python/statements';
import { reportToParent } from '../lib/childProtocol';
import { summarize, Summary } from '../lib/stats';
import { Sampling, timeRoundsSync } from '../lib/timing';
import { dotenvFile, editedLine, oneCharacterEdit, pythonSettings } from './syntheticSettings';

const VALUES = { apiUser: '3b0d5f2c-8e1a-4c7b-9f6d-2a4e8c1b7d95', apiKey: '7c9e2b4f1a3d5e6f8b0c2d4e6f8a0b1c' };

export interface FileTimings {
  fileName: string;
  lines: number;
  findings: number;
  findingsAfterEdit: number;
  planChanged: boolean;
  /** How the incremental runs went: 'region' (only the touched statements) or 'file' each time; 'plainEdit': regions moved without re-lexing. */
  incrementalScans: Record<'region' | 'file' | 'plainEdit', number>;
  /** The last incremental findings equalled a full scan's of the same text (both without the move fixes, as in the editor). */
  incrementalMatches: boolean;
  /** Characters in the edited line (the changed region of a one-character edit). */
  regionChars: number;
  /**
   * quarterPlan, quarterDiagnostics: the same work on a quarter of the lines. incremental: one
   * keystroke's detectFindingsIncrementally (typing or deleting one character, as the editor's
   * diagnostics run it: no move fixes planned); quarterIncremental: the same keystroke in the
   * quarter file (a keystroke costs its statements, not the file: about 1×); regionSplit: the line split of the edited line
   * (both per operation, timed in batches: one is far below the clock's resolution).
   */
  ms: Record<'split' | 'plan' | 'diagnostics' | 'diagnosticsAfterEdit' | 'quarterPlan' | 'quarterDiagnostics' | 'incremental' | 'quarterIncremental' | 'regionSplit', Summary> &
    /**
     * Python only. statementLex: lexPythonStatements over the edited line (re-lexing the one
     * statement a keystroke touches; per operation, batched); textJoin: the whole text from its
     * lines, as VS Code's document.getText() builds it for every check (the editor's floor).
     */
    Partial<Record<'statementLex' | 'textJoin', Summary>>;
}

/**
 * Keystrokes per timed batch: up to 4096, fewer once a batch has taken 5 ms (a whole-file scan
 * each). The clock is read every 16 keystrokes: reading it costs more than a keystroke that
 * moves a region without re-lexing it.
 */
const INCREMENTAL_BATCH = 4096;
const INCREMENTAL_BATCH_MS = 5;
const CLOCK_EVERY = 16;
const REGION_SPLIT_BATCH = 5000;

/**
 * Keystrokes one after another, as typing and deleting: each one types a character inside the
 * edited line's value (editedLine) or deletes it again, so the text after it moves by one each time (as in the editor).
 */
class Typing {
  private readonly texts: SettingsDocument[];
  private readonly at: number;
  private version = 0;
  private state: FindingsState;
  private readonly done: number[] = [];

  constructor(
    doc: SettingsDocument,
    private readonly scans: Record<'region' | 'file' | 'plainEdit', number>,
  ) {
    this.at = editedLine(doc.text).at;
    this.texts = [doc, { ...doc, text: doc.text.slice(0, this.at) + 'z' + doc.text.slice(this.at) }];
    this.state = detectFindingsIncrementally(undefined, doc, []).state;
  }

  keystroke(): void {
    const next = 1 - this.version;
    const change = next === 1 ? { start: this.at, end: this.at, text: 'z' } : { start: this.at, end: this.at + 1, text: '' };
    const update = detectFindingsIncrementally(this.state, this.texts[next], [change]);
    this.scans[update.scanned]++;
    if (update.region === 'plainEdit') this.scans.plainEdit++;
    this.state = update.state;
    this.version = next;
  }

  /** One timed run: up to INCREMENTAL_BATCH keystrokes, fewer once INCREMENTAL_BATCH_MS have passed (an even number: the text returns to where it was). */
  batch(run: number): void {
    const start = performance.now();
    let done = 0;
    do {
      for (let i = 0; i < CLOCK_EVERY; i++) this.keystroke();
      done += CLOCK_EVERY;
    } while (done < INCREMENTAL_BATCH && performance.now() - start < INCREMENTAL_BATCH_MS);
    if (run >= 0) this.done.push(done);
  }

  perKeystroke(samples: number[]): Summary {
    return summarize(samples.map((ms, i) => ms / this.done[i]), 7);
  }

  /** The last answer is a full scan's of the same text (both as the editor runs them: no move fixes planned). */
  matchesFullScan(): boolean {
    return JSON.stringify(this.state.findings) === JSON.stringify(detectFindingsIncrementally(undefined, this.texts[this.version], []).findings);
  }
}

function measureFile(fileName: string, make: (lines: number) => string, lines: number, sampling: Sampling): FileTimings {
  const text = make(lines);
  const doc = { text, fileName };
  const quarter = { text: make(lines / 4), fileName };
  // Two edited versions, alternated, so that no run sees the text the run before saw.
  const edited = [oneCharacterEdit(text, 0), oneCharacterEdit(text, 1)].map((t) => ({ text: t, fileName }));
  const plan = planCredentialInsert(doc, VALUES, { gitignoreText: '' });
  const { line } = editedLine(text);
  let sink = 0;
  const incrementalScans = { region: 0, file: 0, plainEdit: 0 };
  const python = fileName.endsWith('.py');
  const textLines = text.split('\n');
  const typing = new Typing(doc, incrementalScans);
  const quarterTyping = new Typing(quarter, incrementalScans);

  const tasks: Record<string, (run: number) => void> = {
    split: () => text.split(/\r?\n/),
    plan: () => planCredentialInsert(doc, VALUES, { gitignoreText: '' }),
    diagnostics: () => detectFindings(doc),
    diagnosticsAfterEdit: (run) => detectFindings(edited[Math.abs(run) % 2]),
    quarterPlan: () => planCredentialInsert(quarter, VALUES, { gitignoreText: '' }),
    quarterDiagnostics: () => detectFindings(quarter),
    incremental: (run) => typing.batch(run),
    quarterIncremental: (run) => quarterTyping.batch(run),
    // A fresh slice each time: V8 caches split results of the same internalized string.
    regionSplit: () => {
      for (let i = 0; i < REGION_SPLIT_BATCH; i++) sink += text.slice(line.start, line.end).split(/\r?\n/).length;
    },
  };
  if (python) {
    // The edited line's statement, lexed as a region update would (its line number and indentation known).
    tasks.statementLex = () => {
      for (let i = 0; i < REGION_SPLIT_BATCH; i++) sink += lexPythonStatements(text, { from: line.start, lineAt: () => 0, indentation: () => '', stopAt: (at) => at >= line.end }).statements.length;
    };
    tasks.textJoin = () => {
      sink += textLines.join('\n').length;
    };
  }
  const t = timeRoundsSync(sampling, tasks);
  if (sink === 0) throw new Error('the region split produced nothing');
  // Checked outside the timing.
  const incrementalMatches = typing.matchesFullScan() && quarterTyping.matchesFullScan();
  const perOperation = (samples: number[], batch: number) => summarize(samples.map((ms) => ms / batch), 7);
  return {
    fileName,
    lines: text.split(/\r?\n/).length - 1,
    findings: detectFindings(doc).length,
    findingsAfterEdit: detectFindings(edited[0]).length,
    planChanged: plan.ok && plan.changed,
    incrementalScans,
    incrementalMatches,
    regionChars: line.end - line.start,
    ms: {
      incremental: typing.perKeystroke(t.incremental),
      quarterIncremental: quarterTyping.perKeystroke(t.quarterIncremental),
      regionSplit: perOperation(t.regionSplit, REGION_SPLIT_BATCH),
      ...(python && { statementLex: perOperation(t.statementLex, REGION_SPLIT_BATCH), textJoin: summarize(t.textJoin) }),
      split: summarize(t.split),
      plan: summarize(t.plan),
      diagnostics: summarize(t.diagnostics),
      diagnosticsAfterEdit: summarize(t.diagnosticsAfterEdit),
      quarterPlan: summarize(t.quarterPlan),
      quarterDiagnostics: summarize(t.quarterDiagnostics),
    },
  };
}

const runs = Number(process.argv[2]) || 15;
const sampling: Sampling = { warmup: 3, runs };
reportToParent([measureFile('settings.py', pythonSettings, 20_000, sampling), measureFile('.env', dotenvFile, 5_000, sampling)]);
