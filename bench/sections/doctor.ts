/**
 * The doctor against the local emulator with 200 ms added per request: one subscription key
 * and one API user of a product, with the target environment (so the balance is read). Its time
 * is compared with the sum of its requests (what running them one after another costs) and
 * with its floor: the longest chain of requests that need each other's answer, token → balance.
 * Network-bound, so it runs in the bench process and its ratios use medians.
 */
import { runDoctor, type DoctorInput } from '../../src/core/doctor';
import { destroyAgents } from '../../src/core/momo/http';
import { provision } from '../../src/core/momo/provision';
import { startEmulator } from '../../src/emulator/server';
import { formatMs, formatRatio, Row, SectionResult } from '../lib/report';
import { median, ratio } from '../lib/stats';
import { timeAsync } from '../lib/timing';
import { LATENCY_MS } from './provisioning';

const AREA = 'Doctor (200 ms/request)';
/** A token, then the balance read with it: nothing can make the report shorter. */
const FLOOR_ROUND_TRIPS = 2;
/** Issue 15's target. */
const NEAR_FLOOR = 1.2;

export async function measureDoctor(runs: number): Promise<SectionResult> {
  const emulator = await startEmulator({ latencyMs: LATENCY_MS, quiet: true });
  try {
    const subscriptionKey = emulator.subscriptionKeys.collection.primary;
    const user = await provision({ baseUrl: emulator.url, product: 'collection', subscriptionKey, callbackHost: 'localhost' });
    const input: DoctorInput = {
      baseUrl: emulator.url,
      subscriptionKeys: [{ key: subscriptionKey, product: 'collection' }],
      apiUsers: [{ apiUser: user.apiUser, apiKey: user.apiKey, product: 'collection', subscriptionKey }],
      targetEnvironment: 'sandbox',
    };
    const requestCounts: number[] = [];
    let failures = 0;
    const times = await timeAsync({ warmup: 1, runs }, async () => {
      const before = emulator.requests.length;
      const report = await runDoctor(input);
      requestCounts.push(emulator.requests.length - before);
      if (!report.ok) failures++;
    });
    if (failures) throw new Error(`the doctor reported a problem in ${failures} runs: the timing would not be of a full check`);
    const ms = median(times);
    const requests = median(requestCounts);
    const sum = requests * LATENCY_MS;
    const floor = FLOOR_ROUND_TRIPS * LATENCY_MS;
    const rows: Row[] = [
      {
        area: AREA,
        measurement: 'one key + one API user, target environment: runDoctor',
        result: formatMs(ms),
        baseline: `${formatMs(floor)} floor (${FLOOR_ROUND_TRIPS} round trips: token → balance)`,
        ratio: formatRatio(ratio(ms, floor)),
        target: `≤ ${NEAR_FLOOR}× the floor`,
        met: ratio(ms, floor) <= NEAR_FLOOR,
        note: `${requests} requests in ${Math.round(ms / LATENCY_MS)} round trips`,
      },
      {
        area: AREA,
        measurement: 'the same against its requests one after another',
        result: formatMs(ms),
        baseline: `${formatMs(sum)} (${requests} × ${LATENCY_MS} ms)`,
        ratio: formatRatio(ratio(ms, sum)),
        note: 'key probes, user read and token side by side, then the balance',
      },
    ];
    return { rows, data: { runs, latencyMs: LATENCY_MS, times, requestCounts, floorMs: floor, sumMs: sum } };
  } finally {
    destroyAgents();
    await emulator.close();
  }
}
