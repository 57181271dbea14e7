// In Restricted Mode (an untrusted workspace) the workspace cannot choose where MoMo secrets go:
// with .vscode/settings.json pointing both base URLs at the capture server, Verify, Diagnose,
// Test Payment and Provision use the person's own setting (the emulator) and the capture server
// receives nothing, without a question. The runner runs this suite in a second code-server with
// workspace trust on; in the trusted run it is skipped.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { assertNoSecret, everythingShown, run } from '../extension/testKit';
import { sendingCommands, useCaptureWorkspace } from './trustKit';

describe('trust: in Restricted Mode', function () {
  this.timeout(60_000);
  // The person's own production setting points at this machine too, so nothing goes to MTN from a test.
  const userSetting = (key: string, value: string | undefined) => vscode.workspace.getConfiguration('momo').update(key, value, vscode.ConfigurationTarget.Global);
  const suite = useCaptureWorkspace(false, async ({ emulator }) => {
    await userSetting('production.baseUrl', emulator.url);
    await userSetting('production.newPlatformBaseUrl', emulator.url);
  });
  after(async () => {
    await userSetting('production.baseUrl', undefined);
    await userSetting('production.newPlatformBaseUrl', undefined);
  });

  it('runs untrusted, with the workspace values of the restricted settings hidden', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    for (const key of ['sandbox.baseUrl', 'production.baseUrl', 'production.newPlatformBaseUrl']) {
      const inspected = vscode.workspace.getConfiguration('momo').inspect<string>(key);
      assert.notStrictEqual(inspected?.workspaceValue, suite.capture.url, `${key} is not a restricted setting`);
      assert.strictEqual(inspected?.globalValue, suite.emulator.url, key);
    }
  });

  it('sends nothing to the workspace host: every command uses the person’s own setting, without a question', async () => {
    for (const { name, call } of sendingCommands(suite.stored)) {
      const emulatorBefore = suite.emulator.requests.length;
      const result = await run(...call);
      assert.strictEqual(result.ok, true, `${name}: ${result.reason}`);
      assert.ok(suite.emulator.requests.length > emulatorBefore, `${name} did not reach the emulator of the user setting`);
      assert.deepStrictEqual(suite.capture.requests, [], `${name} sent a request to the workspace's host`);
    }
    assert.deepStrictEqual(suite.api.notifier.shown().filter((m) => m.modal).map((m) => m.message), []);
  });

  it('never sends production credentials to the workspace host either: they go where the person’s user setting says', async () => {
    // The emulator does not know these production pairs: the verification fails there, which is the point.
    for (const apiUser of [suite.stored.productionUser, suite.stored.systemUser]) {
      const emulatorBefore = suite.emulator.requests.length;
      await run('momo.verifyApiUser', { apiUser, environment: 'mtnuganda', product: 'collection' });
      assert.ok(suite.emulator.requests.length > emulatorBefore, 'the production check did not go to the user setting');
    }
    assert.deepStrictEqual(suite.capture.requests, []);
  });

  it('kept every secret out of the log and the messages', async () => {
    await suite.api.notifier.idle();
    assertNoSecret(everythingShown(suite.api), suite.stored.secrets, 'the log or a message');
  });
});
