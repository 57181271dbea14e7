// A production pair is only ever sent to its own platform's host: with both platforms
// configured (two emulators capturing every request), the new platform's System Credentials
// never reach the legacy host and the legacy API user never reaches the new one, in Verify
// and in the doctor; a new-platform URL that names a legacy host is refused before sending.
import * as assert from 'assert';
import type { DoctorReport } from '../../../src/core/doctor';
import { assertNoSecret, everythingShown, run } from '../extension/testKit';
import {
  basicPairOf,
  CREDENTIAL_TOKEN,
  LEGACY_KEY,
  LEGACY_USER,
  requestsCarry,
  setMomoSetting,
  SYSTEM_USER_ID,
  UGANDA_COLLECTION,
  useTwoPlatforms,
} from './productionKit';

interface VerifyResult {
  verified: boolean;
  steps: Array<{ step: string; ok: boolean; message: string }>;
}

describe('production: each pair only to its own platform', function () {
  const suite = useTwoPlatforms();
  const systemPair = [SYSTEM_USER_ID, CREDENTIAL_TOKEN];
  const legacyPair = [LEGACY_USER, LEGACY_KEY];

  before(async () => {
    const system = await run('momo.addExistingApiUser', { ...UGANDA_COLLECTION, credentialKind: 'system', apiUser: SYSTEM_USER_ID, apiKey: CREDENTIAL_TOKEN });
    assert.strictEqual(system.ok, true, system.reason);
    const legacy = await run('momo.addExistingApiUser', { ...UGANDA_COLLECTION, apiUser: LEGACY_USER, apiKey: LEGACY_KEY });
    assert.strictEqual(legacy.ok, true, legacy.reason);
  });

  it('verifies each pair at its own platform, and the other platform sees neither value', async () => {
    const system = await run<VerifyResult>('momo.verifyApiUser', { ...UGANDA_COLLECTION, apiUser: SYSTEM_USER_ID });
    assert.strictEqual(system.verified, true, JSON.stringify(system.steps));
    const legacy = await run<VerifyResult>('momo.verifyApiUser', { ...UGANDA_COLLECTION, apiUser: LEGACY_USER });
    assert.strictEqual(legacy.verified, true, JSON.stringify(legacy.steps));
    assert.ok(suite.newPlatform.requests.some((r) => basicPairOf(r) === `${SYSTEM_USER_ID}:${CREDENTIAL_TOKEN}`), 'the new platform got its pair');
    assert.ok(suite.legacy.requests.some((r) => basicPairOf(r) === `${LEGACY_USER}:${LEGACY_KEY}`), 'the legacy platform got its pair');
    assert.strictEqual(requestsCarry(suite.legacy.requests, systemPair), false, 'System Credentials reached the legacy host');
    assert.strictEqual(requestsCarry(suite.newPlatform.requests, legacyPair), false, 'the legacy API user reached the new host');
  });

  it('the doctor checks both pairs in one report, each at its own platform', async () => {
    const legacyBefore = suite.legacy.requests.length;
    const newBefore = suite.newPlatform.requests.length;
    const result = await run<{ report: DoctorReport }>('momo.diagnoseSetup', { environment: 'mtnuganda', workspace: false, show: false });
    assert.strictEqual(result.ok, true, result.reason);
    const tokens = result.report.findings.filter((f) => f.check === 'apiUser.token');
    assert.deepStrictEqual(tokens.map((f) => f.severity), ['ok', 'ok'], JSON.stringify(tokens));
    const platforms = result.report.findings.filter((f) => f.check === 'apiUser.platform').map((f) => f.message);
    assert.ok(platforms.some((m) => /System Credentials .* of the new platform/.test(m)), platforms.join('\n'));
    assert.ok(platforms.some((m) => /API user \+ API key of the legacy platform/.test(m)), platforms.join('\n'));
    assert.ok(requestsCarry(suite.newPlatform.requests.slice(newBefore), systemPair), 'the System Credentials were checked at the new platform');
    assert.ok(requestsCarry(suite.legacy.requests.slice(legacyBefore), legacyPair), 'the API user was checked at the legacy platform');
    assert.strictEqual(requestsCarry(suite.legacy.requests, systemPair), false, 'System Credentials reached the legacy host');
    assert.strictEqual(requestsCarry(suite.newPlatform.requests, legacyPair), false, 'the legacy API user reached the new host');
    assertNoSecret(JSON.stringify(result.report), suite.secrets, 'the doctor report');
  });

  it("refuses to send System Credentials when the new platform's URL names the legacy host, before any request", async () => {
    await setMomoSetting('production.newPlatformBaseUrl', 'https://proxy.momoapi.mtn.com');
    try {
      const result = await run<VerifyResult>('momo.verifyApiUser', { ...UGANDA_COLLECTION, apiUser: SYSTEM_USER_ID });
      assert.strictEqual(result.verified, false);
      assert.match(result.steps[0]?.message ?? '', /legacy platform.*not sent/);
    } finally {
      await setMomoSetting('production.newPlatformBaseUrl', suite.newPlatform.url);
    }
  });

  it('leaked no secret anywhere it showed or logged', () => {
    assertNoSecret(everythingShown(suite.api), suite.secrets, 'the log and the notifications');
  });
});
