import * as assert from 'assert';
import {
  apiKeySecretName,
  isMomoSecretName,
  parseSecretName,
  secretNameOf,
  subscriptionKeySecretName,
} from '../../../src/core/store/secretNames';

describe('store/secretNames', () => {
  it('builds one name per environment, product and key type', () => {
    assert.strictEqual(subscriptionKeySecretName('sandbox', 'collection', 'primary'), 'momo/sandbox/collection/subscriptionKey/primary');
    assert.notStrictEqual(
      subscriptionKeySecretName('sandbox', 'collection', 'primary'),
      subscriptionKeySecretName('sandbox', 'collection', 'secondary'),
    );
    assert.notStrictEqual(
      subscriptionKeySecretName('sandbox', 'collection', 'primary'),
      subscriptionKeySecretName('mtnuganda', 'collection', 'primary'),
    );
  });

  it('treats API user ids and environments case-insensitively', () => {
    const id = '2D2B4C5E-1111-4A2B-8C3D-0123456789AB';
    assert.strictEqual(apiKeySecretName(' Sandbox ', 'disbursement', id), apiKeySecretName('sandbox', 'disbursement', id.toLowerCase()));
  });

  it('parses back what it builds and nothing else', () => {
    const refs = [
      { kind: 'subscriptionKey', environment: 'mtnghana', product: 'remittance', keyType: 'secondary' },
      { kind: 'apiKey', environment: 'sandbox', product: 'collection', apiUser: '2d2b4c5e-1111-4a2b-8c3d-0123456789ab' },
    ] as const;
    for (const ref of refs) {
      assert.deepStrictEqual(parseSecretName(secretNameOf(ref)), ref);
    }
    assert.strictEqual(parseSecretName('other/sandbox/collection/apiKey/x'), undefined);
    assert.strictEqual(parseSecretName('momo/sandbox/widget/apiKey/x'), undefined);
    assert.strictEqual(parseSecretName('momo/sandbox/collection/subscriptionKey/tertiary'), undefined);
    assert.strictEqual(parseSecretName('momo/sandbox/collection'), undefined);
    assert.ok(isMomoSecretName('momo/x'));
    assert.ok(!isMomoSecretName('github.token'));
  });
});
