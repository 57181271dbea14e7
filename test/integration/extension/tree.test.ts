// The credentials tree, the status bar and the context key: structure, masked labels, menus'
// contextValue tokens, and the promise that no secret value appears in any label or tooltip.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { MomoExtensionApi } from '../../../src/extension';
import type { RunningEmulator } from '../../../src/emulator/types';
import { waitFor } from '../harness';
import { assertNoSecret, everythingShown, renderTree, run, runWithRawArgument, textOf, useExtensionWithEmulator } from './testKit';

describe('extension: the credentials tree and status bar', function () {
  let api: MomoExtensionApi;
  let emulator: RunningEmulator;
  let apiUser: string;
  const secrets = new Set<string>();

  useExtensionWithEmulator((readyApi, readyEmulator) => {
    api = readyApi;
    emulator = readyEmulator;
  });

  it('is empty while nothing is stored, so the welcome view shows', async () => {
    assert.deepStrictEqual(await api.treeProvider.getChildren(), []);
    assert.strictEqual(api.store.hasCredentials(), false);
    assert.match(api.statusBarItem.text, /MoMo/);
    assert.strictEqual(api.statusBarItem.command, 'workbench.view.extension.momo');
  });

  it('shows environment → product → masked subscription keys and API users', async () => {
    const primary = emulator.subscriptionKeys.collection.primary;
    const secondary = emulator.subscriptionKeys.collection.secondary;
    secrets.add(primary).add(secondary);
    await run('momo.setSubscriptionKey', { environment: 'sandbox', product: 'collection', key: primary });
    await run('momo.setSubscriptionKey', { environment: 'sandbox', product: 'collection', key: secondary, keyType: 'secondary' });
    const result = await run<{ apiUser: string }>('momo.provisionSandboxUser', { product: 'collection' });
    assert.strictEqual(result.ok, true, result.reason);
    apiUser = result.apiUser;
    secrets.add(String(await api.store.getApiKey({ environment: 'sandbox', product: 'collection', apiUser })));

    const tree = await renderTree(api);
    const rows = tree.map((r) => `${'  '.repeat(r.depth)}${r.node.kind}: ${textOf(r.item).split(' | ').slice(0, 2).join(' — ')}`);
    const kinds = tree.map((r) => `${r.depth}:${r.node.kind}`);
    assert.deepStrictEqual(kinds, ['0:environment', '1:product', '2:subscriptionKey', '2:subscriptionKey', '2:apiUser'], rows.join('\n'));

    const [env, product, primaryRow, secondaryRow, userRow] = tree;
    assert.strictEqual(env?.item.label, 'Sandbox (EUR)');
    assert.strictEqual(product?.item.label, 'Collections');
    // The mask is in the label, so a narrow sidebar never cuts it.
    assert.strictEqual(primaryRow?.item.label, `Primary key ••••${primary.slice(-3)}`);
    assert.match(String(primaryRow?.item.description), /^saved /);
    assert.match(String(secondaryRow?.item.label), /^Secondary key ••••[0-9a-f]{3}$/);
    assert.strictEqual(userRow?.item.label, `API user ${apiUser.split('-')[0]}…`);
    assert.match(String(userRow?.item.description), /^never verified$/);
    assert.match(String(userRow?.item.contextValue), /\bapiUser\b/);
    assert.match(String(userRow?.item.contextValue), /\bapiUser\.keyStored\b/);
    assert.match(String(userRow?.item.contextValue), /\bsandbox\b/);
    assert.match(String(primaryRow?.item.contextValue), /\bsubscriptionKey\.stored\b/);
    // Tooltips say in one sentence what each credential is for.
    assert.match(String(primaryRow?.item.tooltip), /Ocp-Apim-Subscription-Key/);
    assert.match(String(userRow?.item.tooltip), /Basic-auth pair/);
    for (const row of tree) {
      assertNoSecret(textOf(row.item), secrets, `the tree row "${String(row.item.label)}"`);
    }
  });

  /** The API user the test above provisions, provisioned here when a test below runs alone (MOMO_TEST_GREP). */
  async function givenApiUser(): Promise<string> {
    if (apiUser && api.store.index().apiUsers.some((u) => u.apiUser === apiUser)) return apiUser;
    const key = emulator.subscriptionKeys.collection.primary;
    secrets.add(key);
    assert.strictEqual((await run('momo.setSubscriptionKey', { environment: 'sandbox', product: 'collection', key })).ok, true);
    const result = await run<{ apiUser: string }>('momo.provisionSandboxUser', { product: 'collection' });
    assert.strictEqual(result.ok, true, result.reason);
    apiUser = result.apiUser;
    secrets.add(String(await api.store.getApiKey({ environment: 'sandbox', product: 'collection', apiUser })));
    return apiUser;
  }

  it('passes tree nodes to commands as arguments (context menus)', async () => {
    await givenApiUser();
    const userRow = (await renderTree(api)).find((r) => r.node.kind === 'apiUser');
    assert.ok(userRow);
    assert.strictEqual((await runWithRawArgument('momo.copyApiUserId', userRow.node)).ok, true);
    assert.strictEqual(api.clipboard.lastCopied(), apiUser);
  });

  it('reports the active API user in the status bar', async () => {
    await givenApiUser();
    assert.match(api.statusBarItem.text, new RegExp(apiUser.split('-')[0] as string));
    assert.strictEqual(api.statusBarItem.backgroundColor, undefined);
    assertNoSecret(`${api.statusBarItem.text} ${String(api.statusBarItem.tooltip)}`, secrets, 'the status bar');
  });

  it('trusts SecretStorage over the index: a key deleted elsewhere shows as missing', async () => {
    await givenApiUser();
    await api.secrets.delete(`momo/sandbox/collection/apiKey/${apiUser}`);
    const row = await waitFor(async () => {
      const found = (await renderTree(api)).find((r) => r.node.kind === 'apiUser');
      return found && /key missing/.test(String(found.item.description)) ? found : undefined;
    }, 5000, 'the API user to show "key missing"');
    assert.match(String(row.item.contextValue), /\bapiUser\.keyMissing\b/);
    const copy = await run('momo.copyApiKey', { apiUser });
    assert.strictEqual(copy.ok, false);
  });

  it('shows a production environment with its currency and a hint to add a user', async () => {
    await run('momo.setSubscriptionKey', { environment: 'mtnghana', product: 'disbursement', key: 'ab'.repeat(16) });
    secrets.add('ab'.repeat(16));
    const tree = await renderTree(api);
    const ghana = tree.find((r) => r.node.kind === 'environment' && r.node.environment === 'mtnghana');
    assert.strictEqual(ghana?.item.label, 'Ghana (mtnghana, GHS)');
    const hint = tree.find((r) => r.node.kind === 'hint' && r.node.environment === 'mtnghana');
    assert.strictEqual(hint?.item.command?.command, 'momo.addExistingApiUser');
    const envOrder = tree.filter((r) => r.node.kind === 'environment').map((r) => String(r.item.label));
    assert.deepStrictEqual(envOrder, ['Sandbox (EUR)', 'Ghana (mtnghana, GHS)']);
  });

  it('is empty again after Forget All, and leaves no secret in the log', async () => {
    await run('momo.forgetAllCredentials', { confirm: true });
    assert.deepStrictEqual(await api.treeProvider.getChildren(), []);
    await api.notifier.idle();
    assertNoSecret(everythingShown(api), secrets, 'the MoMo log or a message');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
