// The store never drops a credential: two CredentialStore instances (two windows) over one
// backing globalState and one SecretStorage, and a record this version cannot read, shown in
// the tree as "unreadable" and removed with every secret it may own.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { MomoExtensionApi } from '../../../src/extension';
import { apiKeySecretName } from '../../../src/core/store/secretNames';
import { CredentialStore } from '../../../src/vscode/credentialStore';
import { CredentialsTreeProvider } from '../../../src/vscode/tree/credentialsTreeProvider';
import { HostApprovals } from '../../../src/vscode/hostApprovals';
import { momoApi } from './testKit';

const USER_A = '0f4e8a3c-5b7d-4c1e-9a2b-3c4d5e6f7a8b';
const USER_B = '9b8a7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';

/** One globalState for both windows; a write lands a moment later, as across windows. */
class SharedMemento implements vscode.Memento {
  readonly values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, fallback?: T): T | undefined {
    return this.values.has(key) ? (JSON.parse(JSON.stringify(this.values.get(key))) as T) : fallback;
  }
  async update(key: string, value: unknown): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, JSON.parse(JSON.stringify(value)));
  }
}

class MemorySecrets implements vscode.SecretStorage {
  readonly values = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.SecretStorageChangeEvent>();
  readonly onDidChange = this.emitter.event;
  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }
  async store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }
  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }
  async keys(): Promise<string[]> {
    return [...this.values.keys()];
  }
}

describe('extension: two windows over one globalState, and unreadable records', () => {
  let api: MomoExtensionApi;
  before(async () => {
    api = await momoApi();
  });

  const ref = (apiUser: string) => ({ environment: 'sandbox', product: 'collection' as const, apiUser });
  const record = (apiUser: string) => ({ ...ref(apiUser), createdAt: new Date().toISOString(), origin: 'provisioned' as const });

  it('window B records a verify result while window A provisions: both records stay, and Forget All removes A’s key', async () => {
    const memento = new SharedMemento();
    const secrets = new MemorySecrets();
    const windowA = new CredentialStore(secrets, memento, api.log);
    const windowB = new CredentialStore(secrets, memento, api.log);
    try {
      await windowB.saveApiUser(record(USER_B), 'b'.repeat(32));
      await Promise.all([
        windowA.saveApiUser(record(USER_A), 'a'.repeat(32)),
        windowB.recordVerifyResult(ref(USER_B), { at: new Date().toISOString(), ok: true }),
      ]);
      for (const store of [windowA, windowB]) {
        assert.deepStrictEqual(store.index().apiUsers.map((u) => u.apiUser).sort(), [USER_A, USER_B]);
        assert.strictEqual(store.index().apiUsers.find((u) => u.apiUser === USER_A)?.keyStored, true);
      }
      await windowB.forgetAll();
      assert.deepStrictEqual(await secrets.keys(), [], 'no key orphaned in SecretStorage');
    } finally {
      windowA.dispose();
      windowB.dispose();
    }
  });

  it('an unreadable record is kept, shown as "unreadable" with Remove, and removing it deletes its secret', async () => {
    const memento = new SharedMemento();
    const secrets = new MemorySecrets();
    const secretName = apiKeySecretName('sandbox', 'collection', USER_A);
    memento.values.set('momo.credentialIndex.v1', { version: 1, apiUsers: [{ environment: 'sandbox', product: 'wallet', apiUser: USER_A }], subscriptionKeys: [] });
    await secrets.store(secretName, 'c'.repeat(32));
    const store = new CredentialStore(secrets, memento, api.log);
    const tree = new CredentialsTreeProvider(store, new HostApprovals(memento));
    try {
      await store.saveApiUser(record(USER_B), 'd'.repeat(32));
      const roots = await tree.getChildren();
      const unreadable = roots.filter((n) => n.kind === 'unreadable');
      assert.strictEqual(unreadable.length, 1, 'still there after a write');
      const item = tree.getTreeItem(unreadable[0]);
      assert.strictEqual(item.description, 'unreadable');
      assert.strictEqual(item.contextValue, 'unreadable');
      const removeMenu = (vscode.extensions.getExtension('momodev.momo-credentials')?.packageJSON.contributes.menus['view/item/context'] as Array<{ command: string; when: string }>)
        .filter((m) => m.when.includes('viewItem == unreadable'));
      assert.deepStrictEqual(removeMenu.map((m) => m.command), ['momo.removeApiUser']);

      const stateKey = (unreadable[0] as { stateKey: string }).stateKey;
      assert.strictEqual(await store.removeUnreadable(stateKey), true);
      assert.strictEqual(await secrets.get(secretName), undefined, 'its secret is gone too');
      assert.strictEqual(store.index().unreadable, undefined);
      assert.deepStrictEqual(store.index().apiUsers.map((u) => u.apiUser), [USER_B]);
    } finally {
      tree.dispose();
      store.dispose();
    }
  });
});
