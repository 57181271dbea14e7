/**
 * The store never drops a credential: two windows (two RecordStore instances over one backing
 * globalState) writing at once cannot erase each other's records, and a record this version
 * cannot read is kept, listed as unreadable with the secrets it may own, and removable.
 */
import * as assert from 'assert';
import { allSecretNames, isIndexEmpty, withApiUser, withVerifyResult, type ApiUserRecord } from '../../../src/core/store/credentialIndex';
import { RECORDS_PREFIX, type KeyValueState } from '../../../src/core/store/credentialRecords';
import { LEGACY_INDEX_KEY, RecordStore } from '../../../src/core/store/recordStore';
import { apiKeySecretName } from '../../../src/core/store/secretNames';

const USER_A = '0f4e8a3c-5b7d-4c1e-9a2b-3c4d5e6f7a8b';
const USER_B = '9b8a7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';

function user(apiUser: string, overrides: Partial<ApiUserRecord> = {}): ApiUserRecord {
  return { environment: 'sandbox', product: 'collection', apiUser, createdAt: '2025-01-01T00:00:00.000Z', keyStored: true, origin: 'provisioned', ...overrides };
}

/**
 * One globalState shared by two windows. A write lands a moment later (as it reaches the
 * other window only after a round trip), so two read-modify-writes started together overlap.
 */
class SharedMemento implements KeyValueState {
  readonly values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string): T | undefined {
    const value = this.values.get(key);
    return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as T);
  }
  async update(key: string, value: unknown): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, JSON.parse(JSON.stringify(value)));
  }
}

describe('store/RecordStore: one globalState key per record', () => {
  it('window B writing a verify result while window A stores a new user: both survive, and Forget All finds A’s key', async () => {
    const memento = new SharedMemento();
    const windowA = new RecordStore(memento);
    const windowB = new RecordStore(memento);
    await windowB.update((i) => withApiUser(i, user(USER_B)));

    const verified = { at: '2025-02-01T00:00:00.000Z', ok: true };
    await Promise.all([
      windowA.update((i) => withApiUser(i, user(USER_A))),
      windowB.update((i) => withVerifyResult(i, { environment: 'sandbox', product: 'collection', apiUser: USER_B }, verified)),
    ]);

    for (const view of [windowA.index(), windowB.index()]) {
      assert.deepStrictEqual(view.apiUsers.map((u) => u.apiUser).sort(), [USER_A, USER_B]);
      assert.deepStrictEqual(view.apiUsers.find((u) => u.apiUser === USER_B)?.lastVerified, verified);
      assert.ok(allSecretNames(view).includes(apiKeySecretName('sandbox', 'collection', USER_A)));
    }
  });

  it('two windows adding different users at once keep both', async () => {
    const memento = new SharedMemento();
    const [a, b] = [new RecordStore(memento), new RecordStore(memento)];
    await Promise.all([a.update((i) => withApiUser(i, user(USER_A))), b.update((i) => withApiUser(i, user(USER_B, { product: 'remittance' })))]);
    assert.deepStrictEqual(a.index().apiUsers.map((u) => `${u.product}/${u.apiUser}`).sort(), [`collection/${USER_A}`, `remittance/${USER_B}`]);
    assert.strictEqual(a.index().secretNames.length, 2);
  });

  it('moves a first-layout index over on the first write, keeping an item it cannot read as unreadable', async () => {
    const memento = new SharedMemento();
    const broken = { environment: 'sandbox', product: 'wallet', apiUser: USER_B, keyStored: true };
    memento.values.set(LEGACY_INDEX_KEY, { version: 1, subscriptionKeys: [], apiUsers: [user(USER_A), broken], secretNames: [] });
    const store = new RecordStore(memento);
    const before = store.index();
    assert.deepStrictEqual(before.apiUsers.map((u) => u.apiUser), [USER_A]);
    assert.strictEqual(before.unreadable?.length, 1);

    await store.update((i) => withVerifyResult(i, { environment: 'sandbox', product: 'collection', apiUser: USER_A }, { at: 'x', ok: false }));
    assert.strictEqual(memento.values.has(LEGACY_INDEX_KEY), false, 'the old value is gone once moved');
    const after = store.index();
    const [kept] = after.unreadable ?? [];
    assert.ok(kept, 'the unreadable item is still there after a write');
    assert.deepStrictEqual(memento.values.get(kept.stateKey), broken, 'kept byte for byte');
    assert.ok(kept.secretNames.includes(apiKeySecretName('sandbox', 'collection', USER_B)), 'its possible secrets are known');
    assert.ok(allSecretNames(after).includes(apiKeySecretName('sandbox', 'remittance', USER_B)));
    assert.ok(!isIndexEmpty({ ...after, apiUsers: [] }), 'an unreadable record alone still counts as something stored');

    await store.removeUnreadable(kept.stateKey);
    assert.strictEqual(store.index().unreadable, undefined);
    assert.deepStrictEqual(store.index().apiUsers.map((u) => u.apiUser), [USER_A]);
  });

  it('a record whose value is garbage stays unreadable under its own key, which names its secret', async () => {
    const memento = new SharedMemento();
    const secretName = apiKeySecretName('sandbox', 'disbursement', USER_A);
    const key = `${RECORDS_PREFIX}record/${secretName}`;
    memento.values.set(key, 'not a record');
    const store = new RecordStore(memento);
    await store.update((i) => withApiUser(i, user(USER_B)));
    assert.deepStrictEqual(store.index().unreadable, [{ stateKey: key, secretNames: [secretName] }]);
    assert.strictEqual(memento.values.get(key), 'not a record');
  });
});
