// momo.verifyApiUser against the emulator: every step ✓ or ✗ with the core's explanation, the
// result recorded for the tree and the status bar, and no credential ever changed by verifying.
import * as assert from 'assert';
import { randomBytes, randomUUID } from 'crypto';
import * as vscode from 'vscode';
import { assertNoSecret, everythingShown, renderTree, run, textOf, storeCollectionKey, useEmulatorSuite } from '../extension/testKit';

const SANDBOX_COLLECTION = { environment: 'sandbox', product: 'collection' } as const;

interface VerifyResult {
  verified: boolean;
  steps: Array<{ step: string; ok: boolean; message: string }>;
}

describe('doctor: momo.verifyApiUser', function () {
  let good: string;
  let wrongPairUser: string;

  const suite = useEmulatorSuite(async () => {
    await storeCollectionKey(suite);
    const provisioned = await run<{ apiUser: string }>('momo.provisionSandboxUser', { product: 'collection', callbackHost: 'webhook.example.com' });
    assert.strictEqual(provisioned.ok, true, provisioned.reason);
    good = provisioned.apiUser;
    suite.secrets.add(String(await suite.api.store.getApiKey({ ...SANDBOX_COLLECTION, apiUser: good })));
  });

  it('verifies a stored pair step by step and records when it worked, changing nothing', async () => {
    const apiKeyBefore = await suite.api.store.getApiKey({ ...SANDBOX_COLLECTION, apiUser: good });
    const usersBefore = suite.emulator.apiUserCount();
    const requestsBefore = suite.emulator.requests.length;

    const result = await run<VerifyResult>('momo.verifyApiUser', { apiUser: good });
    assert.strictEqual(result.ok, true, result.reason);
    assert.strictEqual(result.verified, true);
    assert.deepStrictEqual(result.steps.map((s) => `${s.step}:${s.ok}`), ['readUser:true', 'token:true', 'balance:true', 'accountHolder:true']);
    assert.match(result.steps[0]?.message ?? '', /exists/);
    assert.match(result.steps[2]?.message ?? '', /EUR/);

    const shown = suite.api.notifier.shown().at(-1);
    assert.strictEqual(shown?.severity, 'info');
    assert.match(String(shown?.message), /works: ✓ user exists · ✓ token · ✓ balance · ✓ account holder/);

    // Verifying only reads: no user or key was created, the stored key is the same.
    const sent = suite.emulator.requests.slice(requestsBefore);
    const writes = sent.filter((r) => r.method === 'POST' && !/\/token\/?$/.test(r.path.split('?')[0] ?? ''));
    assert.deepStrictEqual(writes.map((r) => r.path), []);
    assert.strictEqual(suite.emulator.apiUserCount(), usersBefore);
    assert.strictEqual(await suite.api.store.getApiKey({ ...SANDBOX_COLLECTION, apiUser: good }), apiKeyBefore);

    const record = suite.api.store.index().apiUsers.find((u) => u.apiUser === good);
    assert.strictEqual(record?.lastVerified?.ok, true);
    const row = (await renderTree(suite.api)).find((r) => r.node.kind === 'apiUser' && r.node.apiUser === good);
    assert.match(String(row?.item.description), /verified just now/);
    assert.match(String(row?.item.tooltip), /every check passed/);
    assert.strictEqual(suite.api.statusBarItem.backgroundColor, undefined);
  });

  it('a wrong API key fails at the token step with the explanation and turns tree and status bar red', async () => {
    wrongPairUser = randomUUID();
    const realKey = randomBytes(16).toString('hex');
    const storedKey = randomBytes(16).toString('hex');
    suite.secrets.add(realKey).add(storedKey);
    suite.emulator.addApiUser({ id: wrongPairUser, apiKey: realKey, providerCallbackHost: 'webhook.example.com' });
    const added = await run('momo.addExistingApiUser', { ...SANDBOX_COLLECTION, apiUser: wrongPairUser, apiKey: storedKey });
    assert.strictEqual(added.ok, true, added.reason);

    const result = await run<VerifyResult>('momo.verifyApiUser', { apiUser: wrongPairUser, environment: 'sandbox', product: 'collection' });
    assert.strictEqual(result.ok, true, result.reason);
    assert.strictEqual(result.verified, false);
    assert.deepStrictEqual(result.steps.map((s) => `${s.step}:${s.ok}`), ['readUser:true', 'token:false']);

    const shown = suite.api.notifier.shown().at(-1);
    assert.strictEqual(shown?.severity, 'error');
    assert.match(String(shown?.message), /failed verification: ✓ user exists · ✗ token: /);
    assert.match(String(shown?.message), /Nothing was changed\./);
    assert.ok(shown?.buttons.includes('Verify Again'), shown?.buttons.join(', '));

    assert.strictEqual(await suite.api.store.getApiKey({ ...SANDBOX_COLLECTION, apiUser: wrongPairUser }), storedKey, 'verify must not change the key');
    const record = suite.api.store.index().apiUsers.find((u) => u.apiUser === wrongPairUser);
    assert.strictEqual(record?.lastVerified?.ok, false);
    assert.match(String(record?.lastVerified?.message), /^token: /);

    const row = (await renderTree(suite.api)).find((r) => r.node.kind === 'apiUser' && r.node.apiUser === wrongPairUser);
    assert.match(String(row?.item.description), /failed verification just now/);
    assert.strictEqual((row?.item.iconPath as vscode.ThemeIcon | undefined)?.id, 'error');
    assert.match(String(row?.item.tooltip), /failed at token/);
    assert.strictEqual((suite.api.statusBarItem.backgroundColor as vscode.ThemeColor | undefined)?.id, 'statusBarItem.errorBackground');
  });

  it('an unknown API user fails at the first step', async () => {
    const ghost = randomUUID();
    const ghostKey = randomBytes(16).toString('hex');
    suite.secrets.add(ghostKey);
    await run('momo.addExistingApiUser', { ...SANDBOX_COLLECTION, apiUser: ghost, apiKey: ghostKey });
    const result = await run<VerifyResult>('momo.verifyApiUser', { apiUser: ghost });
    assert.strictEqual(result.verified, false);
    assert.deepStrictEqual(result.steps.map((s) => `${s.step}:${s.ok}`), ['readUser:false']);
    await run('momo.removeApiUser', { apiUser: ghost, confirm: true });
  });

  it('turns the status bar to the warning colour when another stored user failed', async () => {
    // The active user is now the good one again; the wrong pair still failed its last check.
    const again = await run<VerifyResult>('momo.verifyApiUser', { apiUser: good });
    assert.strictEqual(again.verified, true);
    await run('momo.addExistingApiUser', { ...SANDBOX_COLLECTION, apiUser: good, apiKey: String(await suite.api.store.getApiKey({ ...SANDBOX_COLLECTION, apiUser: good })) });
    const color = (suite.api.statusBarItem.backgroundColor as vscode.ThemeColor | undefined)?.id;
    assert.strictEqual(color, 'statusBarItem.warningBackground');
    assert.match(String(suite.api.statusBarItem.tooltip), new RegExp(`${wrongPairUser.split('-')[0]}`));
  });

  it('explains what is missing instead of verifying a user without a stored key', async () => {
    await suite.api.secrets.delete(`momo/sandbox/collection/apiKey/${wrongPairUser}`);
    const result = await run('momo.verifyApiUser', { apiUser: wrongPairUser });
    assert.strictEqual(result.ok, false);
    const shown = suite.api.notifier.shown().at(-1);
    assert.match(String(shown?.message), /API key is not stored/);
    assert.deepStrictEqual(shown?.buttons, ['Generate New API Key', 'Add Existing API User']);
  });

  it('shows no secret in any message, log line, tree row or the status bar', async () => {
    await suite.api.notifier.idle();
    assertNoSecret(everythingShown(suite.api), suite.secrets, 'the MoMo log or a message');
    for (const row of await renderTree(suite.api)) {
      assertNoSecret(textOf(row.item), suite.secrets, `the tree row "${String(row.item.label)}"`);
    }
    assertNoSecret(`${suite.api.statusBarItem.text} ${String(suite.api.statusBarItem.tooltip)}`, suite.secrets, 'the status bar');
  });
});
