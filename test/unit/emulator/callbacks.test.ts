import * as assert from 'assert';
import { randomUUID } from 'crypto';
import type { Product } from '../../../src/core/momo/products';
import { CallbackLog } from '../../../src/emulator/callbacks/callbackLog';
import { retryDelayMs } from '../../../src/emulator/callbacks/retrySchedule';
import { startEmulator } from '../../../src/emulator/server';
import type { CallbackAttempt, EmulatorOptions, RunningEmulator } from '../../../src/emulator/types';
import { answer, closedPort, startTestApp, type TestApp } from '../callbacks/appServer';
import { call, getToken, paymentBody, paymentPath, productHeaders, provisionUser, sleep } from './helpers';

describe('emulator callbacks (X-Callback-Url)', function () {
  this.timeout(20_000);
  let emu: RunningEmulator;
  let app: TestApp | undefined;
  const tokens = {} as Record<Product, string>;

  async function start(options: EmulatorOptions = {}, host = '127.0.0.1'): Promise<void> {
    emu = await startEmulator(options);
    const creds = await provisionUser(emu, 'collection', host);
    for (const product of ['collection', 'disbursement', 'remittance'] as const) tokens[product] = await getToken(emu, product, creds);
  }
  afterEach(async () => {
    await emu?.close();
    await app?.close();
    app = undefined;
  });

  function pay(product: Product, callbackUrl: string | undefined, partyId = '46733123459', referenceId = randomUUID()) {
    return call(emu, 'POST', paymentPath(product), {
      headers: {
        ...productHeaders(emu, product, tokens[product]),
        'X-Reference-Id': referenceId,
        'Content-Type': 'application/json',
        'X-Callback-Url': callbackUrl,
      },
      body: paymentBody(product, partyId),
    }).then((res) => ({ res, referenceId }));
  }

  async function delivered(referenceId: string, timeoutMs = 10_000): Promise<CallbackAttempt> {
    const attempt = await emu.waitForCallback(referenceId, { timeoutMs });
    assert.ok(attempt, 'no callback attempt was recorded');
    return attempt;
  }

  it('request to pay: one PUT with the status body once final, recorded with status, headers, body and duration', async () => {
    await start();
    app = await startTestApp(answer(200, 'recorded', { 'x-app': 'shop' }));
    const { res, referenceId } = await pay('collection', `${app.origin}/momo/callback?order=7`);
    assert.strictEqual(res.status, 202);
    const attempt = await delivered(referenceId);
    assert.strictEqual(app.received.length, 1);
    const got = app.received[0];
    assert.strictEqual(got.method, 'PUT');
    assert.strictEqual(got.path, '/momo/callback?order=7');
    assert.match(String(got.headers['content-type']), /^application\/json/);
    const body = JSON.parse(got.body) as Record<string, unknown>;
    const status = await call(emu, 'GET', `${paymentPath('collection')}/${referenceId}`, { headers: productHeaders(emu, 'collection', tokens.collection) });
    assert.deepStrictEqual(body, status.json(), 'the callback body is the status call body');
    assert.strictEqual(body.status, 'SUCCESSFUL');
    assert.match(String(body.financialTransactionId), /^\d+$/);
    assert.deepStrictEqual(body.payer, { partyIdType: 'MSISDN', partyId: '46733123459' });
    assert.deepStrictEqual([body.amount, body.currency, body.externalId], ['5', 'EUR', '12345']);

    assert.strictEqual(attempt.status, 200);
    assert.strictEqual(attempt.method, 'PUT');
    assert.strictEqual(attempt.attempt, 1);
    assert.strictEqual(attempt.responseBody, 'recorded');
    assert.strictEqual(attempt.responseHeaders['x-app'], 'shop');
    assert.ok(attempt.durationMs >= 0 && Number.isFinite(Date.parse(attempt.startedAt)));
    assert.deepStrictEqual(attempt.requestBody, body);

    const log = await call(emu, 'GET', `/_emulator/callbacks?referenceId=${referenceId}`);
    assert.strictEqual(log.status, 200);
    assert.deepStrictEqual((log.json() as { attempts: CallbackAttempt[] }).attempts, [attempt]);
  });

  for (const product of ['disbursement', 'remittance'] as const) {
    it(`${product} transfer: POST with payee, and reason when it failed`, async () => {
      await start();
      app = await startTestApp(answer(204));
      const { referenceId } = await pay(product, `${app.origin}/hooks/momo`, '46733123451');
      const attempt = await delivered(referenceId);
      const got = app.received[0];
      assert.strictEqual(got.method, 'POST');
      const body = JSON.parse(got.body) as Record<string, unknown>;
      assert.deepStrictEqual(body.payee, { partyIdType: 'MSISDN', partyId: '46733123451' });
      assert.strictEqual(body.payer, undefined);
      assert.strictEqual(body.status, 'FAILED');
      assert.deepStrictEqual((body.reason as { code: string }).code, 'APPROVAL_REJECTED');
      assert.strictEqual(body.financialTransactionId, undefined);
      assert.strictEqual(attempt.status, 204);
    });
  }

  it('--callback-method: one method for every product', async () => {
    await start({ callbacks: { method: 'POST' } });
    app = await startTestApp(answer(200));
    const { referenceId } = await pay('collection', `${app.origin}/cb`);
    assert.strictEqual((await delivered(referenceId)).method, 'POST');
    assert.strictEqual(app.received[0].method, 'POST');
  });

  it("refuses a URL off the user's providerCallbackHost, and https in sandbox mode, with INVALID_CALLBACK_URL_HOST", async () => {
    await start({}, 'localhost');
    app = await startTestApp(answer(200));
    for (const url of [`${app.origin}/cb` /* 127.0.0.1 ≠ localhost */, `https://localhost:${app.port}/cb`, 'not a url']) {
      const { res, referenceId } = await pay('collection', url);
      assert.strictEqual(res.status, 400, url);
      assert.deepStrictEqual(res.json(), { code: 'INVALID_CALLBACK_URL_HOST', message: 'Callback URL with host not allowed for this API user.' });
      const read = await call(emu, 'GET', `${paymentPath('collection')}/${referenceId}`, { headers: productHeaders(emu, 'collection', tokens.collection) });
      assert.strictEqual(read.status, 404, 'a refused payment is not created');
    }
    const ok = await pay('collection', `http://LOCALHOST:${app.port}/cb`);
    assert.strictEqual(ok.res.status, 202);
    assert.strictEqual((await delivered(ok.referenceId)).status, 200, 'localhost reaches the app on 127.0.0.1');
  });

  it('production mode wants https', async () => {
    emu = await startEmulator({ mode: 'production' });
    const apiUser = randomUUID();
    emu.addApiUser({ id: apiUser, apiKey: 'k'.repeat(32), providerCallbackHost: 'localhost' });
    const token = await getToken(emu, 'collection', { apiUser, apiKey: 'k'.repeat(32) });
    const post = (url: string) =>
      call(emu, 'POST', paymentPath('collection'), {
        headers: { ...productHeaders(emu, 'collection', token, 'mtnuganda'), 'X-Reference-Id': randomUUID(), 'X-Callback-Url': url },
        body: paymentBody('collection', '256772123456', { currency: 'UGX' }),
      });
    assert.strictEqual((await post('http://localhost:9/cb')).status, 400);
    assert.strictEqual((await post('https://localhost:9/cb')).status, 202);
  });

  it('waits at most 2 seconds for an answer by default', async () => {
    await start();
    app = await startTestApp(() => undefined /* never answers */);
    const { referenceId } = await pay('collection', `${app.origin}/slow`);
    const attempt = await delivered(referenceId);
    assert.strictEqual(attempt.status, null);
    assert.strictEqual(attempt.error?.code, 'timeout');
    assert.ok(attempt.durationMs >= 1900, `gave up after ${attempt.durationMs} ms`);
    assert.strictEqual(app.received.length, 1);
  });

  it('does not follow redirects: the 301 is the answer', async () => {
    await start();
    app = await startTestApp((req, res) => {
      if (req.path === '/momo/callback') {
        res.writeHead(301, { location: '/momo/callback/' });
        res.end();
      } else answer(200)(req, res);
    });
    const { referenceId } = await pay('collection', `${app.origin}/momo/callback`);
    const attempt = await delivered(referenceId);
    assert.strictEqual(attempt.status, 301);
    assert.strictEqual(attempt.responseHeaders.location, '/momo/callback/');
    await sleep(200);
    assert.deepStrictEqual(app.received.map((r) => r.path), ['/momo/callback']);
  });

  it('keeps only the first 2 KB of the answer', async () => {
    await start();
    app = await startTestApp(answer(500, 'x'.repeat(10_000)));
    const { referenceId } = await pay('collection', `${app.origin}/cb`);
    const attempt = await delivered(referenceId);
    assert.strictEqual(attempt.status, 500);
    assert.strictEqual(attempt.responseBody.length, 2048);
    assert.strictEqual(attempt.responseBodyTruncated, true);
  });

  it('records a refused connection, and a host that is not this machine without sending anything', async () => {
    await start({}, 'localhost');
    const port = await closedPort();
    const refused = await pay('collection', `http://localhost:${port}/cb`);
    assert.strictEqual((await delivered(refused.referenceId)).error?.code, 'refused');

    await emu.close();
    await start({}, 'shop.example.com');
    const remote = await pay('collection', 'http://shop.example.com/cb');
    const attempt = await delivered(remote.referenceId);
    assert.strictEqual(attempt.error?.code, 'notLocal');
    assert.strictEqual(attempt.status, null);
  });

  it('"pending, then successful" calls back after the read that ends it; "payer delayed" never does', async () => {
    await start();
    app = await startTestApp(answer(200));
    const ongoing = await pay('collection', `${app.origin}/cb`, '46733123453');
    const delayed = await pay('collection', `${app.origin}/cb`, '46733123454');
    const read = (ref: string) =>
      call(emu, 'GET', `${paymentPath('collection')}/${ref}`, { headers: productHeaders(emu, 'collection', tokens.collection) });
    assert.strictEqual(((await read(ongoing.referenceId)).json() as { status: string }).status, 'PENDING');
    await sleep(200);
    assert.deepStrictEqual(emu.callbackAttempts(ongoing.referenceId), [], 'no callback while pending');
    assert.strictEqual(((await read(ongoing.referenceId)).json() as { status: string }).status, 'SUCCESSFUL');
    const attempt = await delivered(ongoing.referenceId);
    assert.strictEqual((attempt.requestBody as { status: string }).status, 'SUCCESSFUL');
    await read(delayed.referenceId);
    await read(delayed.referenceId);
    await sleep(300);
    assert.deepStrictEqual(emu.callbackAttempts(delayed.referenceId), []);
    assert.strictEqual(app.received.length, 1);
  });

  it('retries are off by default; with them on, an unanswered callback is tried again a second later', async () => {
    await start();
    app = await startTestApp(answer(500, 'boom'));
    const once = await pay('collection', `${app.origin}/cb`);
    await delivered(once.referenceId);
    await sleep(1500);
    assert.strictEqual(emu.callbackAttempts(once.referenceId).length, 1);
    await emu.close();
    await app.close();

    await start({ callbacks: { retries: true } });
    let calls = 0;
    app = await startTestApp((req, res) => answer(++calls === 1 ? 503 : 200)(req, res));
    const retried = await pay('collection', `${app.origin}/cb`);
    await app.nthRequest(2);
    await sleep(100);
    const attempts = emu.callbackAttempts(retried.referenceId);
    assert.deepStrictEqual(attempts.map((a) => [a.attempt, a.status]), [[1, 503], [2, 200]]);
  });

  it('waits the configured delay, and close() cancels a callback still waiting', async () => {
    await start({ callbacks: { delayMs: 60_000 } });
    app = await startTestApp(answer(200));
    const { referenceId } = await pay('collection', `${app.origin}/cb`);
    await sleep(200);
    assert.deepStrictEqual(emu.callbackAttempts(referenceId), []);
    await emu.close();
    assert.strictEqual(app.received.length, 0);
  });

  it('GET /_emulator/callbacks needs no key; other methods and paths under /_emulator/ are refused', async () => {
    await start();
    const list = await call(emu, 'GET', '/_emulator/callbacks');
    assert.deepStrictEqual(list.json(), { attempts: [], dropped: 0, limit: 200 });
    assert.strictEqual((await call(emu, 'POST', '/_emulator/callbacks')).status, 405);
    assert.strictEqual((await call(emu, 'GET', '/_emulator/requests')).status, 404);
  });

  it('the log is bounded: the oldest attempts are dropped and counted', () => {
    const log = new CallbackLog(3);
    for (let i = 0; i < 5; i++) {
      log.add({
        product: 'collection', referenceId: `r${i}`, url: 'http://localhost/cb', method: 'PUT', attempt: 1, startedAt: '', durationMs: 0,
        status: 200, responseHeaders: {}, responseBody: '', responseBodyTruncated: false, requestBody: {},
      });
    }
    assert.deepStrictEqual(log.list().map((a) => [a.seq, a.referenceId]), [[3, 'r2'], [4, 'r3'], [5, 'r4']]);
    assert.strictEqual(log.dropped, 2);
  });

  it("retry schedule: MTN's 20 × 1 s, 30 × 2 min, then hourly (a day of them)", () => {
    assert.deepStrictEqual([1, 20, 21, 50, 51, 74, 75].map(retryDelayMs), [1000, 1000, 120_000, 120_000, 3_600_000, 3_600_000, undefined]);
  });
});
