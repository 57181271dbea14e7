// A user that may exist is never forgotten: when "create user" may have gone through and could
// not be read back, the extension keeps it as a pending user with "Finish provisioning", in the
// message and in the tree, and never offers a plain retry.
import * as assert from 'assert';
import type { MomoExtensionApi } from '../../../src/extension';
import type { RunningEmulator } from '../../../src/emulator/types';
import { renderTree, run, useExtensionWithEmulator } from './testKit';

const SANDBOX_COLLECTION = { environment: 'sandbox', product: 'collection' } as const;

describe('extension: a user that may exist is kept as pending', function () {
  let api: MomoExtensionApi;
  let emulator: RunningEmulator;

  useExtensionWithEmulator(async (readyApi, readyEmulator) => {
    api = readyApi;
    emulator = readyEmulator;
    const key = emulator.subscriptionKeys.collection.primary;
    assert.strictEqual((await run('momo.setSubscriptionKey', { ...SANDBOX_COLLECTION, key, keyType: 'primary' })).ok, true);
  });

  /** Every answer about the new user is a 503; `created` says whether the server did create it. */
  async function provisionIntoOutage(created: boolean): Promise<string> {
    emulator.injectFault({ method: 'POST', path: /^\/v1_0\/apiuser$/, kind: 'status', status: 503, times: 3, when: created ? 'after' : 'before' });
    emulator.injectFault({ method: 'GET', path: '/v1_0/apiuser/', kind: 'status', status: 503, times: 3 });
    const result = await run('momo.provisionSandboxUser', { product: 'collection', subscriptionKeyType: 'primary', callbackHost: 'localhost' });
    assert.strictEqual(result.ok, false);
    const error = api.notifier.shown().filter((m) => m.severity === 'error').at(-1);
    assert.strictEqual(error?.buttons[0], 'Finish provisioning');
    assert.ok(!error?.buttons.includes('Try again'), 'never a plain retry when a user may exist');
    const kept = api.store.index().apiUsers.find((u) => u.unconfirmed);
    assert.ok(kept, 'the possible user is kept');
    const row = (await renderTree(api)).find((r) => r.node.kind === 'apiUser' && r.node.apiUser === kept.apiUser);
    assert.strictEqual(row?.item.description, 'pending, may not exist · Finish provisioning');
    assert.match(String(row?.item.contextValue), /\bapiUser\.pending\b/);
    assert.strictEqual(row?.item.command?.command, 'momo.finishProvisioning');
    return kept.apiUser;
  }

  it('created, then every answer a 503: "Finish provisioning" creates its key, one user in all', async () => {
    const before = emulator.apiUserCount();
    const apiUser = await provisionIntoOutage(true);
    const finished = await run('momo.finishProvisioning', { ...SANDBOX_COLLECTION, apiUser });
    assert.strictEqual(finished.ok, true, finished.reason);
    const record = api.store.index().apiUsers.find((u) => u.apiUser === apiUser);
    assert.strictEqual(record?.keyStored, true);
    assert.strictEqual(record?.unconfirmed, undefined, 'confirmed once its key exists');
    assert.strictEqual(emulator.apiUserCount(), before + 1);
    await run('momo.removeApiUser', { ...SANDBOX_COLLECTION, apiUser, confirm: true });
  });

  it('never created (503 before the server did anything, read-back failing too): finishing says so and removes it', async () => {
    const before = emulator.apiUserCount();
    const apiUser = await provisionIntoOutage(false);
    const finished = await run('momo.finishProvisioning', { ...SANDBOX_COLLECTION, apiUser });
    assert.strictEqual(finished.ok, false);
    assert.match(String(api.notifier.shown().at(-1)?.message), /was never created at MoMo/);
    assert.strictEqual(api.store.index().apiUsers.some((u) => u.apiUser === apiUser), false);
    assert.strictEqual(emulator.apiUserCount(), before);
  });
});
