/**
 * The CLI against faulty servers: its peak memory while `provision` meets an endless body
 * (the issue saw 23 GB before the 1 MB cap), against the same command on a healthy emulator.
 */
import * as path from 'path';
import { startEmulator } from '../../src/emulator/server';
import { runChild } from '../lib/childProcess';
import { BENCH_OUT, REPO_ROOT } from '../lib/paths';
import { formatMbFromKb, formatRatio, Row, SectionResult } from '../lib/report';
import { ratio } from '../lib/stats';

const CHILD = path.join(BENCH_OUT, 'faults', 'cliChild.js');
const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const TARGET_MB = 100;

export async function measureFaults(): Promise<SectionResult> {
  const emulator = await startEmulator({ quiet: true });
  try {
    const args = ['provision', '--subscription-key', emulator.subscriptionKeys.collection.primary, '--base-url', emulator.url, '--json'];
    const healthy = await runChild<{ exitCode: number }>(CHILD, [CLI, ...args]);
    if (healthy.value.exitCode !== 0) throw new Error(`provision on a healthy emulator exited ${healthy.value.exitCode}`);
    emulator.injectFault({ method: 'POST', path: '/v1_0/apiuser', kind: 'endless', times: 10 });
    emulator.injectFault({ method: 'GET', path: '/v1_0/apiuser/', kind: 'endless', times: 10 });
    const endless = await runChild<{ exitCode: number }>(CHILD, [CLI, ...args]);
    if (endless.value.exitCode !== 1) throw new Error(`provision against an endless body exited ${endless.value.exitCode}, expected 1`);
    const rows: Row[] = [
      {
        area: 'Peak memory',
        measurement: 'CLI provision against an endless response body (maxRSS)',
        result: formatMbFromKb(endless.maxRssKb),
        baseline: `${formatMbFromKb(healthy.maxRssKb)} (the same command, healthy emulator)`,
        ratio: formatRatio(ratio(endless.maxRssKb, healthy.maxRssKb)),
        target: `< ${TARGET_MB} MB`,
        met: endless.maxRssKb / 1024 < TARGET_MB,
        note: 'each answer cut at 1 MB; exit 1 with one sentence',
      },
    ];
    return { rows, data: { endlessMaxRssKb: endless.maxRssKb, healthyMaxRssKb: healthy.maxRssKb } };
  } finally {
    await emulator.close();
  }
}
