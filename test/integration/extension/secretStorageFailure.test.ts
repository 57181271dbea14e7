// Linux without a keyring: SecretStorage refuses writes. Injected through the exported API,
// since code-server keeps secrets in the browser and cannot fail for real.
import * as assert from 'assert';
import type { MomoExtensionApi } from '../../../src/extension';
import type { RunningEmulator } from '../../../src/emulator/types';
import { assertNoSecret, everythingShown, HEX32, run, useExtensionWithEmulator } from './testKit';

describe('extension: when SecretStorage cannot store a secret', function () {
  let api: MomoExtensionApi;
  let emulator: RunningEmulator;
  const secrets = new Set<string>();

  useExtensionWithEmulator(async (readyApi, readyEmulator) => {
    api = readyApi;
    emulator = readyEmulator;
    const key = emulator.subscriptionKeys.collection.primary;
    secrets.add(key);
    assert.strictEqual((await run('momo.setSubscriptionKey', { environment: 'sandbox', product: 'collection', key })).ok, true);
  });

  it('tells the user when a subscription key cannot be stored, and stores no record of it', async () => {
    api.setSecretStorageFailureForTests(true);
    try {
      const key = emulator.subscriptionKeys.disbursement.primary;
      secrets.add(key);
      const result = await run('momo.setSubscriptionKey', { environment: 'sandbox', product: 'disbursement', key });
      assert.strictEqual(result.ok, false);
      const error = api.notifier.shown().at(-1);
      assert.match(String(error?.message), /could not store the subscription key/);
      assert.ok(error?.buttons.includes('Try again'));
      assert.strictEqual(api.store.index().subscriptionKeys.some((k) => k.product === 'disbursement'), false);
    } finally {
      api.setSecretStorageFailureForTests(false);
    }
  });

  it('keeps the new API user, offers its key for copying in a modal, and loses nothing', async () => {
    api.setSecretStorageFailureForTests(true);
    api.notifier.answerNext(/could not store the new API key/, 'Copy API key');
    let apiUser: string;
    try {
      const result = await run<{ apiUser: string; keyStored: boolean }>('momo.provisionSandboxUser', { product: 'collection' });
      assert.strictEqual(result.ok, true, result.reason);
      assert.strictEqual(result.keyStored, false);
      apiUser = result.apiUser;
    } finally {
      api.setSecretStorageFailureForTests(false);
    }
    await api.notifier.idle();

    const modal = api.notifier.shown().find((m) => m.modal && /could not store the new API key/.test(m.message));
    assert.ok(modal, 'no modal offered the key');
    assert.deepStrictEqual(modal.buttons, ['Copy API key']);
    assert.strictEqual(modal.answer, 'Copy API key');
    const copied = api.clipboard.lastCopied();
    assert.match(String(copied), HEX32, 'the API key was not copied');
    secrets.add(copied as string);

    const record = api.store.index().apiUsers.find((u) => u.apiUser === apiUser);
    assert.ok(record, 'the API user id was not kept');
    assert.strictEqual(record.keyStored, false);
    assert.strictEqual(await api.store.getApiKey(record), undefined);

    // With the keyring back, the copied key can be stored through the Partner-Portal path.
    const added = await run('momo.addExistingApiUser', { environment: 'sandbox', product: 'collection', apiUser, apiKey: copied });
    assert.strictEqual(added.ok, true, added.reason);
    assert.strictEqual(await api.store.getApiKey(record), copied);
    assert.strictEqual(api.store.index().apiUsers.find((u) => u.apiUser === apiUser)?.keyStored, true);
  });

  it('leaves no secret in the log or a message', async () => {
    await api.notifier.idle();
    assertNoSecret(everythingShown(api), secrets, 'the MoMo log or a message');
  });
});
