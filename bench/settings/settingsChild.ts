/**
 * Child process: times the settings planner and the diagnostics on a 20,000-line settings.py and
 * a 5,000-line .env against a plain line split of the same text, the diagnostics again after a
 * one-character edit, and the same work on a quarter of the lines (the linear-scaling check that
 * the old timed unit test made). Runs alone in its process so its peak RSS is its own.
 */
import { detectFindings, planCredentialInsert } from '../../src/core/settings';
import { reportToParent } from '../lib/childProtocol';
import { summarize, Summary } from '../lib/stats';
import { Sampling, timeRoundsSync } from '../lib/timing';
import { dotenvFile, oneCharacterEdit, pythonSettings } from './syntheticSettings';

const VALUES = { apiUser: '3b0d5f2c-8e1a-4c7b-9f6d-2a4e8c1b7d95', apiKey: '7c9e2b4f1a3d5e6f8b0c2d4e6f8a0b1c' };

export interface FileTimings {
  fileName: string;
  lines: number;
  findings: number;
  findingsAfterEdit: number;
  planChanged: boolean;
  /** quarterPlan, quarterDiagnostics: the same work on a quarter of the lines. */
  ms: Record<'split' | 'plan' | 'diagnostics' | 'diagnosticsAfterEdit' | 'quarterPlan' | 'quarterDiagnostics', Summary>;
}

function measureFile(fileName: string, make: (lines: number) => string, lines: number, sampling: Sampling): FileTimings {
  const text = make(lines);
  const doc = { text, fileName };
  const quarter = { text: make(lines / 4), fileName };
  // Two edited versions, alternated, so that no run sees the text the run before saw.
  const edited = [oneCharacterEdit(text, 0), oneCharacterEdit(text, 1)].map((t) => ({ text: t, fileName }));
  const plan = planCredentialInsert(doc, VALUES, { gitignoreText: '' });

  const t = timeRoundsSync(sampling, {
    split: () => text.split(/\r?\n/),
    plan: () => planCredentialInsert(doc, VALUES, { gitignoreText: '' }),
    diagnostics: () => detectFindings(doc),
    diagnosticsAfterEdit: (run) => detectFindings(edited[Math.abs(run) % 2]),
    quarterPlan: () => planCredentialInsert(quarter, VALUES, { gitignoreText: '' }),
    quarterDiagnostics: () => detectFindings(quarter),
  });
  return {
    fileName,
    lines: text.split(/\r?\n/).length - 1,
    findings: detectFindings(doc).length,
    findingsAfterEdit: detectFindings(edited[0]).length,
    planChanged: plan.ok && plan.changed,
    ms: {
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
