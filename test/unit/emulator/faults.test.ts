import * as assert from 'assert';
import { randomUUID } from 'crypto';
import { startEmulator } from '../../../src/emulator/server';
import type { RunningEmulator } from '../../../src/emulator/types';
import { call, keyOf, sleep } from './helpers';

function createUser(emu: RunningEmulator, id = randomUUID()) {
  return call(emu, 'POST', '/v1_0/apiuser', {
    headers: { 'X-Reference-Id': id, 'Ocp-Apim-Subscription-Key': keyOf(emu), 'Content-Type': 'application/json' },
    body: '{"providerCallbackHost":"example.com"}',
  });
}

function readUser(emu: RunningEmulator, id: string) {
  return call(emu, 'GET', `/v1_0/apiuser/${id}`, { headers: { 'Ocp-Apim-Subscription-Key': keyOf(emu) } });
}

async function elapsed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = Date.now();
  const value = await work();
  return { ms: Date.now() - start, value };
}

describe('emulator faults, latency and shutdown', () => {
  let emu: RunningEmulator;
  beforeEach(async () => {
    emu = await startEmulator();
  });
  afterEach(() => emu.close());

  it('answers the Nth matching request with the given status and JSON body, then recovers', async () => {
    emu.injectFault({ path: '/v1_0/apiuser', method: 'POST', nth: 2, kind: 'status', status: 503, body: { statusCode: 503, message: 'Service Unavailable' } });
    assert.strictEqual((await createUser(emu)).status, 201);
    const faulted = await createUser(emu);
    assert.strictEqual(faulted.status, 503);
    assert.deepStrictEqual(faulted.json(), { statusCode: 503, message: 'Service Unavailable' });
    assert.strictEqual((await createUser(emu)).status, 201);
    assert.strictEqual(emu.apiUserCount(), 2, "the 'before' fault did not process the request");
  });

  it('repeats a fault `times` times, sends string bodies as is, and leaves other requests alone', async () => {
    emu.injectFault({ path: /^\/v1_0\/apiuser$/, kind: 'status', status: 500, body: 'upstream down', times: 2 });
    const other = await call(emu, 'GET', '/nowhere');
    assert.strictEqual(other.status, 404, 'a request on another path does not count');
    const first = await createUser(emu);
    assert.strictEqual(first.status, 500);
    assert.strictEqual(first.text, 'upstream down');
    assert.strictEqual((await createUser(emu)).status, 500);
    assert.strictEqual((await createUser(emu)).status, 201);
  });

  it('matches on method', async () => {
    const id = randomUUID();
    emu.injectFault({ method: 'GET', path: '/v1_0/apiuser', kind: 'status', status: 502 });
    assert.strictEqual((await createUser(emu, id)).status, 201);
    assert.strictEqual((await readUser(emu, id)).status, 502);
  });

  it('resets the connection', async () => {
    emu.injectFault({ kind: 'reset' });
    await assert.rejects(createUser(emu));
    assert.strictEqual(emu.apiUserCount(), 0);
    assert.strictEqual(emu.requests[0].status, 0);
    assert.strictEqual((await createUser(emu)).status, 201);
  });

  it("with when: 'after', processes the request (the user exists) and then answers the fault", async () => {
    const id = randomUUID();
    emu.injectFault({ path: '/v1_0/apiuser', kind: 'status', status: 504, when: 'after' });
    assert.strictEqual((await createUser(emu, id)).status, 504);
    assert.strictEqual(emu.apiUserCount(), 1);
    assert.strictEqual((await readUser(emu, id)).status, 200);
    assert.strictEqual((await createUser(emu, id)).status, 409, 'a blind retry now meets the duplicate');
  });

  it("with when: 'after', a reset also leaves the user created", async () => {
    const id = randomUUID();
    emu.injectFault({ path: '/v1_0/apiuser', kind: 'reset', when: 'after' });
    await assert.rejects(createUser(emu, id));
    assert.strictEqual((await readUser(emu, id)).status, 200);
  });

  it('leaves a request hanging, and close() still finishes at once', async () => {
    emu.injectFault({ kind: 'hang' });
    const hanging = createUser(emu);
    const settled = hanging.then(
      () => 'answered',
      () => 'failed',
    );
    await sleep(100);
    assert.strictEqual(emu.requests.length, 1);
    const { ms } = await elapsed(() => emu.close());
    assert.ok(ms < 1000, `close took ${ms} ms`);
    assert.strictEqual(await settled, 'failed');
  });

  it("delays one request with kind 'delay', then answers normally", async () => {
    emu.injectFault({ kind: 'delay', delayMs: 400 });
    const slow = await elapsed(() => createUser(emu));
    assert.strictEqual(slow.value.status, 201);
    assert.ok(slow.ms >= 390, `took ${slow.ms} ms`);
    const fast = await elapsed(() => createUser(emu));
    assert.ok(fast.ms < 300, `took ${fast.ms} ms`);
  });

  it('adds latencyMs to every request, and setLatency changes it', async () => {
    const slow = await startEmulator({ latencyMs: 400 });
    try {
      const first = await elapsed(() => call(slow, 'GET', '/nowhere'));
      assert.ok(first.ms >= 390, `took ${first.ms} ms`);
      slow.setLatency(0);
      const second = await elapsed(() => call(slow, 'GET', '/nowhere'));
      assert.ok(second.ms < 300, `took ${second.ms} ms`);
      assert.throws(() => slow.setLatency(-1), RangeError);
    } finally {
      await slow.close();
    }
  });

  it('close() is quick while a request waits out its latency, and may be called twice', async () => {
    emu.setLatency(10_000);
    const pending = createUser(emu).catch(() => 'failed');
    await sleep(50);
    const { ms } = await elapsed(() => emu.close());
    assert.ok(ms < 1000, `close took ${ms} ms`);
    assert.strictEqual(await pending, 'failed');
    await emu.close();
  });

  it('clearFaults removes pending faults', async () => {
    emu.injectFault({ kind: 'status', status: 500 });
    emu.clearFaults();
    assert.strictEqual((await createUser(emu)).status, 201);
  });

  it('rejects a fault with a nonsensical nth or times', () => {
    assert.throws(() => emu.injectFault({ kind: 'reset', nth: 0 }), RangeError);
    assert.throws(() => emu.injectFault({ kind: 'reset', times: 1.5 }), RangeError);
  });

  it('records every request with method, path, headers, body and status', async () => {
    const id = randomUUID();
    await createUser(emu, id);
    await call(emu, 'GET', '/nowhere?x=1');
    assert.strictEqual(emu.requests.length, 2);
    const [first, second] = emu.requests;
    assert.strictEqual(first.method, 'POST');
    assert.strictEqual(first.path, '/v1_0/apiuser');
    assert.strictEqual(first.headers['x-reference-id'], id);
    assert.strictEqual(first.body, '{"providerCallbackHost":"example.com"}');
    assert.strictEqual(first.status, 201);
    assert.deepStrictEqual([second.method, second.path, second.status], ['GET', '/nowhere?x=1', 404]);
  });
});
