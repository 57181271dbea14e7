// MTN's new production platform in a real VS Code: a System Credentials pair (base64 User ID
// ending in "=", a Credential Token with punctuation) added for mtnuganda, verified against the
// emulator's production-new mode, its platform shown in the tree and the doctor, and never sent
// to the other platform's host.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { DoctorReport } from '../../../src/core/doctor';
import type { MomoExtensionApi } from '../../../src/extension';
import type { RunningEmulator } from '../../../src/emulator/types';
import { progressTitle } from '../../../src/vscode/commands/verifyApiUser';
import { emulatorAvailable, startTestEmulator } from '../harness';
import { assertNoSecret, everythingShown, momoApi, renderTree, resetExtension, run, textOf } from '../extension/testKit';

const USER_ID = 'U3lzdGVtVXNlclVnYW5kYQ=';
const TOKEN = 'Ug.7d_K-3p~Xs!Fm=Nb5.cQ1_zR-8';
const UGANDA_COLLECTION = { environment: 'mtnuganda', product: 'collection' } as const;

interface VerifyResult {
  verified: boolean;
  steps: Array<{ step: string; ok: boolean; message: string }>;
}

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('momo').update(key, value, vscode.ConfigurationTarget.Global);
}

describe('production: System Credentials on the new platform', function () {
  let api: MomoExtensionApi;
  let emulator: RunningEmulator;
  const secrets = new Set<string>([TOKEN]);

  before(async function () {
    if (!emulatorAvailable()) this.skip();
    api = await momoApi();
    emulator = await startTestEmulator({ mode: 'production-new' });
    await resetExtension(api);
    emulator.issueSystemCredentials({ userId: USER_ID, credentialToken: TOKEN, targetEnvironment: 'mtnuganda' });
    // The new platform's host is the emulator; the legacy host stays MTN's, so a legacy call would not reach it.
    await setSetting('production.newPlatformBaseUrl', emulator.url);
    const key = emulator.subscriptionKeys.collection.primary;
    secrets.add(key);
    const set = await run('momo.setSubscriptionKey', { ...UGANDA_COLLECTION, key, keyType: 'primary' });
    assert.strictEqual(set.ok, true, set.reason);
  });

  after(async () => {
    if (api) await resetExtension(api);
    await setSetting('production.newPlatformBaseUrl', undefined);
    await emulator?.close();
  });

  it('adds the pair as System Credentials for the new platform, User ID kept exactly', async () => {
    const added = await run<{ credentialKind: string; platform: string; apiUser: string }>('momo.addExistingApiUser', {
      ...UGANDA_COLLECTION,
      apiUser: USER_ID,
      apiKey: TOKEN,
    });
    assert.strictEqual(added.ok, true, added.reason);
    assert.strictEqual(added.credentialKind, 'system', 'recognised from the User ID\'s shape');
    assert.strictEqual(added.platform, 'new');
    assert.strictEqual(added.apiUser, USER_ID);
    const record = api.store.index().apiUsers.find((u) => u.environment === 'mtnuganda');
    assert.deepStrictEqual(
      { apiUser: record?.apiUser, credentialKind: record?.credentialKind, platform: record?.platform, keyStored: record?.keyStored },
      { apiUser: USER_ID, credentialKind: 'system', platform: 'new', keyStored: true },
    );
    assert.strictEqual(await api.store.getApiKey({ ...UGANDA_COLLECTION, apiUser: USER_ID }), TOKEN);
    assert.match(String(api.notifier.shown().at(-1)?.message), /Added System Credentials .* on the new platform/);
  });

  it('refuses a System Credentials pair given as an API user + API key, saying why', async () => {
    const refused = await run('momo.addExistingApiUser', { ...UGANDA_COLLECTION, credentialKind: 'apiKey', apiUser: USER_ID, apiKey: TOKEN });
    assert.strictEqual(refused.ok, false);
    assert.match(String(refused.reason), /API user id was not accepted/);
    assertNoSecret(String(refused.reason), secrets, 'the refusal');
  });

  it('shows the platform in the tree, without the token', async () => {
    const row = (await renderTree(api)).find((r) => r.node.kind === 'apiUser' && r.node.apiUser === USER_ID);
    assert.ok(row, 'the pair has a row');
    assert.match(String(row.item.label), /^System Credentials U3lzdGVt…$/);
    assert.match(String(row.item.description), /^new platform · token stored/);
    assert.match(textOf(row.item), /new platform \(momoapi\.momo\.africa\)/);
    assertNoSecret(textOf(row.item), secrets, 'the tree row');
  });

  it('verifies the pair against the new platform: X-Target-Environment and the product User-Agent on the token call', async () => {
    const before = emulator.requests.length;
    const result = await run<VerifyResult>('momo.verifyApiUser', { ...UGANDA_COLLECTION, apiUser: USER_ID });
    assert.strictEqual(result.ok, true, result.reason);
    assert.strictEqual(result.verified, true, JSON.stringify(result.steps));
    assert.deepStrictEqual(result.steps.map((s) => `${s.step}:${s.ok}`), ['token:true', 'balance:true']);
    assert.match(result.steps[1]?.message ?? '', /UGX/);
    const token = emulator.requests.slice(before).find((r) => r.path === '/collection/token/');
    assert.strictEqual(token?.headers['x-target-environment'], 'mtnuganda');
    assert.match(String(token?.headers['user-agent']), /^momo-credentials\/\d+\.\d+\.\d+$/);
    const basic = Buffer.from(String(token?.headers.authorization).replace(/^Basic /, ''), 'base64').toString('utf8');
    assert.strictEqual(basic, `${USER_ID}:${TOKEN}`, 'raw values, never URL-encoded');
    assert.match(progressTitle('System Credentials U3lzdGVt…', 'new'), /10–20 s/);
  });

  it('runs the doctor on the pair\'s platform and says which platform it is for', async () => {
    const result = await run<{ report: DoctorReport }>('momo.diagnoseSetup', { environment: 'mtnuganda', workspace: false, show: false });
    assert.strictEqual(result.ok, true, result.reason);
    const findings = result.report.findings;
    const platform = findings.find((f) => f.check === 'apiUser.platform');
    assert.strictEqual(platform?.severity, 'info');
    assert.match(platform?.message ?? '', /System Credentials .* of the new platform/);
    assert.match(platform?.subject ?? '', /Collections System Credentials U3lzdGVtVXNlclVnYW5kYQ=/);
    assert.strictEqual(findings.find((f) => f.check === 'apiUser.token')?.severity, 'ok');
    assert.strictEqual(result.report.ok, true, JSON.stringify(findings.filter((f) => !f.ok)));
    assertNoSecret(JSON.stringify(result.report), secrets, 'the doctor report');
  });

  it('never sends the pair to the legacy platform\'s host', async () => {
    await setSetting('production.newPlatformBaseUrl', 'https://proxy.momoapi.mtn.com');
    try {
      const result = await run<VerifyResult>('momo.verifyApiUser', { ...UGANDA_COLLECTION, apiUser: USER_ID });
      assert.strictEqual(result.verified, false);
      assert.match(result.steps[0]?.message ?? '', /legacy platform.*not sent/);
    } finally {
      await setSetting('production.newPlatformBaseUrl', emulator.url);
    }
  });

  it('leaked no token anywhere it showed or logged', () => {
    assertNoSecret(everythingShown(api), secrets, 'the log and the notifications');
  });
});
