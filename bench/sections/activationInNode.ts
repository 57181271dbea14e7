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
import { formatMbFromKb, formatMs, formatRatio, Row, SectionResult } from '../lib/report';
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
  const ours: Array<{ sample: ActivationSample; maxRssKb: number; processMs: number }> = [];
  const empty: typeof ours = [];
  for (let i = -warmup; i < runs; i++) {
    // Alternate which goes first, so neither always runs right after the other.
    const order = i % 2 === 0 ? [snapshot.dir, EMPTY_EXTENSION_DIR] : [EMPTY_EXTENSION_DIR, snapshot.dir];
    for (const dir of order) {
      const start = performance.now();
      const { value, maxRssKb } = await runChild<ActivationSample>(CHILD, [dir]);
      const processMs = performance.now() - start;
      if (i >= 0) (dir === snapshot.dir ? ours : empty).push({ sample: value, maxRssKb, processMs });
    }
  }
  const pick = (list: typeof ours, key: keyof ActivationSample) => list.map((s) => s.sample[key]);
  const oursTotal = summarize(pick(ours, 'totalMs'));
  const emptyTotal = summarize(pick(empty, 'totalMs'));
  const oursLoad = median(pick(ours, 'loadMs'));
  const oursActivate = median(pick(ours, 'activateMs'));
  const oursProcess = median(ours.map((s) => s.processMs));
  const emptyProcess = median(empty.map((s) => s.processMs));
  const oursRss = median(ours.map((s) => s.maxRssKb));
  const emptyRss = median(empty.map((s) => s.maxRssKb));

  const rows: Row[] = [
    {
      area: AREA,
      measurement: 'load bundle + activate()',
      result: formatMs(oursTotal.median),
      baseline: `${formatMs(emptyTotal.median)} (empty extension)`,
      ratio: formatRatio(ratio(oursTotal.median, emptyTotal.median)),
      note: `load ${formatMs(oursLoad)} + activate() ${formatMs(oursActivate)}; ${runs} fresh processes each, spread ±${(oursTotal.spread * 50).toFixed(0)}%`,
    },
    {
      area: AREA,
      measurement: 'whole process: node start, load, activate(), exit',
      result: formatMs(oursProcess),
      baseline: `${formatMs(emptyProcess)} (empty extension)`,
      ratio: formatRatio(ratio(oursProcess, emptyProcess)),
      note: 'what a cold extension host adds for this extension, node start included',
    },
    {
      area: 'Peak memory',
      measurement: 'activation process (maxRSS)',
      result: formatMbFromKb(oursRss),
      baseline: `${formatMbFromKb(emptyRss)} (empty extension)`,
      ratio: formatRatio(ratio(oursRss, emptyRss)),
      note: `+${formatMbFromKb(oursRss - emptyRss)} for the extension`,
    },
  ];
  return {
    rows,
    data: {
      baselineMaxRssKb: emptyRss,
      ours: { totalMs: oursTotal, loadMs: summarize(pick(ours, 'loadMs')), activateMs: summarize(pick(ours, 'activateMs')), maxRssKb: summarize(ours.map((s) => s.maxRssKb)) },
      emptyExtension: { totalMs: emptyTotal, maxRssKb: summarize(empty.map((s) => s.maxRssKb)), processMs: summarize(empty.map((s) => s.processMs)) },
      processMs: summarize(ours.map((s) => s.processMs)),
      ratio: ratio(oursTotal.median, emptyTotal.median),
    },
  };
}
