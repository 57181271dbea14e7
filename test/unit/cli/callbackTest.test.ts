import * as assert from 'node:assert/strict';
import { djangoApp } from '../callbacks/appAnswers';
import { answer, startTestApp, type TestApp } from '../callbacks/appServer';
import { buildCli, runCli } from './helpers/runCli';

describe('cli momo-credentials callback-test (built dist/cli.js)', function () {
  this.timeout(60_000);
  let app: TestApp | undefined;
  before(() => buildCli());
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('--json: one object with exactly the documented keys; exit 0 when the app answered 2xx', async () => {
    app = await startTestApp(answer(204));
    const run = await runCli(['callback-test', '--url', `${app.origin}/momo/callback/`, '--json']);
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    assert.deepEqual(Object.keys(result), ['delivered', 'status', 'method', 'url', 'durationMs', 'explanation']);
    assert.deepEqual(Object.keys(result.explanation), ['cause', 'next']);
    assert.deepEqual([result.delivered, result.status, result.method, result.url], [true, 204, 'PUT', `${app.origin}/momo/callback/`]);
    assert.equal(typeof result.durationMs, 'number');
    assert.equal(run.stdout.trim().split('\n').length, 1);
    assert.equal(app.received[0].method, 'PUT');
  });

  it("explains Django's CSRF 403 and exits 1; --product and --method are used", async () => {
    app = await startTestApp(djangoApp);
    const run = await runCli(['callback-test', '--url', `${app.origin}/momo/callback/`, '--product', 'disbursement', '--method', 'PUT', '--outcome', 'rejected']);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /✗ Your app answered 403 Forbidden to the PUT/);
    assert.match(run.stdout, /Next: Add @csrf_exempt/);
    const body = JSON.parse(app.received[0].body);
    assert.equal(body.status, 'FAILED');
    assert.equal(body.payee.partyId, '46733123451');
  });

  it('no answer (nothing on the port) → delivered false, status null, exit 1', async () => {
    app = await startTestApp(answer(200));
    const port = app.port;
    await app.close();
    app = undefined;
    const run = await runCli(['callback-test', '--url', `http://127.0.0.1:${port}/cb`, '--json']);
    assert.equal(run.code, 1);
    const result = JSON.parse(run.stdout);
    assert.deepEqual([result.delivered, result.status], [false, null]);
    assert.match(result.explanation.cause, /not running on port/);
  });

  it('refuses wrong options with exit 2', async () => {
    for (const args of [[], ['--url', 'localhost:8000/cb'], ['--url', 'http://localhost/cb', '--method', 'GET'], ['--url', 'http://localhost/cb', '--outcome', 'pending']]) {
      const run = await runCli(['callback-test', ...args]);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
    }
  });
});
