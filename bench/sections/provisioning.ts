/**
 * Provisioning wall time against the local emulator with 200 ms added per request: ours (the
 * core's provision()) and the mtn-momo package's Users.create + Users.login, for one product and
 * for all three at once. Each runs in its own process against the same emulator, which runs here
 * and counts the requests each implementation sends.
 */
import * as path from 'path';
import { startEmulator } from '../../src/emulator/server';
import type { Implementation, ProvisionTimings } from '../provisioning/provisionChild';
import { runChild } from '../lib/childProcess';
import { BENCH_OUT } from '../lib/paths';
import { formatMbFromKb, formatMs, formatRatio, Row, SectionResult } from '../lib/report';
import { median, ratio, summarize } from '../lib/stats';

const AREA = 'Provisioning (200 ms/request)';
export const LATENCY_MS = 200;
const CHILD = path.join(BENCH_OUT, 'provisioning', 'provisionChild.js');
const IMPLEMENTATIONS: Implementation[] = ['ours', 'mtn-momo'];
/** "Not slower": equal within what two runs of the same requests differ by on this machine. */
const NOT_SLOWER = 1.1;
/** "About the time of one product". */
const ABOUT_ONE = 1.25;

export async function measureProvisioning(runs: number, baselineMaxRssKb: number): Promise<SectionResult> {
  const emulator = await startEmulator({ latencyMs: LATENCY_MS, quiet: true });
  const measured = {} as Record<Implementation, { timings: ProvisionTimings; maxRssKb: number; requestsPerProduct: number }>;
  try {
    const keys = Object.fromEntries(Object.entries(emulator.subscriptionKeys).map(([product, pair]) => [product, pair.primary]));
    for (const impl of IMPLEMENTATIONS) {
      const requestsBefore = emulator.requests.length;
      const { value, maxRssKb } = await runChild<ProvisionTimings>(CHILD, [impl, emulator.url, JSON.stringify(keys), String(runs)]);
      measured[impl] = { timings: value, maxRssKb, requestsPerProduct: (emulator.requests.length - requestsBefore) / value.provisioned };
    }
  } finally {
    await emulator.close();
  }

  const m = (impl: Implementation, key: 'one' | 'three') => median(measured[impl].timings[key]);
  const oursOne = m('ours', 'one');
  const oursThree = m('ours', 'three');
  const theirsOne = m('mtn-momo', 'one');
  const theirsThree = m('mtn-momo', 'three');
  // Each request waits LATENCY_MS, so the median shows how many requests ran one after another.
  const roundTrips = (ms: number) => Math.round(ms / LATENCY_MS);
  const requests = (impl: Implementation) => measured[impl].requestsPerProduct.toFixed(1).replace(/\.0$/, '');
  const sequential = median(measured.ours.timings.threeInSequence ?? []);

  const rows: Row[] = [
    {
      area: AREA,
      measurement: 'one product: ours (provision)',
      result: formatMs(oursOne),
      baseline: `${formatMs(theirsOne)} (mtn-momo)`,
      ratio: formatRatio(ratio(oursOne, theirsOne)),
      target: `not slower (≤ ${NOT_SLOWER}×)`,
      met: ratio(oursOne, theirsOne) <= NOT_SLOWER,
      note: `ours: ${requests('ours')} requests in ${roundTrips(oursOne)} round trips; mtn-momo: ${requests('mtn-momo')} in ${roundTrips(theirsOne)}`,
    },
    {
      area: AREA,
      measurement: 'all three products: ours (concurrent, bench helper)',
      result: formatMs(oursThree),
      baseline: `${formatMs(oursOne)} (ours, one product)`,
      ratio: formatRatio(ratio(oursThree, oursOne)),
      target: `≈ one product (≤ ${ABOUT_ONE}×)`,
      met: ratio(oursThree, oursOne) <= ABOUT_ONE,
      note: `mtn-momo ×3 concurrent ${formatMs(theirsThree)} (${formatRatio(ratio(oursThree, theirsThree))}); one after another today: ${formatMs(sequential)}`,
    },
    {
      area: 'Peak memory',
      measurement: 'provisioning process (maxRSS): ours',
      result: formatMbFromKb(measured.ours.maxRssKb),
      baseline: `${formatMbFromKb(measured['mtn-momo'].maxRssKb)} (mtn-momo)`,
      ratio: formatRatio(ratio(measured.ours.maxRssKb, measured['mtn-momo'].maxRssKb)),
      note: `bare node + empty extension: ${formatMbFromKb(baselineMaxRssKb)}`,
    },
  ];
  const data = Object.fromEntries(
    IMPLEMENTATIONS.map((impl) => [
      impl,
      {
        oneMs: summarize(measured[impl].timings.one),
        threeMs: summarize(measured[impl].timings.three),
        threeInSequenceMs: measured[impl].timings.threeInSequence && summarize(measured[impl].timings.threeInSequence),
        maxRssKb: measured[impl].maxRssKb,
        requestsPerProduct: measured[impl].requestsPerProduct,
      },
    ]),
  );
  return { rows, data: { latencyMs: LATENCY_MS, runs, ...data } };
}
