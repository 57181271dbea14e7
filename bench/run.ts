/**
 * `npm run bench`: bundle size, activation cost (Node with a stub vscode, and code-server),
 * provisioning against the emulator, the settings planner on large files, and peak memory.
 * Prints a Markdown table and writes bench/results/latest.json and latest.md (for the README).
 * Every time is a median of repeated runs and is compared with a baseline measured in the same
 * run: on a shared machine absolute times are noise, ratios much less so.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runMain } from '../test/runners/lifecycle';
import { buildExtensionSnapshot } from './lib/extensionSnapshot';
import { RESULTS_DIR } from './lib/paths';
import { markdownTable, Row, SectionResult, skippedRow } from './lib/report';
import { BenchOptions, parseBenchOptions } from './options';
import { measureActivationInNode } from './sections/activationInNode';
import { measureActivationInVsCode } from './sections/activationInVsCode';
import { measureBundle } from './sections/bundleSize';
import { measureFaults } from './sections/faults';
import { measureDoctor } from './sections/doctor';
import { measureFirstDiagnostics } from './sections/firstDiagnostics';
import { measureProvisioning } from './sections/provisioning';
import { measureSettingsPlanner } from './sections/settingsPlanner';

const REPETITIONS = {
  normal: { activationProcesses: 15, settingsRounds: 25, provisioningRuns: 3, vscodeWindows: 3 },
  quick: { activationProcesses: 5, settingsRounds: 8, provisioningRuns: 2, vscodeWindows: 1 },
};

async function main(): Promise<number> {
  const options = parseBenchOptions(process.argv.slice(2));
  const reps = options.quick ? REPETITIONS.quick : REPETITIONS.normal;
  const started = Date.now();
  const loadBefore = os.loadavg()[0];
  const sections: Record<string, SectionResult> = {};
  let failed = false;

  const section = async (name: string, area: string, measure: () => Promise<SectionResult>) => {
    const sectionStart = Date.now();
    process.stderr.write(`bench: ${name}…`);
    try {
      sections[name] = await measure();
      process.stderr.write(` ${((Date.now() - sectionStart) / 1000).toFixed(1)} s\n`);
    } catch (err) {
      failed = true;
      const message = err instanceof Error ? err.message : String(err);
      process.stderr.write(` FAILED\n${err instanceof Error ? err.stack : message}\n`);
      sections[name] = { rows: [{ area, measurement: 'failed', result: 'error', note: message.split('\n')[0] }], data: { error: message } };
    }
  };

  const snapshot = await buildExtensionSnapshot();
  await section('bundle', 'Bundle', () => measureBundle(snapshot));
  await section('activationInNode', 'Activation (Node, stub vscode)', () => measureActivationInNode(snapshot, reps.activationProcesses));
  // The memory baseline: a bare node that loaded and activated the empty extension.
  const baselineRssKb = Number(sections.activationInNode?.data.baselineMaxRssKb) || NaN;
  await section('settingsPlanner', 'Settings planner', () => measureSettingsPlanner(reps.settingsRounds, baselineRssKb));
  await section('provisioning', 'Provisioning', () => measureProvisioning(reps.provisioningRuns, baselineRssKb));
  await section('faults', 'Peak memory', () => measureFaults());
  await section('doctor', 'Doctor', () => measureDoctor(reps.provisioningRuns));
  if (options.vscode) {
    await section('activationInVsCode', 'Activation (code-server)', () => measureActivationInVsCode(snapshot, reps.vscodeWindows));
    await section('firstDiagnostics', 'Activation (code-server)', () => measureFirstDiagnostics(reps.vscodeWindows));
  } else {
    sections.activationInVsCode = {
      rows: [skippedRow('Activation (code-server)', 'activation reported by VS Code', 'skipped: --no-vscode')],
      data: { skipped: '--no-vscode' },
    };
  }

  const rows = orderRows(Object.values(sections).flatMap((s) => s.rows));
  const context = runContext(options, reps, loadBefore, Date.now() - started);
  const table = markdownTable(rows);
  console.log(`\n${context}\n\n${table}\n`);
  if (!options.vscode) console.log('The code-server activation measurement was SKIPPED (--no-vscode).');

  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const json = { date: new Date(started).toISOString(), context, options, repetitions: reps, rows, sections: mapValues(sections, (s) => s.data) };
  fs.writeFileSync(path.join(RESULTS_DIR, 'latest.json'), JSON.stringify(json, null, 2) + '\n');
  fs.writeFileSync(path.join(RESULTS_DIR, 'latest.md'), `<!-- Written by npm run bench (bench/run.ts). -->\n${context}\n\n${table}\n`);
  console.log(`Written: ${path.relative(process.cwd(), path.join(RESULTS_DIR, 'latest.json'))}, latest.md`);
  return failed ? 1 : 0;
}

/** Memory rows last, together; otherwise in the order measured. */
function orderRows(rows: Row[]): Row[] {
  const memory = rows.filter((row) => row.area === 'Peak memory');
  return [...rows.filter((row) => row.area !== 'Peak memory'), ...memory];
}

function runContext(options: BenchOptions, reps: (typeof REPETITIONS)['normal'], loadBefore: number, durationMs: number): string {
  const cpu = os.cpus();
  return (
    `Benchmark of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: Node ${process.version}, ` +
    `${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, load average ${loadBefore.toFixed(1)} → ${os.loadavg()[0].toFixed(1)}, ` +
    `${(durationMs / 1000).toFixed(0)} s${options.quick ? ', --quick' : ''}. ` +
    `Medians of ${reps.activationProcesses} fresh processes (activation), ${reps.settingsRounds} rounds (settings), ` +
    `${reps.provisioningRuns} runs (provisioning), ${options.vscode ? reps.vscodeWindows : 0} code-server windows; ` +
    'ratios compare with a baseline measured in the same run: of the best runs where the work is CPU-bound ' +
    '(other processes only ever add time), of the medians for provisioning (waiting on the network).'
  );
}

function mapValues<T, U>(record: Record<string, T>, map: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}

runMain(main);
