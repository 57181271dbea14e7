// momo.setUp against the emulator: the key's product found by the side-by-side probe (each
// product, a Collection Widget key, a key of no product), a working stored key replaced only
// after a yes, the whole way to a SUCCESSFUL test payment with the sample project's
// settings.py written, a second run that continues instead of starting over, and the context
// keys the walkthrough's steps complete on.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { PRODUCTS } from '../../../src/core/momo/products';
import { closeAllEditors, workspaceUri, writeWorkspaceFile } from '../harness';
import { assertNoSecret, everythingShown, resetExtension, run, useEmulatorSuite } from '../extension/testKit';

interface SetUpResult {
  product: string;
  apiUser: string;
  file?: string;
  verified: boolean;
  payment?: { ok: boolean; result: { status: string; referenceId: string }; finishedAt: string };
  stoppedBefore?: string;
  done: string[];
}

const SAMPLE_SETTINGS = 'setup-tests/mysite/settings.py';

describe('setup: momo.setUp', function () {
  const suite = useEmulatorSuite(async () => {
    const sample = await vscode.workspace.fs.readFile(workspaceUri('mysite/settings.py'));
    await writeWorkspaceFile(SAMPLE_SETTINGS, new TextDecoder().decode(sample));
  });

  afterEach(async () => {
    await suite.api.notifier.idle();
    await closeAllEditors();
  });

  for (const product of PRODUCTS) {
    it(`finds that a ${product} key is a ${product} key and stores it as the primary one`, async () => {
      await resetExtension(suite.api);
      const key = suite.emulator.subscriptionKeys[product].primary;
      suite.secrets.add(key);
      const result = await run<SetUpResult>('momo.setUp', { key });
      assert.strictEqual(result.ok, true, result.reason);
      assert.strictEqual(result.product, product);
      assert.strictEqual(result.verified, true);
      assert.strictEqual(await suite.api.store.getSubscriptionKey({ environment: 'sandbox', product }, 'primary'), key);
      assert.deepStrictEqual(suite.api.store.index().subscriptionKeys.map((k) => `${k.product}:${k.keyType}`), [`${product}:primary`]);
    });
  }

  it('says which product the key belongs to when the caller expected another', async () => {
    await resetExtension(suite.api);
    const key = suite.emulator.subscriptionKeys.disbursement.primary;
    const result = await run<SetUpResult & { notes: string[] }>('momo.setUp', { key, product: 'collection' });
    assert.strictEqual(result.ok, true, result.reason);
    assert.strictEqual(result.product, 'disbursement');
    assert.ok(result.notes.some((n) => /belongs to Disbursements, not Collections/.test(n)), result.notes.join(' | '));
  });

  it('stores nothing for a Collection Widget key and explains it', async () => {
    await resetExtension(suite.api);
    const usersBefore = suite.emulator.apiUserCount();
    const result = await run<SetUpResult>('momo.setUp', { key: suite.emulator.collectionWidgetKey });
    assert.strictEqual(result.ok, false);
    assert.strictEqual(suite.api.store.hasCredentials(), false);
    assert.strictEqual(suite.emulator.apiUserCount(), usersBefore);
    const shown = suite.api.notifier.shown().at(-1);
    assert.strictEqual(shown?.severity, 'error');
    assert.match(String(shown?.message), /Collection Widget/);
  });

  it('stores nothing for a key of no product', async () => {
    await resetExtension(suite.api);
    const result = await run<SetUpResult>('momo.setUp', { key: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' });
    assert.strictEqual(result.ok, false);
    assert.strictEqual(suite.api.store.hasCredentials(), false);
    assert.strictEqual(suite.api.notifier.shown().at(-1)?.severity, 'error');
  });

  let firstRun: SetUpResult | undefined;
  let usersAfterFirstRun = 0;

  it('goes from a key to a SUCCESSFUL payment, writing the sample settings.py and filling its empty key slot', async () => {
    await resetExtension(suite.api);
    const key = suite.emulator.subscriptionKeys.collection.primary;
    const usersBefore = suite.emulator.apiUserCount();
    const result = await run<SetUpResult>('momo.setUp', { key, file: SAMPLE_SETTINGS, testPayment: true });
    assert.strictEqual(result.ok, true, result.reason);
    assert.strictEqual(result.verified, true);
    assert.strictEqual(suite.emulator.apiUserCount(), usersBefore + 1);
    assert.strictEqual(result.payment?.ok, true);
    assert.strictEqual(result.payment?.result.status, 'SUCCESSFUL');
    assert.match(String(suite.api.notifier.shown().at(-1)?.message), /^SUCCESSFUL: .* Reference id [0-9a-f-]{36}, at \d\d:\d\d:\d\d\./);
    firstRun = result;
    usersAfterFirstRun = suite.emulator.apiUserCount();

    const apiKey = await suite.api.store.getApiKey({ environment: 'sandbox', product: 'collection', apiUser: result.apiUser });
    suite.secrets.add(String(apiKey));
    const text = (await vscode.workspace.openTextDocument(workspaceUri(SAMPLE_SETTINGS))).getText();
    assert.match(text, new RegExp(`^MOMO_API_USER = "${result.apiUser}"$`, 'm'));
    assert.match(text, new RegExp(`^MOMO_API_KEY = "${apiKey}"$`, 'm'));
    assert.match(text, new RegExp(`^MOMO_SUBSCRIPTION_KEY = os\\.environ\\.get\\("MOMO_SUBSCRIPTION_KEY", "${key}"\\)$`, 'm'), 'the empty subscription-key slot is filled');
  });

  it('running it again continues with the stored key and user: nothing new at MoMo', async function () {
    if (!firstRun) this.skip();
    const again = await run<SetUpResult>('momo.setUp', { file: SAMPLE_SETTINGS });
    assert.strictEqual(again.ok, true, again.reason);
    assert.strictEqual(again.apiUser, firstRun?.apiUser);
    assert.strictEqual(suite.emulator.apiUserCount(), usersAfterFirstRun);
  });

  it('warns when the settings file holds a different subscription key', async () => {
    await resetExtension(suite.api);
    await writeWorkspaceFile('setup-tests/other/settings.py', 'import os\nMOMO_SUBSCRIPTION_KEY = "5b2e8d4a9c1f47e3b6d0a8c2e4f61937"\nMOMO_API_USER = ""\nMOMO_API_KEY = ""\n');
    const result = await run<SetUpResult & { notes: string[] }>('momo.setUp', { key: suite.emulator.subscriptionKeys.collection.primary, file: 'setup-tests/other/settings.py' });
    assert.strictEqual(result.ok, true, result.reason);
    assert.ok(result.notes.some((n) => /holds a different subscription key/.test(n)));
    assert.doesNotMatch(String(suite.api.notifier.shown().at(-1)?.message), /5b2e8d4a9c1f47e3b6d0a8c2e4f61937/);
  });

  it('asks before replacing a working stored key, and keeps it on "Keep"', async () => {
    await resetExtension(suite.api);
    const scope = { environment: 'sandbox', product: 'collection' } as const;
    const { primary, secondary } = suite.emulator.subscriptionKeys.collection;
    await run('momo.setSubscriptionKey', { ...scope, key: primary, keyType: 'primary' });

    suite.api.notifier.answerNext(/works\. Replace it/, 'Keep the Stored Key');
    const kept = await run('momo.setSubscriptionKey', { ...scope, key: secondary, keyType: 'primary' });
    assert.strictEqual(kept.ok, false);
    assert.strictEqual(await suite.api.store.getSubscriptionKey(scope, 'primary'), primary);
    const question = suite.api.notifier.shown().find((m) => /works\. Replace it/.test(m.message));
    assert.strictEqual(question?.modal, true);

    suite.api.notifier.answerNext(/works\. Replace it/, 'Replace');
    const replaced = await run('momo.setSubscriptionKey', { ...scope, key: secondary, keyType: 'primary' });
    assert.strictEqual(replaced.ok, true, replaced.reason);
    assert.strictEqual(await suite.api.store.getSubscriptionKey(scope, 'primary'), secondary);
  });

  it('replaces a stored key the gateway rejects without asking', async () => {
    await resetExtension(suite.api);
    const scope = { environment: 'sandbox', product: 'collection' } as const;
    await run('momo.setSubscriptionKey', { ...scope, key: suite.emulator.collectionWidgetKey, keyType: 'primary' });
    const asked = suite.api.notifier.shown().length;
    const replaced = await run('momo.setSubscriptionKey', { ...scope, key: suite.emulator.subscriptionKeys.collection.primary, keyType: 'primary' });
    assert.strictEqual(replaced.ok, true, replaced.reason);
    assert.ok(!suite.api.notifier.shown().slice(asked).some((m) => m.modal), 'no question for a broken key');
  });

  it('Set Up stores a second key of the product as the secondary one without asking', async () => {
    await resetExtension(suite.api);
    const { primary, secondary } = suite.emulator.subscriptionKeys.remittance;
    const shownBefore = suite.api.notifier.shown().length;
    await run('momo.setUp', { key: primary });
    const second = await run<SetUpResult>('momo.setUp', { key: secondary });
    assert.strictEqual(second.ok, true, second.reason);
    assert.strictEqual(await suite.api.store.getSubscriptionKey({ environment: 'sandbox', product: 'remittance' }, 'primary'), primary);
    assert.strictEqual(await suite.api.store.getSubscriptionKey({ environment: 'sandbox', product: 'remittance' }, 'secondary'), secondary);
    assert.ok(!suite.api.notifier.shown().slice(shownBefore).some((m) => m.modal));
  });

  it('sets the walkthrough context keys as each thing gets done, and clears them when everything is forgotten', async () => {
    await resetExtension(suite.api);
    assert.deepStrictEqual(Object.values(suite.api.contextKeys()), [false, false, false, false, false, false]);
    await run('momo.setSubscriptionKey', { environment: 'sandbox', product: 'collection', key: suite.emulator.subscriptionKeys.collection.primary, keyType: 'primary' });
    assert.strictEqual(suite.api.contextKeys()['momo.hasSubscriptionKey'], true);
    assert.strictEqual(suite.api.contextKeys()['momo.hasApiUser'], false);
    const result = await run<SetUpResult>('momo.setUp', { file: SAMPLE_SETTINGS, testPayment: true });
    assert.strictEqual(result.ok, true, result.reason);
    assert.deepStrictEqual(suite.api.contextKeys(), {
      'momo.hasCredentials': true,
      'momo.hasSubscriptionKey': true,
      'momo.hasApiUser': true,
      'momo.verified': true,
      'momo.settingsWritten': true,
      'momo.testPaymentSucceeded': true,
    });
    await resetExtension(suite.api);
    assert.deepStrictEqual(Object.values(suite.api.contextKeys()), [false, false, false, false, false, false]);
  });

  it('never shows a secret', () => {
    assertNoSecret(everythingShown(suite.api), [...suite.secrets], 'the log and the notifications');
  });
});
