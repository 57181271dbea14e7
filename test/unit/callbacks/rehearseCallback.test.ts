import * as assert from 'assert';
import { rehearseCallback, type RehearsalInput, type RehearsalResult } from '../../../src/core/callbacks';
import { startEmulator } from '../../../src/emulator/server';
import { djangoApp, djangoServerError, laravelCsrf } from './appAnswers';
import { answer, closedPort, startTestApp, type AppHandler, type TestApp } from './appServer';

/**
 * Every answer the rehearsal explains, each from a small local app that really answers it,
 * through a private emulator that really delivers the callback.
 */
describe('callback rehearsal: what the app answered, explained', function () {
  this.timeout(20_000);
  let app: TestApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  async function rehearse(handler: AppHandler, path: string, extra: Partial<RehearsalInput> = {}): Promise<RehearsalResult> {
    app = await startTestApp(handler);
    return rehearseCallback({ url: `${app.origin}${path}`, startEmulator, ...extra });
  }

  for (const status of [200, 204]) {
    it(`${status}: delivered`, async () => {
      const result = await rehearse(answer(status), '/momo/callback/');
      assert.strictEqual(result.delivered, true);
      assert.strictEqual(result.status, status);
      assert.strictEqual(result.explanation.verdict, 'accepted');
      assert.strictEqual(result.method, 'PUT');
      assert.strictEqual(result.emulator, 'private');
      assert.strictEqual(app?.received.length, 1);
      const body = JSON.parse(app!.received[0].body) as Record<string, unknown>;
      assert.strictEqual(body.status, 'SUCCESSFUL');
      assert.strictEqual(body.externalId, 'callback-rehearsal');
    });
  }

  it("403 with Django's CSRF page: @csrf_exempt on the view, with its file and line", async () => {
    const result = await rehearse(djangoApp, '/momo/callback/', {
      locateView: async (path) => (path === '/momo/callback/' ? { file: 'payments/views.py', line: 12, csrfExempt: false } : undefined),
    });
    assert.strictEqual(result.delivered, false);
    assert.strictEqual(result.status, 403);
    assert.strictEqual(result.explanation.verdict, 'djangoCsrf');
    assert.match(result.explanation.next, /@csrf_exempt/);
    assert.match(result.explanation.next, /payments\/views\.py:12/);
    assert.deepStrictEqual(result.explanation.location, { file: 'payments/views.py', line: 12, csrfExempt: false });
    assert.ok(result.explanation.details.includes('CSRF verification failed. Request aborted.'), result.explanation.details.join('|'));
    assert.match(result.attempt?.responseBody ?? '', /CSRF verification failed/);
  });

  it("301 from Django's APPEND_SLASH: use the exact URL, callbacks do not follow redirects", async () => {
    const result = await rehearse(djangoApp, '/momo/callback');
    assert.strictEqual(result.status, 301);
    assert.strictEqual(result.explanation.verdict, 'appendSlashRedirect');
    assert.match(result.explanation.next, /\/momo\/callback\/$/);
    assert.match(result.explanation.cause, /do(es)? not follow redirects/);
    assert.deepStrictEqual(app?.received.map((r) => r.path), ['/momo/callback'], 'the redirect was not followed');
  });

  it('419 from Laravel: VerifyCsrfToken::$except', async () => {
    const result = await rehearse(laravelCsrf, '/momo/callback');
    assert.strictEqual(result.explanation.verdict, 'laravelCsrf');
    assert.match(result.explanation.next, /VerifyCsrfToken/);
    assert.match(result.explanation.next, /\$except/);
  });

  it('405 to a PUT: accept both PUT and POST', async () => {
    const result = await rehearse((req, res) => answer(req.method === 'POST' ? 200 : 405, '', { allow: 'POST' })(req, res), '/cb');
    assert.strictEqual(result.status, 405);
    assert.strictEqual(result.explanation.verdict, 'methodNotAllowed');
    assert.match(result.explanation.next, /both PUT and POST/);
  });

  it('404: the route', async () => {
    const result = await rehearse(djangoApp, '/payments/momo/');
    assert.strictEqual(result.explanation.verdict, 'notFound');
    assert.match(result.explanation.summary, /\/payments\/momo\//);
  });

  it('302 from http to https, and 308 elsewhere: exact URL, no redirects followed', async () => {
    const toHttps = await rehearse((req, res) => answer(302, '', { location: `https://127.0.0.1:${app!.port}${req.path}` })(req, res), '/cb');
    assert.strictEqual(toHttps.explanation.verdict, 'httpsRedirect');
    await app?.close();
    const other = await rehearse(answer(308, '', { location: '/v2/cb' }), '/cb');
    assert.strictEqual(other.explanation.verdict, 'redirect');
    assert.deepStrictEqual(other.explanation.details, ['Location: /v2/cb']);
  });

  it("500: the app's error, from the first lines of its answer", async () => {
    const result = await rehearse(djangoServerError, '/momo/callback/');
    assert.strictEqual(result.explanation.verdict, 'serverError');
    assert.deepStrictEqual(result.explanation.details.slice(0, 2), ['KeyError at /momo/callback/', "'financialTransactionId'"]);
  });

  it('no answer within 2 s: MoMo gives up; answer fast, work later', async () => {
    const result = await rehearse(() => undefined, '/slow');
    assert.strictEqual(result.status, null);
    assert.strictEqual(result.explanation.verdict, 'timeout');
    assert.match(result.explanation.summary, /2 seconds/);
    assert.match(result.explanation.next, /Answer at once/);
  });

  it('connection refused: the app is not running on that port', async () => {
    const port = await closedPort();
    const result = await rehearseCallback({ url: `http://localhost:${port}/momo/callback/`, startEmulator });
    assert.strictEqual(result.explanation.verdict, 'refused');
    assert.match(result.explanation.cause, new RegExp(`not running on port ${port}`));
  });

  it("host ≠ the API user's providerCallbackHost: nothing is sent", async () => {
    app = await startTestApp(answer(200));
    let started = 0;
    const result = await rehearseCallback({
      url: `${app.origin}/cb`,
      providerCallbackHost: 'webhook.example.com',
      startEmulator: (o) => (started++, startEmulator(o)),
    });
    assert.strictEqual(result.explanation.verdict, 'hostMismatch');
    assert.match(result.explanation.next, /127\.0\.0\.1/);
    assert.deepStrictEqual([started, app.received.length, result.status, result.emulator], [0, 0, null, 'none']);
  });

  it('transfers call back with POST, and --method changes it', async () => {
    const transfer = await rehearse(answer(200), '/cb', { product: 'disbursement', outcome: 'failed' });
    assert.strictEqual(transfer.method, 'POST');
    assert.strictEqual((JSON.parse(app!.received[0].body) as { status: string }).status, 'FAILED');
    await app?.close();
    const put = await rehearse(answer(200), '/cb', { product: 'remittance', method: 'PUT' });
    assert.strictEqual(app!.received[0].method, 'PUT');
    assert.strictEqual(put.method, 'PUT');
  });

  it('uses a running emulator with its own API user when given one', async () => {
    const emu = await startEmulator();
    try {
      const apiUser = '6f1c3f5e-2b9a-4c1e-9d55-0d1f7c3b2a10';
      emu.addApiUser({ id: apiUser, apiKey: 'a'.repeat(32), providerCallbackHost: '127.0.0.1' });
      app = await startTestApp(answer(200));
      const result = await rehearseCallback({
        url: `${app.origin}/cb`,
        providerCallbackHost: '127.0.0.1',
        via: { baseUrl: emu.url, subscriptionKey: emu.subscriptionKeys.collection.primary, apiUser, apiKey: 'a'.repeat(32) },
        startEmulator: () => Promise.reject(new Error('must not start another emulator')),
      });
      assert.strictEqual(result.emulator, 'running');
      assert.strictEqual(result.delivered, true);
      assert.strictEqual(emu.callbackAttempts(result.referenceId).length, 1);
    } finally {
      await emu.close();
    }
  });
});
