import * as assert from 'node:assert/strict';
import { MomoClient } from '../../../src/core/momo/client';
import { probeKeyProducts } from '../../../src/core/momo/productProbe';
import { PRODUCTS } from '../../../src/core/momo/products';
import { useEmulator } from './helpers/emulator';

describe('core: which product a subscription key belongs to', () => {
  const emulator = useEmulator();
  const client = (): MomoClient => new MomoClient({ baseUrl: emulator().url });

  for (const product of PRODUCTS) {
    for (const keyType of ['primary', 'secondary'] as const) {
      it(`recognises a ${product} ${keyType} key with one token request per product, creating nothing`, async () => {
        const key = emulator().subscriptionKeys[product][keyType];
        const users = emulator().apiUserCount();
        const before = emulator().requests.length;
        const probe = await probeKeyProducts(client(), key);
        assert.equal(probe.product, product);
        assert.equal(probe.rejectedEverywhere, false);
        assert.equal(probe.answers[product], 'accepted');
        for (const other of PRODUCTS.filter((p) => p !== product)) {
          const answer = probe.answers[other];
          assert.ok(answer !== 'accepted' && answer.kind === 'invalidSubscriptionKey', `${other} rejects the key`);
        }
        const sent = emulator().requests.slice(before);
        assert.deepEqual(sent.map((r) => `${r.method} ${r.path}`).sort(), PRODUCTS.map((p) => `POST /${p}/token/`).sort());
        assert.equal(emulator().apiUserCount(), users);
      });
    }
  }

  it('finds no product for a Collection Widget key: rejected everywhere, with the gateway explanation', async () => {
    const probe = await probeKeyProducts(client(), emulator().collectionWidgetKey);
    assert.equal(probe.product, undefined);
    assert.equal(probe.rejectedEverywhere, true);
    assert.equal(probe.error?.kind, 'invalidSubscriptionKey');
    assert.match(probe.error?.causes.join(' ') ?? '', /Collection Widget/);
  });

  it('finds no product for a key of no product', async () => {
    const probe = await probeKeyProducts(client(), '0123456789abcdef0123456789abcdef');
    assert.equal(probe.product, undefined);
    assert.equal(probe.rejectedEverywhere, true);
  });

  it('says it could not tell (not "rejected") when the gateway is down', async () => {
    emulator().injectFault({ kind: 'status', path: '/token', status: 503, times: 3 });
    const probe = await probeKeyProducts(client(), emulator().subscriptionKeys.collection.primary);
    assert.equal(probe.product, undefined);
    assert.equal(probe.rejectedEverywhere, false);
    assert.equal(probe.error?.kind, 'serviceUnavailable');
  });

  it('ends as cancelled when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const probe = await probeKeyProducts(client(), emulator().subscriptionKeys.collection.primary, { signal: controller.signal });
    assert.equal(probe.error?.kind, 'cancelled');
  });
});
