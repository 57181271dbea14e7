/**
 * The emulator stays small: it remembers a bounded number of requests and only the start of
 * each body, so long test and bench runs stay flat (the issue: 300 bodies of 1 MB took it
 * from 82 to 391 MB, never released).
 */
import * as assert from 'assert';
import { DEFAULT_HISTORY_LIMIT, RECORDED_BODY_LIMIT } from '../../../src/emulator/requestHistory';
import { startEmulator } from '../../../src/emulator/server';
import type { RunningEmulator } from '../../../src/emulator/types';
import { call, keyOf } from './helpers';

describe('emulator request history: bounded in count and body size', () => {
  let emu: RunningEmulator | undefined;
  afterEach(() => emu?.close());

  it('300 bodies of 1 MB: each is answered, and only 8 KB of each is kept, its full length counted', async function () {
    this.timeout(120_000); // 300 MB through a socket: slow on a loaded machine, not a speed test
    emu = await startEmulator();
    const body = JSON.stringify({ providerCallbackHost: 'x'.repeat(1_000_000 - 27) });
    assert.equal(body.length, 1_000_000);
    for (let i = 0; i < 300; i++) {
      const res = await call(emu, 'POST', '/v1_0/apiuser', {
        headers: { 'Ocp-Apim-Subscription-Key': keyOf(emu), 'X-Reference-Id': 'not-a-uuid', 'Content-Type': 'application/json' },
        body,
      });
      assert.equal(res.status, 400);
    }
    assert.equal(emu.requests.length, 300);
    for (const request of emu.requests) {
      assert.equal(request.bodyLength, 1_000_000);
      assert.equal(request.body.length, RECORDED_BODY_LIMIT);
      assert.equal(request.body, body.slice(0, RECORDED_BODY_LIMIT));
    }
  });

  it('keeps the latest requests only: default 1000, or historyLimit', async () => {
    assert.equal(DEFAULT_HISTORY_LIMIT, 1000);
    emu = await startEmulator({ historyLimit: 5 });
    for (let i = 1; i <= 8; i++) await call(emu, 'GET', `/nowhere/${i}`);
    assert.deepEqual(
      emu.requests.map((r) => r.path),
      ['/nowhere/4', '/nowhere/5', '/nowhere/6', '/nowhere/7', '/nowhere/8'],
    );
    await assert.rejects(startEmulator({ historyLimit: 0 }), /historyLimit must be an integer >= 1/);
  });

  it('a small body is kept whole', async () => {
    emu = await startEmulator();
    await call(emu, 'POST', '/v1_0/apiuser', { headers: { 'Ocp-Apim-Subscription-Key': keyOf(emu) }, body: '{"providerCallbackHost":"a"}' });
    assert.equal(emu.requests[0].body, '{"providerCallbackHost":"a"}');
    assert.equal(emu.requests[0].bodyLength, 28);
  });
});
