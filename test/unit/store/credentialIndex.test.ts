import * as assert from 'assert';
import {
  activeApiUser,
  allSecretNames,
  apiUsersIn,
  emptyIndex,
  environmentsIn,
  findApiUsers,
  findSubscriptionKeys,
  isIndexEmpty,
  parseIndex,
  productsIn,
  withApiKeyState,
  withApiUser,
  withoutApiUser,
  withoutSubscriptionKey,
  withSubscriptionKey,
  withVerifyResult,
  type ApiUserRecord,
} from '../../../src/core/store/credentialIndex';
import { apiKeySecretName, subscriptionKeySecretName } from '../../../src/core/store/secretNames';

const USER_A = '0f4e8a3c-5b7d-4c1e-9a2b-3c4d5e6f7a8b';
const USER_B = '9b8a7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';

function user(apiUser: string, overrides: Partial<ApiUserRecord> = {}): ApiUserRecord {
  return {
    environment: 'sandbox',
    product: 'collection',
    apiUser,
    createdAt: '2025-01-01T00:00:00.000Z',
    keyStored: true,
    origin: 'provisioned',
    ...overrides,
  };
}

describe('store/credentialIndex', () => {
  it('starts empty and survives garbage from globalState', () => {
    assert.ok(isIndexEmpty(emptyIndex()));
    for (const raw of [undefined, null, 42, 'x', [], { subscriptionKeys: 'no', apiUsers: [{ bad: true }] }]) {
      assert.deepStrictEqual(parseIndex(raw), emptyIndex());
    }
  });

  it('round-trips through JSON the way globalState stores it', () => {
    let index = withSubscriptionKey(emptyIndex(), { environment: 'sandbox', product: 'collection', keyType: 'primary', savedAt: 'now' });
    index = withApiUser(index, user(USER_A, { callbackHost: 'example.com', subscriptionKeyType: 'primary' }));
    index = withVerifyResult(index, { environment: 'sandbox', product: 'collection', apiUser: USER_A }, { at: 't', ok: false, message: 'no' });
    assert.deepStrictEqual(parseIndex(JSON.parse(JSON.stringify(index))), index);
  });

  it('replaces a subscription key of the same type instead of duplicating it', () => {
    let index = withSubscriptionKey(emptyIndex(), { environment: 'sandbox', product: 'collection', keyType: 'secondary', savedAt: '1' });
    index = withSubscriptionKey(index, { environment: 'sandbox', product: 'collection', keyType: 'primary', savedAt: '2' });
    index = withSubscriptionKey(index, { environment: 'Sandbox', product: 'collection', keyType: 'primary', savedAt: '3' });
    const keys = findSubscriptionKeys(index, { environment: 'sandbox', product: 'collection' });
    assert.deepStrictEqual(keys.map((k) => [k.keyType, k.savedAt]), [['primary', '3'], ['secondary', '1']]);
    assert.strictEqual(index.secretNames.length, 2);
    index = withoutSubscriptionKey(index, { environment: 'sandbox', product: 'collection' }, 'primary');
    assert.deepStrictEqual(index.secretNames, [subscriptionKeySecretName('sandbox', 'collection', 'secondary')]);
  });

  it('keeps an API user whose key could not be stored, and records the key once stored', () => {
    let index = withApiUser(emptyIndex(), user(USER_A, { keyStored: false }));
    assert.strictEqual(findApiUsers(index, USER_A.toUpperCase())[0]?.keyStored, false);
    assert.deepStrictEqual(index.secretNames, []);
    index = withApiKeyState(index, { environment: 'sandbox', product: 'collection', apiUser: USER_A }, true);
    assert.deepStrictEqual(index.secretNames, [apiKeySecretName('sandbox', 'collection', USER_A)]);
    // Marked unusable after a failed write, the old secret may linger: its name must stay known.
    index = withApiKeyState(index, { environment: 'sandbox', product: 'collection', apiUser: USER_A }, false);
    assert.strictEqual(index.apiUsers[0]?.keyStored, false);
    assert.deepStrictEqual(index.secretNames, [apiKeySecretName('sandbox', 'collection', USER_A)]);
  });

  it('updates a user without losing its creation time or origin', () => {
    let index = withApiUser(emptyIndex(), user(USER_A, { origin: 'added', createdAt: 'first' }));
    index = withApiUser(index, user(USER_A, { origin: 'provisioned', createdAt: 'second', label: 'shop' }));
    assert.strictEqual(index.apiUsers.length, 1);
    assert.strictEqual(index.apiUsers[0]?.createdAt, 'first');
    assert.strictEqual(index.apiUsers[0]?.origin, 'added');
    assert.strictEqual(index.apiUsers[0]?.label, 'shop');
  });

  it('tracks the active user and falls back when it is removed', () => {
    let index = withApiUser(emptyIndex(), user(USER_A));
    index = withApiUser(index, user(USER_B, { createdAt: '2026-01-01T00:00:00.000Z' }));
    assert.strictEqual(activeApiUser(index)?.apiUser, USER_B);
    index = withoutApiUser(index, { environment: 'sandbox', product: 'collection', apiUser: USER_B });
    assert.strictEqual(index.active, undefined);
    assert.strictEqual(activeApiUser(index)?.apiUser, USER_A);
    assert.deepStrictEqual(apiUsersIn(index, { environment: 'sandbox', product: 'collection' }).map((u) => u.apiUser), [USER_A]);
  });

  it('lists environments sandbox first and products in their fixed order', () => {
    let index = withApiUser(emptyIndex(), user(USER_A, { environment: 'mtnuganda', product: 'remittance', origin: 'added' }));
    index = withSubscriptionKey(index, { environment: 'sandbox', product: 'disbursement', keyType: 'primary', savedAt: '' });
    index = withSubscriptionKey(index, { environment: 'sandbox', product: 'collection', keyType: 'primary', savedAt: '' });
    assert.deepStrictEqual(environmentsIn(index), ['sandbox', 'mtnuganda']);
    assert.deepStrictEqual(productsIn(index, 'sandbox'), ['collection', 'disbursement']);
  });

  it('knows every secret name, recorded or implied, so forgetting can be complete', () => {
    let index = withSubscriptionKey(emptyIndex(), { environment: 'sandbox', product: 'collection', keyType: 'primary', savedAt: '' });
    index = withApiUser(index, user(USER_A));
    // A name whose record was lost (say, another window overwrote the index) is still known.
    index = { ...index, secretNames: [...index.secretNames, 'momo/sandbox/remittance/apiKey/lost'] };
    index = { ...index, subscriptionKeys: [] };
    const names = allSecretNames(index);
    assert.ok(names.includes(subscriptionKeySecretName('sandbox', 'collection', 'primary')));
    assert.ok(names.includes(apiKeySecretName('sandbox', 'collection', USER_A)));
    assert.ok(names.includes('momo/sandbox/remittance/apiKey/lost'));
  });
});
