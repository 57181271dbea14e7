// In Restricted Mode (an untrusted workspace) the workspace cannot choose where MoMo secrets go:
// with .vscode/settings.json pointing both base URLs at the capture server, Verify, Diagnose,
// Test Payment and Provision use the person's own setting (the emulator) and the capture server
// receives nothing, without a question. The runner runs this suite in a second code-server with
// workspace trust on; in the trusted run it is skipped.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { MomoExtensionApi } from '../../../src/extension';
import type { RunningEmulator } from '../../../src/emulator/types';
import { assertNoSecret, everythingShown, run, useExtensionWithEmulator } from '../extension/testKit';
import { startCaptureServer, type CaptureServer } from './captureServer';
import { pointWorkspaceAt, sendingCommands, storeCredentials, type StoredForTrust } from './trustKit';

describe('trust: in Restricted Mode', function () {
  this.timeout(60_000);
  let api: MomoExtensionApi;
  let emulator: RunningEmulator;
  let capture: CaptureServer;
  let stored: StoredForTrust;

  before(function () {
    if (vscode.workspace.isTrusted) this.skip();
  });

  useExtensionWithEmulator(async (readyApi, readyEmulator) => {
    api = readyApi;
    emulator = readyEmulator;
    stored = await storeCredentials(api, emulator);
    // The person's own production setting points at this machine too, so nothing goes to MTN from a test.
    await vscode.workspace.getConfiguration('momo').update('production.baseUrl', emulator.url, vscode.ConfigurationTarget.Global);
    capture = await startCaptureServer(emulator.url);
    await pointWorkspaceAt(capture.url);
  });

  after(async () => {
    await capture?.close();
    await vscode.workspace.getConfiguration('momo').update('production.baseUrl', undefined, vscode.ConfigurationTarget.Global);
  });

  it('runs untrusted, with the workspace values of the restricted settings hidden', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    const inspected = vscode.workspace.getConfiguration('momo').inspect<string>('sandbox.baseUrl');
    assert.notStrictEqual(inspected?.workspaceValue, capture.url);
    assert.strictEqual(inspected?.globalValue, emulator.url);
  });

  it('sends nothing to the workspace host: every command uses the person’s own setting, without a question', async () => {
    for (const { name, command, arg } of sendingCommands(stored)) {
      const emulatorBefore = emulator.requests.length;
      const result = await run(command, arg);
      assert.strictEqual(result.ok, true, `${name}: ${result.reason}`);
      assert.ok(emulator.requests.length > emulatorBefore, `${name} did not reach the emulator of the user setting`);
      assert.deepStrictEqual(capture.requests, [], `${name} sent a request to the workspace's host`);
    }
    assert.deepStrictEqual(api.notifier.shown().filter((m) => m.modal).map((m) => m.message), []);
  });

  it('never sends production credentials to the workspace host either: they go where the person’s user setting says', async () => {
    const emulatorBefore = emulator.requests.length;
    // The emulator does not know this production pair: the verification fails there, which is the point.
    await run('momo.verifyApiUser', { apiUser: stored.productionUser, environment: 'mtnuganda', product: 'collection' });
    assert.ok(emulator.requests.length > emulatorBefore, 'the production check did not go to the user setting');
    assert.deepStrictEqual(capture.requests, []);
  });

  it('kept every secret out of the log and the messages', async () => {
    await api.notifier.idle();
    assertNoSecret(everythingShown(api), stored.secrets, 'the log or a message');
  });
});
