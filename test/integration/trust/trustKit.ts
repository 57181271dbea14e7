// Shared by the trust suites: a workspace whose .vscode/settings.json points both MoMo base URLs
// at the capture server (test/fixtures/trust/vscode-settings.json), and the stored credentials
// the commands would send.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { MomoExtensionApi } from '../../../src/extension';
import type { RunningEmulator } from '../../../src/emulator/types';
import { waitFor, workspaceUri, writeWorkspaceFile } from '../harness';
import type { MomoCommandCall } from '../../../src/vscode/momoCommands';
import { run, useExtensionWithEmulator } from '../extension/testKit';
import { startCaptureServer, type CaptureServer } from './captureServer';

const FIXTURE = path.resolve(__dirname, '../../../../test/fixtures/trust/vscode-settings.json');
const SETTINGS_FILE = '.vscode/settings.json';

/** Writes the fixture with `url` in place, and waits until VS Code has read it (not in Restricted Mode: there it is ignored). */
export async function pointWorkspaceAt(url: string): Promise<void> {
  await writeWorkspaceFile(SETTINGS_FILE, fs.readFileSync(FIXTURE, 'utf8').replace(/CAPTURE_URL/g, url));
  await waitFor(() => fs.existsSync(workspaceUri(SETTINGS_FILE).fsPath), 5000, 'the workspace settings file');
  if (vscode.workspace.isTrusted) {
    await waitFor(() => workspaceValue('sandbox.baseUrl') === url && workspaceValue('production.baseUrl') === url, 10_000, 'VS Code to read the workspace settings');
  } else {
    // Nothing to wait for: Restricted Mode never shows the value; give VS Code time to read the file anyway.
    await new Promise((resolve) => setTimeout(resolve, 1500));
  }
}

export async function removeWorkspaceSettings(): Promise<void> {
  await vscode.workspace.fs.delete(workspaceUri('.vscode'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  await waitFor(() => workspaceValue('sandbox.baseUrl') === undefined, 10_000, 'VS Code to drop the workspace settings');
}

function workspaceValue(key: string): string | undefined {
  return vscode.workspace.getConfiguration('momo').inspect<string>(key)?.workspaceValue;
}

export interface StoredForTrust {
  sandboxUser: string;
  productionUser: string;
  /** System Credentials of MTN's new production platform (User ID). */
  systemUser: string;
  secrets: Set<string>;
  /** The production secrets only (subscription key, API key, Credential Token). */
  productionSecrets: string[];
}

/** A sandbox key and API user (made at the emulator, through the user setting) and a production pair of each platform. */
export async function storeCredentials(api: MomoExtensionApi, emulator: RunningEmulator): Promise<StoredForTrust> {
  const secrets = new Set<string>();
  const key = emulator.subscriptionKeys.collection.primary;
  secrets.add(key);
  await run('momo.setSubscriptionKey', { environment: 'sandbox', product: 'collection', key, keyType: 'primary' });
  const provisioned = await run<{ apiUser: string }>('momo.provisionSandboxUser', { product: 'collection', callbackHost: 'webhook.example.com' });
  assert.strictEqual(provisioned.ok, true, provisioned.reason);
  secrets.add(String(await api.store.getApiKey({ environment: 'sandbox', product: 'collection', apiUser: provisioned.apiUser })));

  const productionKey = 'c0ffee'.repeat(5) + 'ab';
  const productionApiKey = 'beef'.repeat(8);
  const productionUser = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
  secrets.add(productionKey).add(productionApiKey);
  await run('momo.setSubscriptionKey', { environment: 'mtnuganda', product: 'collection', key: productionKey, keyType: 'primary' });
  const added = await run('momo.addExistingApiUser', { environment: 'mtnuganda', product: 'collection', apiUser: productionUser, apiKey: productionApiKey });
  assert.strictEqual(added.ok, true, added.reason);
  const systemUser = 'VHJ1c3RTeXN0ZW1Vc2VyMQ==';
  const credentialToken = 'Tr.9x_Q-4k~Lm!Pz=Wc7.dE2_yS-5';
  secrets.add(credentialToken);
  const system = await run('momo.addExistingApiUser', { environment: 'mtnuganda', product: 'collection', apiUser: systemUser, apiKey: credentialToken });
  assert.strictEqual(system.ok, true, system.reason);
  const productionSecrets = [productionKey, productionApiKey, credentialToken];
  return { sandboxUser: provisioned.apiUser, productionUser, systemUser, secrets, productionSecrets };
}

/** The four commands that send credentials, each as a person's explicit request for one thing. */
export function sendingCommands(stored: StoredForTrust): Array<{ name: string; call: MomoCommandCall }> {
  return [
    { name: 'Verify', call: ['momo.verifyApiUser', { apiUser: stored.sandboxUser, environment: 'sandbox', product: 'collection' }] },
    { name: 'Diagnose', call: ['momo.diagnoseSetup', { environment: 'sandbox', workspace: false, show: false }] },
    { name: 'Test Payment', call: ['momo.sendTestPayment', { apiUser: stored.sandboxUser, product: 'collection', outcome: 'success', amount: '5', pollIntervalMs: 50 }] },
    { name: 'Provision', call: ['momo.provisionSandboxUser', { product: 'collection', callbackHost: 'webhook.example.com' }] },
  ];
}

export interface CaptureWorkspace {
  api: MomoExtensionApi;
  emulator: RunningEmulator;
  capture: CaptureServer;
  stored: StoredForTrust;
}

/**
 * The suites' before/after: credentials stored (through the user setting, at the emulator), then
 * the capture server started and the workspace pointed at it; the suite runs only in a trusted
 * (or only in an untrusted) window. `ready` runs before the workspace setting is written.
 */
export function useCaptureWorkspace(trusted: boolean, ready?: (suite: CaptureWorkspace) => unknown): CaptureWorkspace {
  const suite = {} as CaptureWorkspace;
  before(function () {
    // The runner's second pass has the untrusted window (Restricted Mode).
    if (vscode.workspace.isTrusted !== trusted) this.skip();
  });
  useExtensionWithEmulator(async (api, emulator) => {
    Object.assign(suite, { api, emulator, stored: await storeCredentials(api, emulator) });
    await ready?.(suite);
    suite.capture = await startCaptureServer(emulator.url);
    await pointWorkspaceAt(suite.capture.url);
  });
  after(async () => {
    await suite.capture?.close();
    await removeWorkspaceSettings();
  });
  return suite;
}
