/**
 * Activation cost in plain Node: a fresh process per sample loads the production bundle with a stub
 * `vscode` and runs activate(); the do-nothing extension is measured the same way, interleaved,
 * so both see the same machine load. Also gives the peak RSS of each process.
 */
import * as path from 'path';
import { performance } from 'perf_hooks';
import type { ActivationSample } from '../activation/activateChild';
import { runChild } from '../lib/childProcess';
import type { ExtensionSnapshot } from '../lib/extensionSnapshot';
import { BENCH_OUT, EMPTY_EXTENSION_DIR } from '../lib/paths';
import { formatMbFromKb, formatMs, formatRatio, medianAndBest, Row, SectionResult } from '../lib/report';
import { median, ratio, summarize } from '../lib/stats';

const AREA = 'Activation (Node, stub vscode)';
const CHILD = path.join(BENCH_OUT, 'activation', 'activateChild.js');

export interface NodeActivationData {
  /** Median peak RSS of the do-nothing extension's process: the memory baseline of a bare node. */
  baselineMaxRssKb: number;
  [key: string]: unknown;
}

export async function measureActivationInNode(snapshot: ExtensionSnapshot, runs: number): Promise<SectionResult & { data: NodeActivationData }> {
  const warmup = 2; // the first processes also pay for the disk cache
  type Sample = { sample: ActivationSample; maxRssKb: number; processMs: number };
  const measured: Record<'ours' | 'empty' | 'oursUndiciLoaded', Sample[]> = { ours: [], empty: [], oursUndiciLoaded: [] };
  const kinds: Array<[keyof typeof measured, string[]]> = [
    ['ours', [snapshot.dir]],
    ['empty', [EMPTY_EXTENSION_DIR]],
    ['oursUndiciLoaded', [snapshot.dir, '--undici-loaded']],
  ];
  for (let i = -warmup; i < runs; i++) {
    // Rotate which goes first, so that none always runs right after another.
    const shift = ((i % kinds.length) + kinds.length) % kinds.length;
    for (const [kind, args] of [...kinds.slice(shift), ...kinds.slice(0, shift)]) {
      const start = performance.now();
      const { value, maxRssKb } = await runChild<ActivationSample>(CHILD, args);
      const processMs = performance.now() - start;
      if (i >= 0) measured[kind].push({ sample: value, maxRssKb, processMs });
    }
  }
  const { ours, empty } = measured;
  const undiciLoaded = summarize(measured.oursUndiciLoaded.map((s) => s.sample.totalMs));
  const pick = (list: Sample[], key: keyof ActivationSample) => list.map((s) => s.sample[key]);
  const oursTotal = summarize(pick(ours, 'totalMs'));
  const emptyTotal = summarize(pick(empty, 'totalMs'));
  const oursLoad = summarize(pick(ours, 'loadMs'));
  const oursActivate = summarize(pick(ours, 'activateMs'));
  const oursProcess = summarize(ours.map((s) => s.processMs));
  const emptyProcess = summarize(empty.map((s) => s.processMs));
  const oursRss = median(ours.map((s) => s.maxRssKb));
  const emptyRss = median(empty.map((s) => s.maxRssKb));

  const rows: Row[] = [
    {
      area: AREA,
      measurement: 'load bundle + activate()',
      result: medianAndBest(oursTotal),
      baseline: `${medianAndBest(emptyTotal)} empty extension`,
      ratio: formatRatio(ratio(oursTotal.best, emptyTotal.best)),
      note:
        `best: load ${formatMs(oursLoad.best)} + activate() ${formatMs(oursActivate.best)}; ${runs} fresh processes each; ` +
        `${formatMs(undiciLoaded.best)} when Node's undici is already loaded (axios reads globalThis.FormData at load)`,
    },
    {
      area: AREA,
      measurement: 'whole process: node start, load, activate(), exit',
      result: medianAndBest(oursProcess),
      baseline: `${medianAndBest(emptyProcess)} empty extension`,
      ratio: formatRatio(ratio(oursProcess.best, emptyProcess.best)),
      note: 'the same, with the node start both pay',
    },
    {
      area: 'Peak memory',
      measurement: 'activation process (maxRSS)',
      result: formatMbFromKb(oursRss),
      baseline: `${formatMbFromKb(emptyRss)} empty extension`,
      ratio: formatRatio(ratio(oursRss, emptyRss)),
      note: `+${formatMbFromKb(oursRss - emptyRss)} for the extension`,
    },
  ];
  return {
    rows,
    data: {
      baselineMaxRssKb: emptyRss,
      oursWithUndiciLoaded: { totalMs: undiciLoaded },
      ours: { totalMs: oursTotal, loadMs: oursLoad, activateMs: oursActivate, processMs: oursProcess, maxRssKb: summarize(ours.map((s) => s.maxRssKb)) },
      emptyExtension: { totalMs: emptyTotal, processMs: emptyProcess, maxRssKb: summarize(empty.map((s) => s.maxRssKb)) },
      ratio: ratio(oursTotal.best, emptyTotal.best),
    },
  };
}
