/**
 * The settings planner (planCredentialInsert) and the diagnostics (detectFindings) on a
 * 20,000-line settings.py and a 5,000-line .env, against a plain line split of the same text,
 * with ratios taken per round (see lib/timing.ts). Also the linear-scaling check and the
 * "< 1 s" bound that test/unit/settings/performance.test.ts asserted.
 */
import * as path from 'path';
import type { FileTimings } from '../settings/settingsChild';
import { runChild } from '../lib/childProcess';
import { BENCH_OUT } from '../lib/paths';
import { formatMbFromKb, formatMs, formatRatio, Row, SectionResult } from '../lib/report';

const AREA = 'Settings planner';
const CHILD = path.join(BENCH_OUT, 'settings', 'settingsChild.js');
/** What the removed timed unit test allowed: 4× the lines may cost up to 10× (noise included). */
const SCALING_LIMIT = 10;
const TIME_LIMIT_MS = 1000;

export async function measureSettingsPlanner(runs: number, baselineMaxRssKb: number): Promise<SectionResult> {
  const { value: files, maxRssKb } = await runChild<FileTimings[]>(CHILD, [String(runs)], { nodeArgs: ['--expose-gc'] });
  const rows: Row[] = [];
  for (const file of files) {
    const label = `${file.fileName} (${file.lines.toLocaleString('en')} lines)`;
    const split = `${formatMs(file.ms.split.median)} (line split)`;
    rows.push(
      {
        area: AREA,
        measurement: `${label}: plan credential insert`,
        result: formatMs(file.ms.plan.median),
        baseline: split,
        ratio: formatRatio(file.ratios.plan),
        target: '< 1 s',
        met: file.ms.plan.median < TIME_LIMIT_MS && file.planChanged,
        note: file.planChanged ? '' : 'WARNING: the plan changed nothing',
      },
      {
        area: AREA,
        measurement: `${label}: diagnostics`,
        result: formatMs(file.ms.diagnostics.median),
        baseline: split,
        ratio: formatRatio(file.ratios.diagnostics),
        target: '< 1 s',
        met: file.ms.diagnostics.median < TIME_LIMIT_MS && file.findings > 0,
        note: `${file.findings} findings`,
      },
      {
        area: AREA,
        measurement: `${label}: diagnostics again after a 1-character edit`,
        result: formatMs(file.ms.diagnosticsAfterEdit.median),
        baseline: split,
        ratio: formatRatio(file.ratios.diagnosticsAfterEdit),
        note: `${formatRatio(file.ratios.editVsFirst)} the first run: a full re-scan, nothing reused`,
      },
    );
  }
  const scaling = files.map((f) => `${f.fileName}: plan ${formatRatio(f.ratios.planScaling)}, diagnostics ${formatRatio(f.ratios.diagnosticsScaling)}`);
  const worst = Math.max(...files.flatMap((f) => [f.ratios.planScaling, f.ratios.diagnosticsScaling]));
  rows.push(
    {
      area: AREA,
      measurement: 'scaling: 4× the lines costs',
      result: scaling.join('; '),
      target: `≤ ${SCALING_LIMIT}× (linear = 4×)`,
      met: worst <= SCALING_LIMIT,
      note: 'per-round ratio of the full file to a quarter of it',
    },
    {
      area: 'Peak memory',
      measurement: 'settings planner process (maxRSS)',
      result: formatMbFromKb(maxRssKb),
      baseline: `${formatMbFromKb(baselineMaxRssKb)} (bare node + empty extension)`,
      ratio: formatRatio(maxRssKb / baselineMaxRssKb),
      note: 'both files and every run, texts included',
    },
  );
  return { rows, data: { runs, maxRssKb, files } };
}
