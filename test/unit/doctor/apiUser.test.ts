import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { runDoctor } from '../../../src/core/doctor';
import type { DoctorApiUser } from '../../../src/core/doctor';
import { MomoClient } from '../../../src/core/momo/client';
import { assertNoSecrets, checksOf, only, provisionUser, useEmulator, writes } from './helpers';

describe('doctor: API users', () => {
  const emulator = useEmulator();
  const doctor = (user: DoctorApiUser) => runDoctor({ baseUrl: emulator().url, apiUsers: [user] });

  it('confirms a user that exists and whose key gets a token, and changes nothing', async () => {
    const user = await provisionUser(emulator());
    const before = emulator().requests.length;
    const report = await doctor({ ...user, product: 'collection' });
    assert.deepEqual(checksOf(report), [
      'baseUrl:info',
      'apiUser.format:ok',
      'apiKey.format:ok',
      'apiUser.exists:ok',
      'apiUser.token:ok',
      'targetEnvironment.balance:ok',
    ]);
    assert.match(only(report.findings, 'apiUser.exists').message, /provider callback host example\.com/);
    assert.equal(report.ok, true);
    assert.deepEqual(writes(emulator(), before), []);
    assertNoSecrets(report, [user.apiKey, user.subscriptionKey]);
  });

  it('explains login_failed after the key was regenerated: the old key no longer works', async () => {
    const user = await provisionUser(emulator());
    await new MomoClient({ baseUrl: emulator().url }).createApiKey(user.subscriptionKey, user.apiUser);
    const report = await doctor({ ...user, product: 'collection' });
    assert.equal(only(report.findings, 'apiUser.exists').severity, 'ok');
    const token = only(report.findings, 'apiUser.token');
    assert.equal(token.ok, false);
    assert.match(token.message, /login_failed/);
    assert.ok(token.causes?.some((c) => /newer API key was created/.test(c)), 'names the regenerated key as a cause');
    assert.ok(token.causes?.some((c) => /does not belong to this API user/.test(c)), 'names the wrong pair as a cause');
    assert.equal(token.fixes?.[0].id, 'regenerateApiKey');
    assert.equal(report.ok, false);
    assertNoSecrets(report, [user.apiKey]);
  });

  it('reports an unknown user and no token finding for it', async () => {
    const subscriptionKey = emulator().subscriptionKeys.collection.primary;
    const apiUser = randomUUID();
    const before = emulator().requests.length;
    const report = await doctor({ apiUser, apiKey: 'a'.repeat(31) + 'b', product: 'collection', subscriptionKey });
    const exists = only(report.findings, 'apiUser.exists');
    assert.equal(exists.ok, false);
    assert.match(exists.message, new RegExp(`${apiUser} does not exist`));
    assert.equal(report.findings.filter((f) => f.check === 'apiUser.token').length, 0);
    // The token request went out beside the read (issue 15: one round trip); its answer is dropped.
    assert.deepEqual(writes(emulator(), before), []);
  });

  it('uses the given subscription key of the same product', async () => {
    const user = await provisionUser(emulator(), 'disbursement');
    const report = await runDoctor({
      baseUrl: emulator().url,
      subscriptionKeys: [
        { key: emulator().subscriptionKeys.collection.primary, product: 'collection' },
        { key: user.subscriptionKey, product: 'disbursement' },
      ],
      apiUsers: [{ apiUser: user.apiUser, apiKey: user.apiKey, product: 'disbursement' }],
    });
    assert.equal(only(report.findings, 'apiUser.token').severity, 'ok');
  });

  it('says when no subscription key is there to check the user with', async () => {
    const report = await doctor({ apiUser: randomUUID(), product: 'remittance' });
    const exists = only(report.findings, 'apiUser.exists');
    assert.equal(exists.severity, 'warning');
    assert.match(exists.message, /no Remittances subscription key/);
  });

  it('says that no token was requested when the key is not stored', async () => {
    const user = await provisionUser(emulator());
    const report = await doctor({ apiUser: user.apiUser, subscriptionKey: user.subscriptionKey, product: 'collection' });
    assert.equal(only(report.findings, 'apiUser.token').severity, 'info');
  });

  it("flags MTN's documentation example user, and a malformed id without calling", async () => {
    const example = await doctor({ apiUser: '81660f34-0fda-4873-9fbd-057d8ecf1b98', product: 'collection' });
    assert.equal(only(example.findings, 'apiUser.format').severity, 'warning');
    const before = emulator().requests.length;
    const malformed = await doctor({ apiUser: 'LISTING-12-ab', product: 'collection', subscriptionKey: emulator().subscriptionKeys.collection.primary });
    assert.equal(only(malformed.findings, 'apiUser.format').ok, false);
    assert.equal(emulator().requests.length, before);
  });

  it('says an outage stopped the check (503)', async () => {
    const user = await provisionUser(emulator());
    emulator().injectFault({ kind: 'status', status: 503, times: 10 });
    const report = await doctor({ ...user, product: 'collection' });
    const exists = only(report.findings, 'apiUser.exists');
    assert.equal(exists.ok, false);
    assert.match(exists.message, /^Could not read the API user: .*unavailable \(503\)/);
  });

  describe('in production', () => {
    const production = useEmulator({ mode: 'production' });

    it('skips the read (no Provisioning API) and checks the pair through the token', async () => {
      const apiUser = randomUUID();
      const apiKey = '0123456789abcdef0123456789abcdef';
      production().addApiUser({ id: apiUser, apiKey, providerCallbackHost: 'example.com', targetEnvironment: 'mtnuganda' });
      const report = await runDoctor({
        baseUrl: production().url,
        targetEnvironment: 'mtnuganda',
        currency: 'UGX',
        apiUsers: [{ apiUser, apiKey, product: 'collection', subscriptionKey: production().subscriptionKeys.collection.primary }],
      });
      assert.equal(only(report.findings, 'apiUser.exists').severity, 'info');
      assert.equal(only(report.findings, 'apiUser.token').severity, 'ok');
      assert.equal(only(report.findings, 'targetEnvironment.balance').severity, 'ok');
      assert.equal(report.ok, true, JSON.stringify(report.findings.filter((f) => !f.ok)));
    });
  });
});
