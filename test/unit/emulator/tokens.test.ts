import * as assert from 'assert';
import { randomUUID } from 'crypto';
import { startEmulator } from '../../../src/emulator/server';
import type { RunningEmulator } from '../../../src/emulator/types';
import { basic, call, getToken, keyOf, productHeaders, provisionUser, sleep, type Credentials } from './helpers';

const LOGIN_FAILED = { error: 'login_failed' };
const NOT_ALLOWED = { code: 'NOT_ALLOWED_TARGET_ENVIRONMENT', message: 'Access to target environment is forbidden.' };

function assertMomoUnauthorized(res: { status: number; json(): unknown }): void {
  assert.strictEqual(res.status, 401);
  const body = res.json() as Record<string, unknown>;
  assert.strictEqual(body.code, 'UNAUTHORIZED');
  assert.strictEqual(typeof body.message, 'string');
  assert.ok(!('statusCode' in body), 'a MoMo 401 has no statusCode (that is how clients tell it from the gateway)');
}

describe('emulator tokens and account checks', () => {
  let emu: RunningEmulator;
  let creds: Credentials;
  beforeEach(async () => {
    emu = await startEmulator();
    creds = await provisionUser(emu);
  });
  afterEach(() => emu.close());

  const tokenCall = (authorization: string | undefined, product = 'collection' as const) =>
    call(emu, 'POST', `/${product}/token/`, { headers: { 'Ocp-Apim-Subscription-Key': keyOf(emu, product), Authorization: authorization } });

  it('issues a JWT-shaped access token with its lifetime', async () => {
    const res = await tokenCall(basic(creds.apiUser, creds.apiKey));
    assert.strictEqual(res.status, 200);
    const body = res.json() as { access_token: string; token_type: string; expires_in: number };
    assert.strictEqual(body.token_type, 'access_token');
    assert.strictEqual(body.expires_in, 3600);
    const parts = body.access_token.split('.');
    assert.strictEqual(parts.length, 3);
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as { clientId: string; exp: number };
    assert.strictEqual(payload.clientId, creds.apiUser);
    assert.ok(Math.abs(payload.exp - (Date.now() / 1000 + 3600)) < 5);
  });

  it('issues tokens for every product to a provisioned user', async () => {
    for (const product of ['disbursement', 'remittance'] as const) {
      assert.ok(await getToken(emu, product, creds));
    }
  });

  for (const [name, auth] of [
    ['a wrong API key', () => basic(creds.apiUser, 'f'.repeat(32))],
    ['an unknown API user', () => basic(randomUUID(), creds.apiKey)],
    ['an empty API key', () => basic(creds.apiUser, '')],
  ] as const) {
    it(`answers ${name} with 500 login_failed`, async () => {
      const res = await tokenCall(auth());
      assert.strictEqual(res.status, 500);
      assert.deepStrictEqual(res.json(), LOGIN_FAILED);
    });
  }

  it('answers login_failed for a user that has no key yet', async () => {
    const id = randomUUID();
    await call(emu, 'POST', '/v1_0/apiuser', {
      headers: { 'X-Reference-Id': id, 'Ocp-Apim-Subscription-Key': keyOf(emu) },
      body: '{"providerCallbackHost":"example.com"}',
    });
    const res = await tokenCall(basic(id, ''));
    assert.deepStrictEqual(res.json(), LOGIN_FAILED);
  });

  for (const [name, auth] of [
    ['no Authorization header', undefined],
    ['a Bearer header', 'Bearer abc'],
    ['Basic without a colon', 'Basic ' + Buffer.from('nocolon').toString('base64')],
  ] as const) {
    it(`answers ${name} on the token endpoint with 401 {"error":"invalid_client"}`, async () => {
      const res = await tokenCall(auth);
      assert.strictEqual(res.status, 401);
      assert.deepStrictEqual(res.json(), { error: 'invalid_client' });
    });
  }

  it('expires tokens after tokenTtlSeconds with a 401 that has no statusCode', async () => {
    const short = await startEmulator({ tokenTtlSeconds: 1 });
    try {
      const shortCreds = await provisionUser(short);
      const token = await getToken(short, 'collection', shortCreds);
      const balance = () => call(short, 'GET', '/collection/v1_0/account/balance', { headers: productHeaders(short, 'collection', token) });
      assert.strictEqual((await balance()).status, 200);
      await sleep(1100);
      const expired = await balance();
      assertMomoUnauthorized(expired);
      const fresh = await getToken(short, 'collection', shortCreds);
      const again = await call(short, 'GET', '/collection/v1_0/account/balance', { headers: productHeaders(short, 'collection', fresh) });
      assert.strictEqual(again.status, 200);
    } finally {
      await short.close();
    }
  });

  it('scopes a token to its product', async () => {
    const token = await getToken(emu, 'collection', creds);
    const res = await call(emu, 'GET', '/disbursement/v1_0/account/balance', { headers: productHeaders(emu, 'disbursement', token) });
    assertMomoUnauthorized(res);
  });

  it('refuses a missing or made-up Bearer token with a MoMo 401', async () => {
    for (const authorization of [undefined, 'Bearer not-a-token', 'Basic abc']) {
      const res = await call(emu, 'GET', '/collection/v1_0/account/balance', {
        headers: { ...productHeaders(emu, 'collection', 'x'), Authorization: authorization },
      });
      assertMomoUnauthorized(res);
    }
  });

  it('answers the balance in EUR for the sandbox', async () => {
    const token = await getToken(emu, 'collection', creds);
    const res = await call(emu, 'GET', '/collection/v1_0/account/balance', { headers: productHeaders(emu, 'collection', token) });
    assert.strictEqual(res.status, 200);
    assert.deepStrictEqual(res.json(), { availableBalance: '1000', currency: 'EUR' });
  });

  for (const target of ['production', 'Sandbox', 'mtnuganda', 'uganda']) {
    it(`refuses X-Target-Environment "${target}" in sandbox mode with 500 NOT_ALLOWED_TARGET_ENVIRONMENT`, async () => {
      const token = await getToken(emu, 'collection', creds);
      const res = await call(emu, 'GET', '/collection/v1_0/account/balance', { headers: productHeaders(emu, 'collection', token, target) });
      assert.strictEqual(res.status, 500);
      assert.deepStrictEqual(res.json(), NOT_ALLOWED);
    });
  }

  it('checks the token before the target environment', async () => {
    const res = await call(emu, 'GET', '/collection/v1_0/account/balance', { headers: productHeaders(emu, 'collection', 'bad', 'production') });
    assertMomoUnauthorized(res);
  });

  it('says an account holder is active for any well-formed id', async () => {
    const token = await getToken(emu, 'remittance', creds);
    for (const [type, id] of [['msisdn', '46733123450'], ['email', 'a@b.co'], ['party_code', randomUUID()]]) {
      const res = await call(emu, 'GET', `/remittance/v1_0/accountholder/${type}/${encodeURIComponent(id)}/active`, {
        headers: productHeaders(emu, 'remittance', token),
      });
      assert.strictEqual(res.status, 200, `${type} ${id}`);
      assert.deepStrictEqual(res.json(), { result: true });
    }
  });

  for (const [type, id] of [['MSISDN', '46733123450'], ['phone', '46733123450'], ['msisdn', 'abc'], ['email', 'nope']]) {
    it(`refuses accountholder ${type}/${id} with 400`, async () => {
      const token = await getToken(emu, 'collection', creds);
      const res = await call(emu, 'GET', `/collection/v1_0/accountholder/${type}/${id}/active`, { headers: productHeaders(emu, 'collection', token) });
      assert.strictEqual(res.status, 400);
    });
  }
});
