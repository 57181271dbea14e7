// Drives every momo.* command with arguments (no UI) against the emulator and checks what ended
// up in SecretStorage, the index, the clipboard and the messages shown.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { MomoExtensionApi } from '../../../src/extension';
import type { RunningEmulator } from '../../../src/emulator/types';
import { emulatorAvailable } from '../harness';
import {
  assertNoSecret,
  everythingShown,
  HEX32,
  momoApi,
  renderTree,
  resetExtension,
  run,
  runWithRawArgument,
  startEmulatorForExtension,
  stopEmulator,
} from './testKit';
import { runMomoCommand } from '../../../src/vscode/momoCommands';

const SANDBOX_COLLECTION = { environment: 'sandbox', product: 'collection' } as const;

describe('extension: every command, driven with arguments against the emulator', function () {
  let api: MomoExtensionApi;
  let emulator: RunningEmulator;
  const secretsUsed = new Set<string>();
  let provisioned: { apiUser: string; apiKey: string };

  before(async function () {
    if (!emulatorAvailable()) this.skip();
    api = await momoApi();
    emulator = await startEmulatorForExtension();
    await resetExtension(api);
    for (const pair of Object.values(emulator.subscriptionKeys)) {
      secretsUsed.add(pair.primary).add(pair.secondary);
    }
    secretsUsed.add(emulator.collectionWidgetKey);
  });

  after(async () => {
    if (api) await resetExtension(api);
    await stopEmulator(emulator);
  });

  it('registers every command it contributes', async () => {
    const contributed = (vscode.extensions.getExtension('momodev.momo-credentials')?.packageJSON.contributes.commands ?? []) as Array<{ command: string }>;
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const { command } of contributed) {
      assert.ok(registered.has(command), `${command} is contributed but not registered`);
    }
    assert.ok(contributed.length >= 13);
  });

  it('momo.setSubscriptionKey refuses an invalid key with the core message and stores nothing', async () => {
    const result = await run('momo.setSubscriptionKey', { ...SANDBOX_COLLECTION, key: 'not-a-key', keyType: 'primary' });
    assert.strictEqual(result.ok, false);
    assert.match(String(result.reason), /32 hexadecimal|characters/);
    assert.strictEqual(api.store.hasCredentials(), false);
  });

  it('momo.setSubscriptionKey stores a key in SecretStorage, per environment, product and type', async () => {
    const key = emulator.subscriptionKeys.collection.primary;
    const result = await run('momo.setSubscriptionKey', { ...SANDBOX_COLLECTION, key, keyType: 'primary' });
    assert.strictEqual(result.ok, true);
    assert.strictEqual(await api.store.getSubscriptionKey(SANDBOX_COLLECTION, 'primary'), key);
    assert.strictEqual(await api.secrets.get('momo/sandbox/collection/subscriptionKey/primary'), key);
    assert.strictEqual(await api.store.getSubscriptionKey(SANDBOX_COLLECTION, 'secondary'), undefined);
    assert.strictEqual(api.store.hasCredentials(), true);
    // Nothing secret in globalState: the index holds names and metadata only.
    assertNoSecret(JSON.stringify(api.store.index()), [key], 'the globalState index');
  });

  it('momo.provisionSandboxUser creates a user and key at the emulator and stores both', async () => {
    const before = emulator.apiUserCount();
    const result = await run<{ apiUser: string; keyStored: boolean }>('momo.provisionSandboxUser', {
      product: 'collection',
      subscriptionKeyType: 'primary',
      callbackHost: 'webhook.example.com',
    });
    assert.strictEqual(result.ok, true, result.reason);
    assert.strictEqual(result.keyStored, true);
    assert.strictEqual(emulator.apiUserCount(), before + 1);
    const apiKey = await api.store.getApiKey({ ...SANDBOX_COLLECTION, apiUser: result.apiUser });
    assert.match(String(apiKey), HEX32);
    provisioned = { apiUser: result.apiUser, apiKey: apiKey as string };
    secretsUsed.add(provisioned.apiKey);
    const record = api.store.index().apiUsers.find((u) => u.apiUser === result.apiUser);
    assert.strictEqual(record?.callbackHost, 'webhook.example.com');
    assert.strictEqual(record?.keyStored, true);
    assert.strictEqual(record?.subscriptionKeyType, 'primary');
    const created = emulator.requests.find((r) => r.method === 'POST' && r.path.endsWith('/v1_0/apiuser'));
    assert.strictEqual(created?.headers['x-reference-id'], result.apiUser);
    const message = api.notifier.shown().at(-1);
    assert.match(String(message?.message), /Created sandbox API user/);
    assert.deepStrictEqual(message?.buttons, ['Insert into settings…', 'Copy API key']);
  });

  it('momo.copyApiUserId and momo.copyApiKey copy (the key read at click time)', async () => {
    assert.strictEqual((await run('momo.copyApiUserId', { apiUser: provisioned.apiUser })).ok, true);
    assert.strictEqual(api.clipboard.lastCopied(), provisioned.apiUser);
    assert.strictEqual((await run('momo.copyApiKey', { apiUser: provisioned.apiUser })).ok, true);
    assert.strictEqual(api.clipboard.lastCopied(), provisioned.apiKey);
    // A plain string argument is taken as the API user id, for callers that have only that.
    assert.strictEqual((await runWithRawArgument('momo.copyApiUserId', provisioned.apiUser.toUpperCase())).ok, true);
  });

  it('momo.insertIntoSettings with copy: true copies MOMO_API_USER / MOMO_API_KEY lines', async () => {
    const result = await run('momo.insertIntoSettings', { apiUser: provisioned.apiUser, copy: true });
    assert.strictEqual(result.ok, true);
    assert.strictEqual(api.clipboard.lastCopied(), `MOMO_API_USER=${provisioned.apiUser}\nMOMO_API_KEY=${provisioned.apiKey}\n`);
  });

  it('momo.generateApiKey asks before replacing a stored key, and does nothing when dismissed', async () => {
    api.notifier.answerNext(/Generate a new API key/, undefined);
    const result = await run('momo.generateApiKey', { apiUser: provisioned.apiUser });
    assert.strictEqual(result.ok, false);
    const asked = api.notifier.shown().filter((m) => m.modal).at(-1);
    assert.match(String(asked?.message), /stops working/);
    assert.strictEqual(await api.store.getApiKey({ ...SANDBOX_COLLECTION, apiUser: provisioned.apiUser }), provisioned.apiKey);
  });

  it('momo.generateApiKey with confirm: true replaces the key', async () => {
    const result = await run('momo.generateApiKey', { apiUser: provisioned.apiUser, confirm: true });
    assert.strictEqual(result.ok, true, result.reason);
    const newKey = await api.store.getApiKey({ ...SANDBOX_COLLECTION, apiUser: provisioned.apiUser });
    assert.match(String(newKey), HEX32);
    assert.notStrictEqual(newKey, provisioned.apiKey);
    provisioned.apiKey = newKey as string;
    secretsUsed.add(provisioned.apiKey);
  });

  it('momo.provisionSandboxUser refuses production and explains the Partner Portal', async () => {
    const result = await run('momo.provisionSandboxUser', { environment: 'mtnuganda', product: 'collection' });
    assert.strictEqual(result.ok, false);
    const message = api.notifier.shown().at(-1);
    assert.match(String(message?.message), /Partner Portal/);
    assert.ok(message?.buttons.includes('Add Existing API User'));
  });

  it('momo.addExistingApiUser validates, then stores a production user with its key', async () => {
    const bad = await run('momo.addExistingApiUser', { environment: 'mtnuganda', product: 'collection', apiUser: 'abc', apiKey: 'f'.repeat(32) });
    assert.strictEqual(bad.ok, false);
    const badEnv = await run('momo.addExistingApiUser', { environment: 'production', product: 'collection' });
    assert.strictEqual(badEnv.ok, false);
    assert.match(String(badEnv.reason), /never "production"/);

    const apiUser = '5e1f6a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
    const apiKey = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
    secretsUsed.add(apiKey);
    const result = await run('momo.addExistingApiUser', { environment: 'mtnuganda', product: 'collection', apiUser, apiKey, label: 'Kampala shop' });
    assert.strictEqual(result.ok, true, result.reason);
    assert.strictEqual(await api.store.getApiKey({ environment: 'mtnuganda', product: 'collection', apiUser }), apiKey);
    const record = api.store.index().apiUsers.find((u) => u.apiUser === apiUser);
    assert.strictEqual(record?.origin, 'added');
    assert.strictEqual(record?.label, 'Kampala shop');
    // Generating keys is a sandbox-only operation: refused with the Partner Portal explanation.
    const regen = await run('momo.generateApiKey', { apiUser, environment: 'mtnuganda', confirm: true });
    assert.strictEqual(regen.ok, false);
  });

  it('shows an invalid subscription key with its next steps as buttons', async () => {
    const widgetKey = emulator.collectionWidgetKey;
    assert.strictEqual((await run('momo.setSubscriptionKey', { ...SANDBOX_COLLECTION, key: widgetKey, keyType: 'secondary' })).ok, true);
    const result = await run('momo.provisionSandboxUser', { product: 'collection', subscriptionKeyType: 'secondary' });
    assert.strictEqual(result.ok, false);
    const error = api.notifier.shown().filter((m) => m.severity === 'error').at(-1);
    assert.match(String(error?.message), /invalid/i);
    assert.deepStrictEqual(error?.buttons.slice(0, 2), ['Re-enter Key', 'Open Portal']);
  });

  it('keeps a user created before a failure, offers "Finish provisioning" (also in the tree), which then completes it', async () => {
    emulator.injectFault({ method: 'POST', path: '/apikey', kind: 'status', status: 400, body: {} });
    const result = await run('momo.provisionSandboxUser', { product: 'collection', subscriptionKeyType: 'primary' });
    assert.strictEqual(result.ok, false);
    const error = api.notifier.shown().filter((m) => m.severity === 'error').at(-1);
    assert.strictEqual(error?.buttons[0], 'Finish provisioning');
    assert.ok(!error?.buttons.includes('Try again'), 'never a plain retry once the user exists');
    const kept = api.store.index().apiUsers.find((u) => u.environment === 'sandbox' && !u.keyStored);
    assert.ok(kept, 'the created API user was not kept');
    const row = (await renderTree(api)).find((r) => r.node.kind === 'apiUser' && r.node.apiUser === kept.apiUser);
    assert.strictEqual(row?.item.description, 'pending · Finish provisioning');
    assert.strictEqual(row?.item.command?.command, 'momo.finishProvisioning');

    // A user without a key needs no confirmation: there is no old key to break.
    const completed = await run('momo.generateApiKey', { apiUser: kept.apiUser, environment: 'sandbox', product: 'collection' });
    assert.strictEqual(completed.ok, true, completed.reason);
    const key = await api.store.getApiKey(kept);
    assert.match(String(key), HEX32);
    secretsUsed.add(key as string);
    assert.strictEqual(api.store.index().apiUsers.find((u) => u.apiUser === kept.apiUser)?.keyStored, true);
  });

  it('takes the callback host from momo.providerCallbackHost when none is given', async () => {
    const config = vscode.workspace.getConfiguration('momo');
    await config.update('providerCallbackHost', 'callbacks.example.org', vscode.ConfigurationTarget.Global);
    try {
      const result = await run<{ apiUser: string }>('momo.provisionSandboxUser', { product: 'collection' });
      assert.strictEqual(result.ok, true, result.reason);
      assert.strictEqual(api.store.index().apiUsers.find((u) => u.apiUser === result.apiUser)?.callbackHost, 'callbacks.example.org');
      secretsUsed.add(String(await api.store.getApiKey({ ...SANDBOX_COLLECTION, apiUser: result.apiUser })));
    } finally {
      await config.update('providerCallbackHost', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('explains an unreachable or misconfigured base URL instead of failing silently', async () => {
    // The key the earlier tests stored, stored here when this test runs alone (MOMO_TEST_GREP).
    if (!(await api.store.getSubscriptionKey(SANDBOX_COLLECTION, 'primary'))) {
      const stored = await run('momo.setSubscriptionKey', { ...SANDBOX_COLLECTION, key: emulator.subscriptionKeys.collection.primary, keyType: 'primary' });
      assert.strictEqual(stored.ok, true, stored.reason);
    }
    const config = vscode.workspace.getConfiguration('momo');
    try {
      await config.update('sandbox.baseUrl', 'https://momodeveloper.mtn.com', vscode.ConfigurationTarget.Global);
      const portal = await run('momo.provisionSandboxUser', { product: 'collection' });
      assert.strictEqual(portal.ok, false);
      assert.match(String(api.notifier.shown().at(-1)?.message), /not the API/);
      assert.deepStrictEqual(api.notifier.shown().at(-1)?.buttons, ['Use Sandbox URL', 'Open Settings']);

      await config.update('sandbox.baseUrl', 'http://127.0.0.1:1', vscode.ConfigurationTarget.Global);
      const before = api.store.index().apiUsers.length;
      const unreachable = await run('momo.provisionSandboxUser', { product: 'collection' });
      assert.strictEqual(unreachable.ok, false);
      const error = api.notifier.shown().filter((m) => m.severity === 'error').at(-1);
      assert.match(String(error?.message), /Could not reach|did not answer/);
      assert.ok((error?.buttons.length ?? 0) > 0, 'the network error offered no next step');
      assert.strictEqual(api.store.index().apiUsers.length, before, 'a user was recorded although none was created');
    } finally {
      await config.update('sandbox.baseUrl', emulator.url, vscode.ConfigurationTarget.Global);
    }
  });

  it('momo.removeApiUser asks, and removes the user and its secret once confirmed', async () => {
    const ref = { ...SANDBOX_COLLECTION, apiUser: provisioned.apiUser };
    api.notifier.answerNext(/Remove API user/, 'Remove');
    assert.strictEqual((await run('momo.removeApiUser', { apiUser: provisioned.apiUser })).ok, true);
    assert.strictEqual(await api.store.getApiKey(ref), undefined);
    assert.ok(!api.store.index().apiUsers.some((u) => u.apiUser === provisioned.apiUser));
    const unknown = await run('momo.removeApiUser', { apiUser: provisioned.apiUser, confirm: true });
    assert.strictEqual(unknown.ok, false);
  });

  it('momo.removeSubscriptionKey removes one key and leaves the other', async () => {
    assert.strictEqual((await run('momo.removeSubscriptionKey', { ...SANDBOX_COLLECTION, keyType: 'secondary', confirm: true })).ok, true);
    assert.strictEqual(await api.store.getSubscriptionKey(SANDBOX_COLLECTION, 'secondary'), undefined);
    assert.ok(await api.store.getSubscriptionKey(SANDBOX_COLLECTION, 'primary'));
  });

  it('momo.refresh, momo.showLog and momo.openCredentialGuide run', async () => {
    await runMomoCommand('momo.refresh');
    await runMomoCommand('momo.showLog');
    await runMomoCommand('momo.openCredentialGuide');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('momo.forgetAllCredentials asks first, then deletes every secret and record', async () => {
    api.notifier.answerNext(/Forget every stored MoMo credential/, undefined);
    assert.strictEqual((await run('momo.forgetAllCredentials')).ok, false);
    assert.ok(api.store.hasCredentials());

    const users = api.store.index().apiUsers;
    const result = await run<{ forgotten: number }>('momo.forgetAllCredentials', { confirm: true });
    assert.strictEqual(result.ok, true);
    assert.ok(result.forgotten >= 3);
    assert.strictEqual(api.store.hasCredentials(), false);
    assert.strictEqual(await api.store.getSubscriptionKey(SANDBOX_COLLECTION, 'primary'), undefined);
    for (const user of users) {
      assert.strictEqual(await api.store.getApiKey(user), undefined, `the key of ${user.apiUser} survived`);
    }
  });

  it('never put a secret into the log or a message', async () => {
    await api.notifier.idle();
    assertNoSecret(everythingShown(api), secretsUsed, 'the MoMo log or a message');
  });
});
