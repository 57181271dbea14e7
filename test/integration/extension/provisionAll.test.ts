// momo.provisionAllProducts: one user and key per product with a stored subscription key,
// side by side; a product whose key the gateway refuses fails alone and hides nothing.
import * as assert from 'assert';
import type { MomoExtensionApi } from '../../../src/extension';
import type { RunningEmulator } from '../../../src/emulator/types';
import { assertNoSecret, everythingShown, HEX32, run, useExtensionWithEmulator } from './testKit';

interface Outcome {
  product: string;
  ok: boolean;
  apiUser?: string;
  keyStored?: boolean;
  reason?: string;
}

describe('extension: provisioning every product at once', function () {
  let api: MomoExtensionApi;
  let emulator: RunningEmulator;
  const secrets = new Set<string>();

  useExtensionWithEmulator((readyApi, readyEmulator) => {
    api = readyApi;
    emulator = readyEmulator;
  });

  it('says what to do when no subscription key is stored', async () => {
    const result = await run('momo.provisionAllProducts', { callbackHost: 'localhost' });
    assert.strictEqual(result.ok, false);
    assert.match(result.reason ?? '', /No sandbox subscription key is stored/);
  });

  it('creates one user per product with a key; a refused key fails alone', async () => {
    const collection = emulator.subscriptionKeys.collection.primary;
    const remittance = emulator.subscriptionKeys.remittance.primary;
    secrets.add(collection).add(remittance).add(emulator.collectionWidgetKey);
    await run('momo.setSubscriptionKey', { environment: 'sandbox', product: 'collection', key: collection, keyType: 'primary' });
    await run('momo.setSubscriptionKey', { environment: 'sandbox', product: 'remittance', key: remittance, keyType: 'primary' });
    // The Collection Widget trap, stored as the Disbursements key: the gateway refuses it.
    await run('momo.setSubscriptionKey', { environment: 'sandbox', product: 'disbursement', key: emulator.collectionWidgetKey, keyType: 'primary' });
    const usersBefore = emulator.apiUserCount();

    const result = await run<{ products: Outcome[] }>('momo.provisionAllProducts', { callbackHost: 'webhook.example.com' });
    assert.strictEqual(result.ok, true, result.reason);
    const byProduct = Object.fromEntries(result.products.map((p) => [p.product, p]));
    assert.deepStrictEqual(Object.keys(byProduct).sort(), ['collection', 'disbursement', 'remittance']);
    assert.strictEqual(byProduct.disbursement.ok, false);
    assert.match(byProduct.disbursement.reason ?? '', /subscription key/i);
    assert.strictEqual(emulator.apiUserCount(), usersBefore + 2);

    for (const product of ['collection', 'remittance'] as const) {
      const outcome = byProduct[product];
      assert.ok(outcome.ok && outcome.keyStored && outcome.apiUser, JSON.stringify(outcome));
      const apiKey = await api.store.getApiKey({ environment: 'sandbox', product, apiUser: outcome.apiUser });
      assert.match(String(apiKey), HEX32);
      secrets.add(String(apiKey));
    }
    await api.notifier.idle();
    assertNoSecret(everythingShown(api), secrets, 'messages and log');
  });
  it('says exactly what was stored: keys SecretStorage refused are named apart, never "stored"', async () => {
    api.setSecretStorageFailureForTests(true);
    api.notifier.answerNext(/could not store the new API key/, 'Discard key');
    api.notifier.answerNext(/could not store the new API key/, 'Discard key');
    let result: { ok: boolean; products: Outcome[] };
    try {
      result = await run<{ products: Outcome[] }>('momo.provisionAllProducts', { callbackHost: 'localhost' });
    } finally {
      api.setSecretStorageFailureForTests(false);
    }
    await api.notifier.idle();
    const created = result.products.filter((p) => p.ok);
    assert.deepStrictEqual(created.map((p) => p.keyStored), [false, false]);
    const summary = api.notifier.shown().filter((m) => /Created sandbox API users/.test(m.message)).at(-1);
    assert.ok(summary, 'a summary was shown');
    assert.match(summary.message, /Created sandbox API users for Collections, Remittances, but their keys could NOT be stored/);
    assert.doesNotMatch(summary.message, /stored their keys/);
    assert.strictEqual(summary.severity, 'warning');
  });
});
