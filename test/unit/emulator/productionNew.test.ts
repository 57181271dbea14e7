import * as assert from 'assert';
import { randomUUID } from 'crypto';
import { startEmulator } from '../../../src/emulator/server';
import { parseEmulatorArgs } from '../../../src/emulator/main';
import type { RunningEmulator, SystemCredentials } from '../../../src/emulator/types';
import { basic, call, keyOf, paymentPath, productHeaders } from './helpers';

const TARGET_400 = '{"error": "Invalid or missing X-Target-Environment header"}';
const INVALID_CLIENT = { error: 'invalid_client' };
/** A User ID as the Partner Portal shows them (base64, ending in "=") and a token with punctuation. */
const USER_ID = 'c3lzdGVtLXVzZXItMDAx=';
const TOKEN = 'Tk.3f_9-Qx~Lm!Zp=Wr8.yV2_hN-0';

function tokenCall(emu: RunningEmulator, pair: { user: string; secret: string }, headers: Record<string, string | undefined> = {}) {
  return call(emu, 'POST', '/collection/token/', {
    headers: {
      'Ocp-Apim-Subscription-Key': keyOf(emu),
      Authorization: basic(pair.user, pair.secret),
      'X-Target-Environment': 'mtnuganda',
      ...headers,
    },
  });
}

describe('emulator in production-new mode (momoapi.momo.africa)', () => {
  let emu: RunningEmulator;
  let pair: SystemCredentials;
  beforeEach(async () => {
    emu = await startEmulator({ mode: 'production-new' });
    pair = emu.issueSystemCredentials({ userId: USER_ID, credentialToken: TOKEN });
  });
  afterEach(() => emu.close());

  it('starts with a System Credentials pair shaped like the Partner Portal\'s, and issues random ones', () => {
    const started = emu.systemCredentials;
    assert.ok(started, 'a pair is issued at start');
    assert.match(started.userId, /^[A-Za-z0-9+/]+==$/);
    assert.match(started.credentialToken, /[.!]/);
    const other = emu.issueSystemCredentials();
    assert.notStrictEqual(other.userId, started.userId);
    assert.notStrictEqual(other.credentialToken, started.credentialToken);
  });

  it('gives a token to System Credentials with X-Target-Environment, and serves the balance with it', async () => {
    const res = await tokenCall(emu, { user: pair.userId, secret: pair.credentialToken });
    assert.strictEqual(res.status, 200, res.text);
    const token = (res.json() as { access_token: string }).access_token;
    const balance = await call(emu, 'GET', '/collection/v1_0/account/balance', { headers: productHeaders(emu, 'collection', token, 'mtnuganda') });
    assert.strictEqual(balance.status, 200);
    assert.deepStrictEqual(balance.json(), { availableBalance: '1000', currency: 'UGX' });
  });

  for (const [name, value] of [['missing', undefined], ['empty', ''], ['"production"', 'production'], ['"sandbox"', 'sandbox']] as const) {
    it(`answers a token request with X-Target-Environment ${name} with the platform's exact 400 body`, async () => {
      const res = await tokenCall(emu, { user: pair.userId, secret: pair.credentialToken }, { 'X-Target-Environment': value });
      assert.strictEqual(res.status, 400);
      assert.strictEqual(res.text, TARGET_400);
    });
  }

  it('answers an unknown pair, a wrong token and a legacy API user + key with 401 invalid_client', async () => {
    const legacy = { user: randomUUID(), secret: 'a1'.repeat(16) };
    emu.addApiUser({ id: legacy.user, apiKey: legacy.secret, providerCallbackHost: 'shop.example.com' });
    for (const wrong of [{ user: 'bm9ib2R5LWtub3dzLW1l', secret: TOKEN }, { user: pair.userId, secret: `${TOKEN}x` }, legacy]) {
      const res = await tokenCall(emu, wrong);
      assert.strictEqual(res.status, 401, wrong.user);
      assert.deepStrictEqual(res.json(), INVALID_CLIENT);
    }
  });

  it('treats User IDs as case-sensitive', async () => {
    const res = await tokenCall(emu, { user: pair.userId.toLowerCase(), secret: pair.credentialToken });
    assert.strictEqual(res.status, 401);
  });

  it('answers a Basic header built from URL-encoded values with a 500', async () => {
    const res = await tokenCall(emu, { user: encodeURIComponent(pair.userId), secret: encodeURIComponent(pair.credentialToken) });
    assert.strictEqual(res.status, 500);
  });

  it('refuses a pair pinned to another wallet with invalid_client', async () => {
    const ghana = emu.issueSystemCredentials({ targetEnvironment: 'mtnghana' });
    const res = await tokenCall(emu, { user: ghana.userId, secret: ghana.credentialToken });
    assert.strictEqual(res.status, 401);
    const home = await tokenCall(emu, { user: ghana.userId, secret: ghana.credentialToken }, { 'X-Target-Environment': 'mtnghana' });
    assert.strictEqual(home.status, 200);
  });

  it('refuses a python-requests User-Agent with the Azure Application Gateway HTML 403, on any path', async () => {
    for (const path of ['/collection/token/', '/no/such/path']) {
      const res = await call(emu, 'POST', path, { headers: { 'User-Agent': 'python-requests/2.31.0', 'Ocp-Apim-Subscription-Key': keyOf(emu) } });
      assert.strictEqual(res.status, 403, path);
      assert.match(res.headers.get('content-type') ?? '', /text\/html/);
      assert.match(res.text, /<title>403 Forbidden<\/title>/);
      assert.match(res.text, /Microsoft-Azure-Application-Gateway/);
    }
    const product = await tokenCall(emu, { user: pair.userId, secret: pair.credentialToken }, { 'User-Agent': 'momo-credentials/0.1.0' });
    assert.strictEqual(product.status, 200);
  });

  it('answers RESOURCE_NOT_FOUND for a transaction it did not process', async () => {
    const res = await tokenCall(emu, { user: pair.userId, secret: pair.credentialToken });
    const token = (res.json() as { access_token: string }).access_token;
    const status = await call(emu, 'GET', `${paymentPath('collection')}/${randomUUID()}`, { headers: productHeaders(emu, 'collection', token, 'mtnuganda') });
    assert.strictEqual(status.status, 404);
    assert.deepStrictEqual(status.json(), { code: 'RESOURCE_NOT_FOUND', message: 'Requested resource was not found.' });
  });

  it('has no Provisioning API', async () => {
    const res = await call(emu, 'POST', '/v1_0/apiuser', { headers: { 'Ocp-Apim-Subscription-Key': keyOf(emu), 'X-Reference-Id': randomUUID() }, body: '{}' });
    assert.strictEqual(res.status, 404);
  });

  it('refuses to issue System Credentials in the other modes', async () => {
    const sandbox = await startEmulator({ mode: 'sandbox' });
    try {
      assert.throws(() => sandbox.issueSystemCredentials(), /production-new/);
      assert.strictEqual(sandbox.systemCredentials, undefined);
    } finally {
      await sandbox.close();
    }
  });
});

