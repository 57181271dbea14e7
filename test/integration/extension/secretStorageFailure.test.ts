// Linux without a keyring: SecretStorage refuses writes. Injected through the exported API,
// since code-server keeps secrets in the browser and cannot fail for real.
import * as assert from 'assert';
import { MomoClient } from '../../../src/core/momo/client';
import { assertNoSecret, everythingShown, HEX32, renderTree, run, storeCollectionKey, useEmulatorSuite } from './testKit';

describe('extension: when SecretStorage cannot store a secret', function () {
  const suite = useEmulatorSuite(storeCollectionKey);

  it('tells the user when a subscription key cannot be stored, and stores no record of it', async () => {
    suite.api.setSecretStorageFailureForTests(true);
    try {
      const key = suite.emulator.subscriptionKeys.disbursement.primary;
      suite.secrets.add(key);
      const result = await run('momo.setSubscriptionKey', { environment: 'sandbox', product: 'disbursement', key });
      assert.strictEqual(result.ok, false);
      const error = suite.api.notifier.shown().at(-1);
      assert.match(String(error?.message), /could not store the subscription key/);
      assert.ok(error?.buttons.includes('Try Again'));
      assert.strictEqual(suite.api.store.index().subscriptionKeys.some((k) => k.product === 'disbursement'), false);
    } finally {
      suite.api.setSecretStorageFailureForTests(false);
    }
  });

  it('keeps the new API user, offers its key for copying in a modal, and loses nothing', async () => {
    suite.api.setSecretStorageFailureForTests(true);
    suite.api.notifier.answerNext(/could not store the new API key/, 'Copy API key');
    let apiUser: string;
    try {
      const result = await run<{ apiUser: string; keyStored: boolean }>('momo.provisionSandboxUser', { product: 'collection' });
      assert.strictEqual(result.ok, true, result.reason);
      assert.strictEqual(result.keyStored, false);
      apiUser = result.apiUser;
    } finally {
      suite.api.setSecretStorageFailureForTests(false);
    }
    await suite.api.notifier.idle();

    const modal = suite.api.notifier.shown().filter((m) => m.modal && /could not store the new API key/.test(m.message)).at(-1);
    assert.ok(modal, 'no modal offered the key');
    assert.deepStrictEqual(modal.buttons, ['Copy API key', 'Discard key']);
    assert.strictEqual(modal.answer, 'Copy API key');
    const copied = suite.api.clipboard.lastCopied();
    assert.match(String(copied), HEX32, 'the API key was not copied');
    suite.secrets.add(copied as string);

    const record = suite.api.store.index().apiUsers.find((u) => u.apiUser === apiUser);
    assert.ok(record, 'the API user id was not kept');
    assert.strictEqual(record.keyStored, false);
    assert.strictEqual(await suite.api.store.getApiKey(record), undefined);

    // With the keyring back, the copied key can be stored through the Partner-Portal path.
    const added = await run('momo.addExistingApiUser', { environment: 'sandbox', product: 'collection', apiUser, apiKey: copied });
    assert.strictEqual(added.ok, true, added.reason);
    assert.strictEqual(await suite.api.store.getApiKey(record), copied);
    assert.strictEqual(suite.api.store.index().apiUsers.find((u) => u.apiUser === apiUser)?.keyStored, true);
  });

  it('Esc on the copy dialog loses nothing: the key stays reachable from the tree until it is copied', async () => {
    suite.api.setSecretStorageFailureForTests(true);
    suite.api.notifier.answerNext(/could not store the new API key/, undefined);
    let apiUser: string;
    try {
      const result = await run<{ apiUser: string; keyStored: boolean }>('momo.provisionSandboxUser', { product: 'collection' });
      assert.strictEqual(result.keyStored, false);
      apiUser = result.apiUser;
    } finally {
      suite.api.setSecretStorageFailureForTests(false);
    }
    await suite.api.notifier.idle();
    assert.match(String(suite.api.notifier.shown().at(-1)?.message), /kept in memory until you copy or discard it/);
    const row = (await renderTree(suite.api)).find((r) => r.node.kind === 'apiUser' && r.node.apiUser === apiUser);
    assert.strictEqual(row?.item.description, 'key NOT stored · Copy it now');
    assert.match(String(row?.item.contextValue), /\bapiUser\.keyUnsaved\b/);

    const copied = await run('momo.copyApiKey', { environment: 'sandbox', product: 'collection', apiUser });
    assert.strictEqual(copied.ok, true, copied.reason);
    const key = String(suite.api.clipboard.lastCopied());
    assert.match(key, HEX32);
    suite.secrets.add(key);
    const token = await new MomoClient({ baseUrl: suite.emulator.url }).getToken('collection', suite.emulator.subscriptionKeys.collection.primary, apiUser, key);
    assert.ok(token.accessToken, 'the key handed over is the working one');
    assert.strictEqual(suite.api.store.unsavedKey({ environment: 'sandbox', product: 'collection', apiUser }), undefined, 'handed over once, then forgotten');
  });

  it('"Discard key" is the explicit way to let it go', async () => {
    suite.api.setSecretStorageFailureForTests(true);
    suite.api.notifier.answerNext(/could not store the new API key/, 'Discard key');
    try {
      const result = await run<{ apiUser: string }>('momo.provisionSandboxUser', { product: 'collection' });
      await suite.api.notifier.idle();
      assert.strictEqual(suite.api.store.unsavedKey({ environment: 'sandbox', product: 'collection', apiUser: result.apiUser }), undefined);
    } finally {
      suite.api.setSecretStorageFailureForTests(false);
    }
  });

  it('globalState itself failing: the new key is still offered, with the full API user id', async () => {
    suite.api.store.setIndexFailureForTests(true);
    suite.api.notifier.answerNext(/could not store the new API key/, 'Copy API key');
    let result: { ok: boolean; apiUser: string; keyStored: boolean };
    try {
      result = await run<{ apiUser: string; keyStored: boolean }>('momo.provisionSandboxUser', { product: 'collection' });
    } finally {
      suite.api.store.setIndexFailureForTests(false);
    }
    await suite.api.notifier.idle();
    assert.strictEqual(result.ok, true, 'the user and key exist at MoMo');
    assert.strictEqual(result.keyStored, false);
    const modal = suite.api.notifier.shown().find((m) => m.modal && m.message.includes(`the API user id ${result.apiUser} was not stored either`));
    assert.ok(modal, 'the dialog names the full id');
    const key = String(suite.api.clipboard.lastCopied());
    assert.match(key, HEX32);
    suite.secrets.add(key);
  });

  it('leaves no secret in the log or a message', async () => {
    await suite.api.notifier.idle();
    assertNoSecret(everythingShown(suite.api), suite.secrets, 'the MoMo log or a message');
  });
});
