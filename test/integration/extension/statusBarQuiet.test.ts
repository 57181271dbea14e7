// The status-bar item stays out of projects that have nothing to do with MTN MoMo: shown only
// when something is stored or an MTN MoMo settings file is open.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { MomoExtensionApi } from '../../../src/extension';
import type { RunningEmulator } from '../../../src/emulator/types';
import { isMtnMomoDocument } from '../../../src/core/settings/mtnDetection';
import { waitFor, writeWorkspaceFile } from '../harness';
import { run, useExtensionWithEmulator } from './testKit';

function momoDocumentOpen(): boolean {
  return vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'file' && /\.py$|\.env/.test(d.fileName) && isMtnMomoDocument(d.getText()));
}

describe('extension: a quiet status bar', function () {
  let api: MomoExtensionApi;
  let emulator: RunningEmulator;

  useExtensionWithEmulator((readyApi, readyEmulator) => {
    api = readyApi;
    emulator = readyEmulator;
  });

  it('is hidden while nothing is stored and no MoMo settings file is open', async () => {
    assert.strictEqual(api.store.hasCredentials(), false);
    assert.strictEqual(api.statusBarVisible(), momoDocumentOpen());
  });

  it('stays hidden for a Django settings file that has no MoMo in it', async () => {
    const before = api.statusBarVisible();
    const uri = await writeWorkspaceFile('quiet/plain_settings.py', 'DEBUG = True\nALLOWED_HOSTS = ["*"]\n');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.strictEqual(api.statusBarVisible(), before);
  });

  it('shows itself when an MTN MoMo settings file opens', async () => {
    const uri = await writeWorkspaceFile('quiet/momo_settings.py', 'MOMO_SUBSCRIPTION_KEY = ""\nMOMO_API_USER = ""\nMOMO_API_KEY = ""\n');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor(() => api.statusBarVisible(), 5_000);
  });

  it('shows itself once a key is stored', async () => {
    const result = await run('momo.setSubscriptionKey', {
      environment: 'sandbox',
      product: 'collection',
      key: emulator.subscriptionKeys.collection.primary,
    });
    assert.strictEqual(result.ok, true, result.reason);
    assert.strictEqual(api.statusBarVisible(), true);
  });
});