describe('emulator token delay', () => {
  it('holds token answers back by the configured delay, and nothing else', async () => {
    const emu = await startEmulator({ mode: 'production-new', tokenDelayMs: 60_000 });
    try {
      const pair = emu.issueSystemCredentials();
      const controller = new AbortController();
      const pending = fetch(`${emu.url}/collection/token/`, {
        method: 'POST',
        headers: { 'Ocp-Apim-Subscription-Key': keyOf(emu), Authorization: basic(pair.userId, pair.credentialToken), 'X-Target-Environment': 'mtnuganda' },
        signal: controller.signal,
      }).then(
        () => 'answered',
        () => 'aborted',
      );
      // A product call is answered while the token request is still held back.
      const other = await call(emu, 'GET', '/collection/v1_0/account/balance', { headers: { 'Ocp-Apim-Subscription-Key': keyOf(emu) } });
      assert.strictEqual(other.status, 401);
      assert.strictEqual(emu.requests.find((r) => r.path === '/collection/token/')?.status, 0, 'the token request is not answered yet');
      controller.abort();
      assert.strictEqual(await pending, 'aborted');
    } finally {
      await emu.close();
    }
  });

  it('is read from --token-delay-ms, with --mode production-new', () => {
    const parsed = parseEmulatorArgs(['--mode', 'production-new', '--token-delay-ms', '15000']);
    assert.deepStrictEqual(parsed, { ok: true, options: { quiet: false, mode: 'production-new', tokenDelayMs: 15000 } });
    const wrong = parseEmulatorArgs(['--mode', 'production-old']);
    assert.strictEqual(wrong.ok, false);
  });
});
