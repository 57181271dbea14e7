/**
 * Every MoMo call ends, and no answer can exhaust memory: an overall deadline (connect,
 * headers, body) and a 1 MB cap on the body, proven against the emulator's trickle and
 * endless faults, which an idle-socket timeout alone never stops.
 */
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as zlib from 'node:zlib';
import { v4 as uuidv4 } from 'uuid';
import { DEFAULT_TIMEOUT_MS, MomoClient } from '../../../src/core/momo/client';
import { MomoError } from '../../../src/core/momo/errors';
import { MAX_RESPONSE_BYTES } from '../../../src/core/momo/http';
import { useEmulator } from './helpers/emulator';

async function failure(promise: Promise<unknown>): Promise<MomoError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof MomoError, `expected a MomoError, got ${String(err)}`);
    return err;
  }
  assert.fail('the call succeeded but should have failed');
}

describe('core/momo every call ends: overall deadline and body cap', () => {
  const emulator = useEmulator();
  const key = () => emulator().subscriptionKeys.collection.primary;
  const host = () => new URL(emulator().url).host;
  const lastRequest = () => emulator().requests[emulator().requests.length - 1];

  it('the default deadline is 15 s, the setting momo.requestTimeoutSeconds defaults to', () => {
    assert.equal(DEFAULT_TIMEOUT_MS, 15_000);
    assert.equal(new MomoClient({ baseUrl: emulator().url }).timeoutMs, 15_000);
  });

  it('headers, then one byte every 5 s (the issue’s server): the default 15 s deadline ends it with one message naming host and deadline', async function () {
    // The exact input against the default deadline: 15 s of waiting by design.
    this.timeout(40_000);
    emulator().injectFault({ method: 'GET', path: '/v1_0/apiuser/', kind: 'trickle', intervalMs: 5000 });
    const error = await failure(new MomoClient({ baseUrl: emulator().url }).getApiUser(key(), uuidv4()));
    assert.equal(error.kind, 'timeout');
    assert.equal(error.message, `${host()} did not answer within 15 s.`);
    assert.equal(lastRequest().status, 200, 'the server did answer: headers came, the body never ended');
  });

  it('a byte every 50 ms never lets the socket go idle, yet the per-client deadline (0.5 s) ends the call', async () => {
    emulator().injectFault({ method: 'POST', path: '/v1_0/apiuser', kind: 'trickle', intervalMs: 50 });
    const client = new MomoClient({ baseUrl: emulator().url, timeoutMs: 500 });
    const error = await failure(client.createApiUser(key(), uuidv4(), 'localhost'));
    assert.equal(error.kind, 'timeout');
    assert.equal(error.message, `${host()} did not answer within 0.5 s.`);
    assert.equal(error.retryable, true);
  });

  it('a per-call deadline overrides the client’s (a longer production token call can ask for it)', async () => {
    emulator().injectFault({ method: 'GET', path: '/v1_0/apiuser/', kind: 'trickle', intervalMs: 50 });
    const client = new MomoClient({ baseUrl: emulator().url, timeoutMs: 60_000 });
    const error = await failure(client.getApiUser(key(), uuidv4(), { timeoutMs: 300 }));
    assert.equal(error.message, `${host()} did not answer within 0.3 s.`);
  });

  it('an endless body is cut at 1 MB: one plain error, not a buffer that grows without end', async () => {
    emulator().injectFault({ method: 'GET', path: '/v1_0/apiuser/', kind: 'endless' });
    const error = await failure(new MomoClient({ baseUrl: emulator().url }).getApiUser(key(), uuidv4()));
    assert.equal(error.kind, 'unexpected');
    assert.equal(error.message, `${host()} sent an answer larger than 1 MB; MoMo answers are a few hundred bytes, so it was cut off.`);
    assert.equal(error.nextSteps[0].id, 'checkBaseUrl');
    assert.equal(MAX_RESPONSE_BYTES, 1024 * 1024);
  });

  it('the caller’s cancellation is still a cancellation, not a timeout', async () => {
    emulator().injectFault({ method: 'GET', path: '/v1_0/apiuser/', kind: 'trickle', intervalMs: 50 });
    const controller = new AbortController();
    const call = new MomoClient({ baseUrl: emulator().url }).getApiUser(key(), uuidv4(), { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    assert.equal((await failure(call)).kind, 'cancelled');
  });

  it('a normal call is untouched by the deadline and the cap', async () => {
    const id = uuidv4();
    const client = new MomoClient({ baseUrl: emulator().url, timeoutMs: 2000 });
    await client.createApiUser(key(), id, 'example.com');
    assert.equal((await client.getApiUser(key(), id)).providerCallbackHost, 'example.com');
  });

  describe('a compressed answer counts after decompression', () => {
    let server: http.Server;
    let url: string;
    before(async () => {
      // 20 MB of zeros gzip to about 20 KB: small on the wire, huge once inflated.
      const bomb = zlib.gzipSync(Buffer.alloc(20 * 1024 * 1024));
      server = http.createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': bomb.length });
        res.end(bomb);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('a 20 KB gzip that inflates to 20 MB is refused like an endless body', async () => {
      const error = await failure(new MomoClient({ baseUrl: url }).getApiUser(key(), uuidv4()));
      assert.match(error.message, /larger than 1 MB/);
    });
  });
});
