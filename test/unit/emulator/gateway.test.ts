import * as assert from 'assert';
import { randomUUID } from 'crypto';
import { PRODUCTS } from '../../../src/core/momo/products';
import { DEFAULT_COLLECTION_WIDGET_KEY, DEFAULT_SUBSCRIPTION_KEYS } from '../../../src/emulator/config';
import { startEmulator } from '../../../src/emulator/server';
import type { RunningEmulator } from '../../../src/emulator/types';
import { call } from './helpers';
import { INVALID_KEY_BODY as INVALID_KEY, MISSING_KEY_BODY as MISSING_KEY } from '../gatewayBodies';

const GATEWAY_404 = { statusCode: 404, message: 'Resource not found' };

function createUser(emu: RunningEmulator, key: string | undefined) {
  return call(emu, 'POST', '/v1_0/apiuser', {
    headers: { 'X-Reference-Id': randomUUID(), 'Ocp-Apim-Subscription-Key': key, 'Content-Type': 'application/json' },
    body: JSON.stringify({ providerCallbackHost: 'example.com' }),
  });
}

describe('emulator gateway: paths and subscription keys', () => {
  let emu: RunningEmulator;
  beforeEach(async () => {
    emu = await startEmulator();
  });
  afterEach(() => emu.close());

  it('uses fixed, distinct, well-formed default keys', () => {
    const all = PRODUCTS.flatMap((p) => [emu.subscriptionKeys[p].primary, emu.subscriptionKeys[p].secondary]);
    all.push(emu.collectionWidgetKey);
    for (const key of all) assert.match(key, /^[0-9a-f]{32}$/);
    assert.strictEqual(new Set(all).size, all.length);
    assert.deepStrictEqual(emu.subscriptionKeys, DEFAULT_SUBSCRIPTION_KEYS);
    assert.strictEqual(emu.collectionWidgetKey, DEFAULT_COLLECTION_WIDGET_KEY);
  });

  it('answers an unknown path with the gateway 404, key or not', async () => {
    for (const key of [undefined, emu.subscriptionKeys.collection.primary]) {
      const res = await call(emu, 'GET', '/collection/v2_0/nothing', { headers: { 'Ocp-Apim-Subscription-Key': key } });
      assert.strictEqual(res.status, 404);
      assert.deepStrictEqual(res.json(), GATEWAY_404);
    }
  });

  it('answers a known path with an unknown method with the gateway 404', async () => {
    const res = await call(emu, 'GET', '/v1_0/apiuser', { headers: { 'Ocp-Apim-Subscription-Key': emu.subscriptionKeys.collection.primary } });
    assert.strictEqual(res.status, 404);
    assert.deepStrictEqual(res.json(), GATEWAY_404);
  });

  it('refuses a missing or empty key with the "missing" 401', async () => {
    for (const key of [undefined, '']) {
      const res = await createUser(emu, key);
      assert.strictEqual(res.status, 401);
      assert.deepStrictEqual(res.json(), MISSING_KEY);
    }
  });

  it('refuses a wrong key with the "invalid" 401', async () => {
    const res = await createUser(emu, 'ffffffffffffffffffffffffffffffff');
    assert.strictEqual(res.status, 401);
    assert.deepStrictEqual(res.json(), INVALID_KEY);
  });

  it('refuses the Collection Widget key for provisioning and for Collections', async () => {
    const provisioning = await createUser(emu, emu.collectionWidgetKey);
    assert.strictEqual(provisioning.status, 401);
    assert.deepStrictEqual(provisioning.json(), INVALID_KEY);
    const token = await call(emu, 'POST', '/collection/token/', { headers: { 'Ocp-Apim-Subscription-Key': emu.collectionWidgetKey } });
    assert.strictEqual(token.status, 401);
    assert.deepStrictEqual(token.json(), INVALID_KEY);
    assert.strictEqual(emu.apiUserCount(), 0);
  });

  it('accepts every product key, primary and secondary, for provisioning', async () => {
    for (const product of PRODUCTS) {
      for (const key of [emu.subscriptionKeys[product].primary, emu.subscriptionKeys[product].secondary]) {
        assert.strictEqual((await createUser(emu, key)).status, 201, `${product} ${key}`);
      }
    }
    assert.strictEqual(emu.apiUserCount(), 6);
  });

  it("refuses another product's key on a product path with the \"invalid\" 401", async () => {
    const res = await call(emu, 'POST', '/disbursement/token/', {
      headers: { 'Ocp-Apim-Subscription-Key': emu.subscriptionKeys.collection.primary, Authorization: 'Basic eDp5' },
    });
    assert.strictEqual(res.status, 401);
    assert.deepStrictEqual(res.json(), INVALID_KEY);
  });

  it('checks the key before anything else on a known path', async () => {
    const res = await call(emu, 'POST', '/v1_0/apiuser', { headers: { 'X-Reference-Id': 'not-a-uuid' }, body: 'not json' });
    assert.strictEqual(res.status, 401);
    assert.deepStrictEqual(res.json(), MISSING_KEY);
  });

  it('accepts custom keys from the options, and only those', async () => {
    const custom = await startEmulator({ subscriptionKeys: { collection: { primary: 'a'.repeat(32), secondary: 'b'.repeat(32) } } });
    try {
      assert.strictEqual((await createUser(custom, 'a'.repeat(32))).status, 201);
      assert.strictEqual((await createUser(custom, DEFAULT_SUBSCRIPTION_KEYS.collection.primary)).status, 401);
      assert.strictEqual((await createUser(custom, DEFAULT_SUBSCRIPTION_KEYS.remittance.primary)).status, 201);
    } finally {
      await custom.close();
    }
  });

  it('binds to 127.0.0.1 on a free port by default', () => {
    assert.match(emu.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(emu.port > 0);
    assert.strictEqual(emu.url, `http://127.0.0.1:${emu.port}`);
  });
});
