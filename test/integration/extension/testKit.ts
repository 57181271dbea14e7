// Shared set-up for the extension's integration tests: the exported API, the emulator wired in
// through the momo.sandbox.baseUrl setting, a walk over the whole credentials tree, and the
// bookkeeping of every secret a test used so the suite can prove none reached the log or the UI.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { MomoExtensionApi } from '../../../src/extension';
import type { Product } from '../../../src/core/momo/products';
import type { CredentialNode } from '../../../src/vscode/tree/credentialNodes';
import type { RunningEmulator } from '../../../src/emulator/types';
import { runMomoCommand, type MomoCommandCall, type MomoCommandId } from '../../../src/vscode/momoCommands';
import { activateExtension, emulatorAvailable, startTestEmulator } from '../harness';

export async function momoApi(): Promise<MomoExtensionApi> {
  return activateExtension<MomoExtensionApi>();
}

/** Starts an emulator and points the extension's sandbox base URL at it (user settings). */
export async function startEmulatorForExtension(): Promise<RunningEmulator> {
  const emulator = await startTestEmulator();
  await vscode.workspace.getConfiguration('momo').update('sandbox.baseUrl', emulator.url, vscode.ConfigurationTarget.Global);
  return emulator;
}

export async function stopEmulator(emulator: RunningEmulator | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('momo').update('sandbox.baseUrl', undefined, vscode.ConfigurationTarget.Global);
  await emulator?.close();
}

/**
 * The suite's before/after for tests that drive the extension against an emulator: a clean
 * store before, everything forgotten and the emulator stopped after. `ready` runs once the two
 * are wired, for the suite's own set-up. The suite is skipped when the emulator is not built.
 */
export function useExtensionWithEmulator(ready: (api: MomoExtensionApi, emulator: RunningEmulator) => unknown): void {
  let api: MomoExtensionApi | undefined;
  let emulator: RunningEmulator | undefined;
  before(async function () {
    if (!emulatorAvailable()) this.skip();
    api = await momoApi();
    emulator = await startEmulatorForExtension();
    await resetExtension(api);
    await ready(api, emulator);
  });
  after(async () => {
    if (api) await resetExtension(api);
    await stopEmulator(emulator);
  });
}

/** The running suite's extension API and emulator (set by its before hook), and the secrets its tests used. */
export interface EmulatorSuite {
  api: MomoExtensionApi;
  emulator: RunningEmulator;
  secrets: Set<string>;
}

/** useExtensionWithEmulator for a suite that keeps the API, the emulator and its secrets in one object. */
export function useEmulatorSuite(ready?: (suite: EmulatorSuite) => unknown): EmulatorSuite {
  const suite = { secrets: new Set<string>() } as EmulatorSuite;
  useExtensionWithEmulator(async (api, emulator) => {
    suite.api = api;
    suite.emulator = emulator;
    await ready?.(suite);
  });
  return suite;
}

/** Stores the emulator's primary sandbox Collections key (kept in the suite's secrets); returns it. */
export async function storeCollectionKey(suite: EmulatorSuite): Promise<string> {
  const key = suite.emulator.subscriptionKeys.collection.primary;
  suite.secrets.add(key);
  const stored = await run('momo.setSubscriptionKey', { environment: 'sandbox', product: 'collection', key, keyType: 'primary' });
  assert.strictEqual(stored.ok, true, stored.reason);
  return key;
}

export type CommandOutcome<T> = { ok: boolean; reason?: string } & T;

/** Runs a command with a typed argument; every command result is a plain object, narrowed here. */
export async function run<T = Record<string, unknown>>(...call: MomoCommandCall): Promise<CommandOutcome<T>> {
  return resultObject<T>(call[0], await runMomoCommand(...call));
}

/**
 * Runs a command with an argument outside its type: a tree node, a bare string, or a wrong
 * value whose refusal the test checks (as another extension could pass one).
 */
export async function runWithRawArgument<T = Record<string, unknown>>(command: MomoCommandId, arg: unknown): Promise<CommandOutcome<T>> {
  return resultObject<T>(command, await vscode.commands.executeCommand(command, arg));
}

function resultObject<T>(command: MomoCommandId, result: unknown): CommandOutcome<T> {
  assert.ok(result && typeof result === 'object', `${command} returned no result object`);
  return result as CommandOutcome<T>;
}

/** A clean slate: nothing stored, no host allowed, no scripted answers, SecretStorage working. */
export async function resetExtension(api: MomoExtensionApi): Promise<void> {
  api.setSecretStorageFailureForTests(false);
  for (const allowed of api.approvals.list()) await api.approvals.revoke(allowed.host);
  api.notifier.clearScriptedAnswers();
  await run('momo.forgetAllCredentials', { confirm: true });
  await api.notifier.idle();
}

export interface RenderedNode {
  node: CredentialNode;
  item: vscode.TreeItem;
  depth: number;
}

/** The whole tree as VS Code would render it, depth first. */
export async function renderTree(api: MomoExtensionApi): Promise<RenderedNode[]> {
  const out: RenderedNode[] = [];
  const visit = async (parent: CredentialNode | undefined, depth: number): Promise<void> => {
    for (const node of await api.treeProvider.getChildren(parent)) {
      out.push({ node, item: api.treeProvider.getTreeItem(node), depth });
      await visit(node, depth + 1);
    }
  };
  await visit(undefined, 0);
  return out;
}

export function textOf(item: vscode.TreeItem): string {
  const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
  const tooltip = typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? '');
  return [label, String(item.description ?? ''), tooltip].join(' | ');
}

/** Asserts that none of `secrets` appears in `text`, naming where without printing the secret. */
export function assertNoSecret(text: string, secrets: Iterable<string>, where: string): void {
  for (const secret of secrets) {
    assert.ok(!text.toLowerCase().includes(secret.toLowerCase()), `a secret ending in …${secret.slice(-3)} appears in ${where}`);
  }
}

/** Everything the extension showed or logged in this window, for the "no secret leaked" checks. */
export function everythingShown(api: MomoExtensionApi): string {
  return [...api.log.recentLines(), ...api.notifier.shown().map((m) => `${m.message} ${m.buttons.join(' ')}`)].join('\n');
}

export const HEX32 = /^[0-9a-f]{32}$/;

/**
 * Stores the emulator's primary key of `product` and provisions a sandbox API user on
 * `callbackHost`; both secrets are added to `secrets`. Returns the API user id.
 */
export async function provisionStoredUser(
  api: MomoExtensionApi,
  emulator: RunningEmulator,
  product: Product,
  callbackHost: string,
  secrets: Set<string>,
): Promise<string> {
  const key = emulator.subscriptionKeys[product].primary;
  secrets.add(key);
  await run('momo.setSubscriptionKey', { environment: 'sandbox', product, key, keyType: 'primary' });
  const provisioned = await run<{ apiUser: string }>('momo.provisionSandboxUser', { product, callbackHost });
  assert.strictEqual(provisioned.ok, true, provisioned.reason);
  secrets.add(String(await api.store.getApiKey({ environment: 'sandbox', product, apiUser: provisioned.apiUser })));
  return provisioned.apiUser;
}
