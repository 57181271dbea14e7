// A base URL secrets cannot go to is explained with the doctor's one-click fix: "Use Sandbox URL"
// writes MTN's sandbox URL at the level that holds the bad value (user or workspace settings),
// and the message is taken off the screen once the setting is fixed by hand.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { SANDBOX_BASE_URL } from '../../../src/core/momo/environments';
import type { MomoExtensionApi } from '../../../src/extension';
import type { RunningEmulator } from '../../../src/emulator/types';
import { run, useExtensionWithEmulator } from '../extension/testKit';
import { waitFor } from '../harness';
import { pointWorkspaceAt, removeWorkspaceSettings } from './trustKit';

const PORTAL = 'https://momodeveloper.mtn.com';
const CANNOT_BE_USED = /^Nothing was sent: momo\.sandbox\.baseUrl \((.+)\) cannot be used\..*not the API/;

describe('trust: the fix beside an unusable base URL', function () {
  this.timeout(60_000);
  let api: MomoExtensionApi;
  let emulator: RunningEmulator;
  const config = () => vscode.workspace.getConfiguration('momo');
  const inspect = () => config().inspect<string>('sandbox.baseUrl');
  const lastProblem = () => api.notifier.shown().filter((m) => CANNOT_BE_USED.test(m.message)).at(-1);

  useExtensionWithEmulator(async (readyApi, readyEmulator) => {
    api = readyApi;
    emulator = readyEmulator;
    await run('momo.setSubscriptionKey', { environment: 'sandbox', product: 'collection', key: emulator.subscriptionKeys.collection.primary, keyType: 'primary' });
  });
  afterEach(async () => {
    await api.notifier.idle();
    await config().update('sandbox.baseUrl', emulator.url, vscode.ConfigurationTarget.Global);
  });

  it('offers "Use Sandbox URL" in the user settings that hold the portal address, and it writes it there', async () => {
    await config().update('sandbox.baseUrl', PORTAL, vscode.ConfigurationTarget.Global);
    api.notifier.answerNext(CANNOT_BE_USED, 'Use Sandbox URL');
    const before = api.store.index().apiUsers.length;
    const result = await run('momo.provisionSandboxUser', { product: 'collection' });
    assert.strictEqual(result.ok, false);
    const shown = lastProblem();
    assert.strictEqual(shown?.severity, 'error');
    // Remote settings in a remote window such as code-server's: base URLs are machine-overridable.
    assert.match(String(CANNOT_BE_USED.exec(shown?.message ?? '')?.[1]), /^your (user|Remote) settings$/);
    assert.deepStrictEqual(shown?.buttons, ['Use Sandbox URL', 'Open Settings']);
    await api.notifier.idle();
    assert.strictEqual(inspect()?.globalValue, SANDBOX_BASE_URL);
    assert.match(String(api.notifier.shown().at(-1)?.message), /^momo\.sandbox\.baseUrl is now https:\/\/sandbox\.momodeveloper\.mtn\.com in your (user|Remote) settings\./);
    assert.strictEqual(api.store.index().apiUsers.length, before, 'something was provisioned at a bad URL');
  });

  it('takes the message off the screen once the setting is fixed by hand, and not before', async () => {
    await config().update('sandbox.baseUrl', PORTAL, vscode.ConfigurationTarget.Global);
    const result = await run('momo.provisionSandboxUser', { product: 'collection' });
    assert.strictEqual(result.ok, false);
    const shown = lastProblem();
    assert.ok(shown, 'no message about the base URL');
    assert.notStrictEqual(shown.closed, true);
    // Another bad value is no fix: the message stays.
    await config().update('sandbox.baseUrl', 'https://momodeveloper.mtn.com/', vscode.ConfigurationTarget.Global);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.notStrictEqual(shown.closed, true, 'closed while the URL was still unusable');
    await config().update('sandbox.baseUrl', emulator.url, vscode.ConfigurationTarget.Global);
    await waitFor(() => shown.closed === true, 5000, 'the message to close once the URL is usable');
  });

  it('writes the fix into .vscode/settings.json when that is where the bad value is, leaving the user setting alone', async function () {
    // In Restricted Mode the workspace value is not used at all (restrictedMode.test.ts).
    if (!vscode.workspace.isTrusted) this.skip();
    try {
      await pointWorkspaceAt(PORTAL);
      api.notifier.answerNext(CANNOT_BE_USED, 'Use Sandbox URL');
      const result = await run('momo.provisionSandboxUser', { product: 'collection' });
      assert.strictEqual(result.ok, false);
      assert.strictEqual(CANNOT_BE_USED.exec(lastProblem()?.message ?? '')?.[1], '.vscode/settings.json');
      await api.notifier.idle();
      await waitFor(() => inspect()?.workspaceValue === SANDBOX_BASE_URL, 5000, 'the workspace value to change');
      assert.strictEqual(inspect()?.globalValue, emulator.url);
    } finally {
      await removeWorkspaceSettings();
    }
  });
});
