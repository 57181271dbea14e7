import * as assert from 'node:assert/strict';
import { PRODUCTS } from '../../../src/core/momo/products';
import { provisionAll } from '../../../src/core/momo/provisionAll';
import { useEmulator } from './helpers/emulator';

describe('core/momo provisionAll', () => {
  const emulator = useEmulator();
  const inputs = () =>
    PRODUCTS.map((product) => ({
      baseUrl: emulator().url,
      product,
      subscriptionKey: emulator().subscriptionKeys[product].primary,
      callbackHost: 'localhost',
      retry: { attempts: 2, baseDelayMs: 5 },
    }));

  it('creates one user and key per product, side by side', async () => {
    emulator().setLatency(50);
    const before = emulator().apiUserCount();
    const seenBefore = emulator().requests.length;
    const outcomes = await provisionAll(inputs());
    emulator().setLatency(0);
    assert.deepEqual(outcomes.map((o) => [o.product, o.ok]), PRODUCTS.map((p) => [p, true]));
    assert.equal(emulator().apiUserCount(), before + 3);
    // Side by side, every "create user" reaches the server before any "create key"; one product
    // after another would interleave them.
    const order = emulator().requests.slice(seenBefore).filter((r) => r.method === 'POST').map((r) => (r.path.endsWith('/apikey') ? 'key' : 'user'));
    assert.deepEqual(order, ['user', 'user', 'user', 'key', 'key', 'key']);
  });

  it("keeps the other products' credentials when one product fails", async () => {
    const all = inputs();
    all[1] = { ...all[1], subscriptionKey: emulator().collectionWidgetKey };
    const outcomes = await provisionAll(all);
    assert.equal(outcomes[0].ok, true);
    assert.equal(outcomes[2].ok, true);
    const failed = outcomes[1];
    assert.ok(!failed.ok && failed.error.kind === 'invalidSubscriptionKey', JSON.stringify(failed));
    for (const outcome of [outcomes[0], outcomes[2]]) {
      assert.ok(outcome.ok && /^[0-9a-f]{32}$/.test(outcome.result.apiKey));
    }
  });
});
