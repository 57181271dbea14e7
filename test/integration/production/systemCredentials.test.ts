// MTN's new production platform in a real VS Code: a System Credentials pair (base64 User ID
// ending in "=", a Credential Token with punctuation) added for mtnuganda, verified against the
// emulator's production-new mode, its platform shown in the tree and the doctor.
import * as assert from 'assert';
import type { DoctorReport } from '../../../src/core/doctor';
import { progressTitle } from '../../../src/vscode/commands/verifyApiUser';
import { assertNoSecret, everythingShown, renderTree, run, textOf } from '../extension/testKit';
import { makeProject, readText, removeTestProjects, type InsertResult } from '../settings/settingsKit';
import { basicPairOf, CREDENTIAL_TOKEN, SYSTEM_USER_ID, UGANDA_COLLECTION, useTwoPlatforms } from './productionKit';

interface VerifyResult {
  verified: boolean;
  steps: Array<{ step: string; ok: boolean; message: string }>;
}

describe('production: System Credentials on the new platform', function () {
  const suite = useTwoPlatforms();

  /** The pair the first test adds, added here when a later test runs alone (MOMO_TEST_GREP). */
  async function givenSystemCredentials(): Promise<void> {
    if (suite.api.store.index().apiUsers.some((u) => u.apiUser === SYSTEM_USER_ID)) return;
    const added = await run('momo.addExistingApiUser', { ...UGANDA_COLLECTION, apiUser: SYSTEM_USER_ID, apiKey: CREDENTIAL_TOKEN });
    assert.strictEqual(added.ok, true, added.reason);
  }

  it('asks nothing when the User ID says its kind: added as System Credentials of the new platform, User ID kept exactly', async () => {
    const added = await run<{ credentialKind: string; platform: string; apiUser: string }>('momo.addExistingApiUser', {
      ...UGANDA_COLLECTION,
      apiUser: SYSTEM_USER_ID,
      apiKey: CREDENTIAL_TOKEN,
    });
    assert.strictEqual(added.ok, true, added.reason);
    assert.strictEqual(added.credentialKind, 'system', "recognised from the User ID's shape");
    assert.strictEqual(added.platform, 'new');
    assert.strictEqual(added.apiUser, SYSTEM_USER_ID);
    const record = suite.api.store.index().apiUsers.find((u) => u.environment === 'mtnuganda');
    assert.deepStrictEqual(
      { apiUser: record?.apiUser, credentialKind: record?.credentialKind, platform: record?.platform, keyStored: record?.keyStored },
      { apiUser: SYSTEM_USER_ID, credentialKind: 'system', platform: 'new', keyStored: true },
    );
    assert.strictEqual(await suite.api.store.getApiKey({ ...UGANDA_COLLECTION, apiUser: SYSTEM_USER_ID }), CREDENTIAL_TOKEN);
    assert.match(String(suite.api.notifier.shown().at(-1)?.message), /Added System Credentials U3lzdGVt… .* on the new platform/);
  });

  it('refuses the pair when told it is an API user + API key, saying what is wrong without repeating it', async () => {
    const refused = await run('momo.addExistingApiUser', { ...UGANDA_COLLECTION, credentialKind: 'apiKey', apiUser: SYSTEM_USER_ID, apiKey: CREDENTIAL_TOKEN });
    assert.strictEqual(refused.ok, false);
    assert.match(String(refused.reason), /API user id was not accepted/);
    assertNoSecret(String(refused.reason), suite.secrets, 'the refusal');
  });

  it('refuses a Credential Token with a space, by its own rules', async () => {
    const before = suite.api.store.index().apiUsers.length;
    const refused = await run('momo.addExistingApiUser', { ...UGANDA_COLLECTION, credentialKind: 'system', apiUser: 'T3RoZXJVc2VySWQ=', apiKey: 'Ug.7d_K-3p Xs!Fm=Nb5.cQ1' });
    assert.strictEqual(refused.ok, false);
    assert.match(String(refused.reason), /Credential Token was not accepted: .*spaces/);
    assert.strictEqual(suite.api.store.index().apiUsers.length, before, 'nothing stored');
  });

  it('shows the platform in the tree, without the token', async () => {
    await givenSystemCredentials();
    const row = (await renderTree(suite.api)).find((r) => r.node.kind === 'apiUser' && r.node.apiUser === SYSTEM_USER_ID);
    assert.ok(row, 'the pair has a row');
    assert.strictEqual(String(row.item.label), 'System Credentials U3lzdGVt…');
    assert.match(String(row.item.description), /^new platform · /);
    assert.match(textOf(row.item), /new platform \(127\.0\.0\.1:\d+\)|new platform \(momoapi\.momo\.africa\)/);
    assertNoSecret(textOf(row.item), suite.secrets, 'the tree row');
  });

  it('verifies the pair on the new platform: X-Target-Environment, the product User-Agent and the raw values on the token call', async () => {
    await givenSystemCredentials();
    const before = suite.newPlatform.requests.length;
    const result = await run<VerifyResult>('momo.verifyApiUser', { ...UGANDA_COLLECTION, apiUser: SYSTEM_USER_ID });
    assert.strictEqual(result.ok, true, result.reason);
    assert.strictEqual(result.verified, true, JSON.stringify(result.steps));
    assert.deepStrictEqual(result.steps.map((s) => `${s.step}:${s.ok}`), ['token:true', 'balance:true']);
    assert.match(result.steps[1]?.message ?? '', /UGX/);
    const token = suite.newPlatform.requests.slice(before).find((r) => r.path === '/collection/token/');
    assert.ok(token, 'the token request reached the new platform');
    assert.strictEqual(token.headers['x-target-environment'], 'mtnuganda');
    assert.match(String(token.headers['user-agent']), /^momo-credentials\/\d+\.\d+\.\d+/);
    assert.strictEqual(basicPairOf(token), `${SYSTEM_USER_ID}:${CREDENTIAL_TOKEN}`, 'raw values, never URL-encoded');
    assert.match(progressTitle('System Credentials U3lzdGVt…', 'new'), /10–20 s/);
    const row = (await renderTree(suite.api)).find((r) => r.node.kind === 'apiUser' && r.node.apiUser === SYSTEM_USER_ID);
    assert.match(String(row?.item.description), /^new platform · /);
  });

  it("runs the doctor on the pair's platform and says which platform it is for", async () => {
    await givenSystemCredentials();
    const result = await run<{ report: DoctorReport }>('momo.diagnoseSetup', { environment: 'mtnuganda', workspace: false, show: false });
    assert.strictEqual(result.ok, true, result.reason);
    const findings = result.report.findings;
    const platform = findings.find((f) => f.check === 'apiUser.platform');
    assert.strictEqual(platform?.severity, 'info');
    assert.match(platform?.message ?? '', /System Credentials .* of the new platform/);
    assert.match(platform?.subject ?? '', /Collections System Credentials U3lzdGVtVXNlclVnYW5kYQ=/);
    assert.strictEqual(findings.find((f) => f.check === 'apiUser.token')?.severity, 'ok');
    assertNoSecret(JSON.stringify(result.report), suite.secrets, 'the doctor report');
  });

  it("writes the pair into a .env under the names the file already uses for System Credentials", async () => {
    await givenSystemCredentials();
    const dir = await makeProject('system-credentials', { '.env': 'DEBUG=True\nCOLLECTION_USER_ID=\nCOLLECTION_CREDENTIAL_TOKEN=\n' });
    try {
      const result = await run<InsertResult>('momo.insertIntoSettings', { ...UGANDA_COLLECTION, apiUser: SYSTEM_USER_ID, file: `${dir}/.env` });
      assert.strictEqual(result.ok, true, result.reason);
      const text = String(await readText(`${dir}/.env`));
      assert.match(text, /^COLLECTION_USER_ID=U3lzdGVtVXNlclVnYW5kYQ=$/m);
      assert.ok(text.split('\n').includes(`COLLECTION_CREDENTIAL_TOKEN=${CREDENTIAL_TOKEN}`), 'the token, exactly as given');
      assert.doesNotMatch(text, /MOMO_API_USER|MOMO_API_KEY/, 'no API user names added beside them');
    } finally {
      await removeTestProjects();
    }
  });

  it('leaked no token anywhere it showed or logged', () => {
    assertNoSecret(everythingShown(suite.api), suite.secrets, 'the log and the notifications');
  });
});
