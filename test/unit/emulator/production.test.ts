import * as assert from 'assert';
import { randomUUID } from 'crypto';
import { startEmulator } from '../../../src/emulator/server';
import type { RunningEmulator } from '../../../src/emulator/types';
import { call, getToken, keyOf, paymentBody, paymentPath, productHeaders, type Credentials } from './helpers';

const GATEWAY_404 = { statusCode: 404, message: 'Resource not found' };
const NOT_ALLOWED = { code: 'NOT_ALLOWED_TARGET_ENVIRONMENT', message: 'Access to target environment is forbidden.' };

describe('emulator in production mode', () => {
  let emu: RunningEmulator;
  let creds: Credentials;
  beforeEach(async () => {
    emu = await startEmulator({ mode: 'production' });
    creds = { apiUser: randomUUID(), apiKey: 'e'.repeat(32) };
    emu.addApiUser({ id: creds.apiUser, apiKey: creds.apiKey, providerCallbackHost: 'shop.example.com' });
  });
  afterEach(() => emu.close());

  it('reports its mode', () => {
    assert.strictEqual(emu.mode, 'production');
  });

  it('answers every provisioning path with the gateway 404, even with a valid key', async () => {
    const headers = { 'Ocp-Apim-Subscription-Key': keyOf(emu), 'X-Reference-Id': randomUUID() };
    for (const [method, path] of [
      ['POST', '/v1_0/apiuser'],
      ['GET', `/v1_0/apiuser/${creds.apiUser}`],
      ['POST', `/v1_0/apiuser/${creds.apiUser}/apikey`],
    ]) {
      const res = await call(emu, method, path, { headers, body: method === 'POST' ? '{"providerCallbackHost":"a.com"}' : undefined });
      assert.strictEqual(res.status, 404, `${method} ${path}`);
      assert.deepStrictEqual(res.json(), GATEWAY_404);
    }
    assert.strictEqual(emu.apiUserCount(), 1);
  });

  it('serves users added with addApiUser, in the currency of the production environment', async () => {
    const token = await getToken(emu, 'collection', creds);
    for (const [target, currency] of [['mtnuganda', 'UGX'], ['mtnrwanda', 'RWF'], ['mtnghana', 'GHS']]) {
      const res = await call(emu, 'GET', '/collection/v1_0/account/balance', { headers: productHeaders(emu, 'collection', token, target) });
      assert.strictEqual(res.status, 200, target);
      assert.deepStrictEqual(res.json(), { availableBalance: '1000', currency });
    }
  });

  for (const target of ['sandbox', 'production', 'uganda']) {
    it(`refuses X-Target-Environment "${target}" with 500 NOT_ALLOWED_TARGET_ENVIRONMENT`, async () => {
      const token = await getToken(emu, 'collection', creds);
      const res = await call(emu, 'GET', '/collection/v1_0/account/balance', { headers: productHeaders(emu, 'collection', token, target) });
      assert.strictEqual(res.status, 500);
      assert.deepStrictEqual(res.json(), NOT_ALLOWED);
    });
  }

  it('keeps a user pinned to its target environment', async () => {
    const pinned = { apiUser: randomUUID(), apiKey: 'd'.repeat(32) };
    emu.addApiUser({ id: pinned.apiUser, apiKey: pinned.apiKey, providerCallbackHost: 'a.com', targetEnvironment: 'mtnghana' });
    const token = await getToken(emu, 'disbursement', pinned);
    const balance = (target: string) => call(emu, 'GET', '/disbursement/v1_0/account/balance', { headers: productHeaders(emu, 'disbursement', token, target) });
    assert.strictEqual((await balance('mtnghana')).status, 200);
    assert.strictEqual((await balance('mtnuganda')).status, 500);
  });

  it('accepts only the environments given in targetEnvironments', async () => {
    const narrow = await startEmulator({ mode: 'production', targetEnvironments: ['mtnzambia'] });
    try {
      narrow.addApiUser({ id: creds.apiUser, apiKey: creds.apiKey, providerCallbackHost: 'a.com' });
      const token = await getToken(narrow, 'collection', creds);
      const balance = (target: string) => call(narrow, 'GET', '/collection/v1_0/account/balance', { headers: productHeaders(narrow, 'collection', token, target) });
      assert.strictEqual((await balance('mtnzambia')).status, 200);
      assert.strictEqual((await balance('mtnuganda')).status, 500);
    } finally {
      await narrow.close();
    }
  });

  it('takes payments in the local currency only, and ignores sandbox test numbers', async () => {
    const token = await getToken(emu, 'collection', creds);
    const post = (body: string, ref = randomUUID()) =>
      call(emu, 'POST', paymentPath('collection'), { headers: { ...productHeaders(emu, 'collection', token, 'mtnuganda'), 'X-Reference-Id': ref }, body });
    const euro = await post(paymentBody('collection', '46733123450'));
    assert.strictEqual(euro.status, 500);
    assert.deepStrictEqual(euro.json(), { code: 'INVALID_CURRENCY', message: 'Currency not supported.' });
    const ref = randomUUID();
    assert.strictEqual((await post(paymentBody('collection', '46733123450', { currency: 'UGX' }), ref)).status, 202);
    const read = await call(emu, 'GET', `${paymentPath('collection')}/${ref}`, { headers: productHeaders(emu, 'collection', token, 'mtnuganda') });
    assert.strictEqual((read.json() as { status: string }).status, 'SUCCESSFUL');
  });

  it("refuses an X-Callback-Url outside the user's providerCallbackHost", async () => {
    const token = await getToken(emu, 'collection', creds);
    const post = (callbackUrl: string) =>
      call(emu, 'POST', paymentPath('collection'), {
        headers: { ...productHeaders(emu, 'collection', token, 'mtnuganda'), 'X-Reference-Id': randomUUID(), 'X-Callback-Url': callbackUrl },
        body: paymentBody('collection', '256772123456', { currency: 'UGX' }),
      });
    const wrong = await post('https://evil.example.net/cb');
    assert.strictEqual(wrong.status, 400);
    assert.strictEqual((wrong.json() as { code: string }).code, 'INVALID_CALLBACK_URL_HOST');
    assert.strictEqual((await post('https://shop.example.com/momo/cb')).status, 202);
  });

  it('refuses addApiUser with an id that is not a UUID v4', () => {
    assert.throws(() => emu.addApiUser({ id: 'user-1', apiKey: 'x', providerCallbackHost: 'a.com' }), RangeError);
  });
});
