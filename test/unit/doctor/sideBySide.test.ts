/**
 * The doctor's independent requests go out together: while the emulator holds every answer
 * back, the key's two probes, the user read and the token request all arrive. Run one after
 * another, only the first would ever be sent. No clock is involved: the test waits for the
 * requests to arrive (bounded), then cancels the report.
 */
import * as assert from 'node:assert/strict';
import { runDoctor } from '../../../src/core/doctor';
import type { RunningEmulator } from '../../../src/emulator/types';
import { provisionUser, useEmulator } from './helpers';

const ARRIVAL_LIMIT_MS = 15000;

async function untilArrived(emu: RunningEmulator, since: number, count: number): Promise<void> {
  const deadline = Date.now() + ARRIVAL_LIMIT_MS;
  while (emu.requests.length - since < count) {
    if (Date.now() > deadline) assert.fail(`only ${emu.requests.length - since} of ${count} requests arrived: ${emu.requests.slice(since).map((r) => `${r.method} ${r.path}`).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('doctor: independent checks side by side', () => {
  const emulator = useEmulator();

  it('sends the key probes, the user read and the token request before any is answered', async () => {
    const emu = emulator();
    const user = await provisionUser(emu);
    const before = emu.requests.length;
    emu.injectFault({ method: 'GET', path: '/v1_0/apiuser/', kind: 'hang', times: 2 });
    emu.injectFault({ method: 'POST', path: '/collection/token', kind: 'hang', times: 2 });
    const abort = new AbortController();
    const report = runDoctor(
      {
        baseUrl: emu.url,
        subscriptionKeys: [{ key: user.subscriptionKey, product: 'collection' }],
        apiUsers: [{ ...user, product: 'collection' }],
        targetEnvironment: 'sandbox',
      },
      { signal: abort.signal },
    );
    await untilArrived(emu, before, 4);
    const sent = emu.requests.slice(before);
    assert.deepEqual(sent.map((r) => r.status), [0, 0, 0, 0], 'none of them was answered');
    assert.equal(sent.filter((r) => r.method === 'GET' && r.path.includes('/v1_0/apiuser/')).length, 2, 'the key probe and the user read');
    assert.equal(sent.filter((r) => r.method === 'POST' && r.path.includes('/collection/token')).length, 2, 'the key-for-product probe and the token');
    abort.abort();
    const done = await report;
    assert.equal(done.cancelled, true);
    emu.clearFaults();
  });

  it('reads the balance only with the token it got, and reports in the usual order', async () => {
    const emu = emulator();
    const user = await provisionUser(emu);
    const before = emu.requests.length;
    const report = await runDoctor({
      baseUrl: emu.url,
      subscriptionKeys: [{ key: user.subscriptionKey, product: 'collection' }],
      apiUsers: [{ ...user, product: 'collection' }],
      targetEnvironment: 'sandbox',
    });
    assert.equal(report.ok, true);
    assert.deepEqual(
      report.findings.map((f) => f.check),
      ['baseUrl', 'subscriptionKey.format', 'subscriptionKey.gateway', 'apiUser.format', 'apiKey.format', 'apiUser.exists', 'apiUser.token', 'targetEnvironment', 'targetEnvironment.balance'],
    );
    const sent = emu.requests.slice(before).map((r) => `${r.method} ${r.path.split('?')[0]}`);
    assert.equal(sent.length, 5);
    assert.match(sent[sent.length - 1], /^GET \/collection\/v1_0\/account\/balance/);
  });
});
