import * as assert from 'node:assert/strict';
import { runDoctor } from '../../../src/core/doctor';
import type { DoctorSubscriptionKey } from '../../../src/core/doctor';
import { assertNoSecrets, checksOf, only, useEmulator, writes } from './helpers';

describe('doctor: subscription keys', () => {
  const emulator = useEmulator();
  const doctor = (keys: DoctorSubscriptionKey[]) => runDoctor({ baseUrl: emulator().url, subscriptionKeys: keys });

  it('accepts a good key for its product, without creating anything', async () => {
    const before = emulator().requests.length;
    const users = emulator().apiUserCount();
    const report = await doctor([{ key: emulator().subscriptionKeys.collection.primary, product: 'collection' }]);
    assert.deepEqual(checksOf(report).slice(1), ['subscriptionKey.format:ok', 'subscriptionKey.gateway:ok']);
    assert.match(only(report.findings, 'subscriptionKey.gateway').message, /accepts this subscription key for Collections/);
    assert.deepEqual(writes(emulator(), before), []);
    assert.equal(emulator().apiUserCount(), users);
    // The probe reads an API user that does not exist: a 404 from MoMo means the gateway let the key through.
    assert.ok(emulator().requests.slice(before).some((r) => r.method === 'GET' && r.path.startsWith('/v1_0/apiuser/') && r.status === 404));
  });

  it('tells a Collection Widget key from a good one (401 invalid)', async () => {
    const widget = emulator().collectionWidgetKey;
    const report = await doctor([{ key: widget, product: 'collection' }]);
    assert.equal(only(report.findings, 'subscriptionKey.format').severity, 'ok', 'a Widget key looks exactly like a good one');
    const gateway = only(report.findings, 'subscriptionKey.gateway');
    assert.equal(gateway.ok, false);
    assert.match(gateway.message, /rejected the subscription key as invalid \(401\)/);
    assert.match(gateway.causes?.[0] ?? '', /Collection Widget/);
    assert.deepEqual(gateway.fixes?.map((f) => f.id), ['reenterSubscriptionKey', 'openPortal']);
    assert.equal(report.ok, false);
    assertNoSecrets(report, [widget]);
  });

  it("names the product a key belongs to when it is another product's key", async () => {
    const report = await doctor([{ key: emulator().subscriptionKeys.remittance.secondary, product: 'disbursement' }]);
    const gateway = only(report.findings, 'subscriptionKey.gateway');
    assert.equal(gateway.ok, false);
    assert.match(gateway.message, /Remittances subscription key, not a Disbursements one/);
  });

  it('only asks whether the gateway accepts a key whose product is not known', async () => {
    const report = await doctor([{ key: emulator().subscriptionKeys.remittance.primary }]);
    assert.equal(only(report.findings, 'subscriptionKey.gateway').message, 'The gateway accepts this subscription key.');
  });

  it('reports stray whitespace as a failure even though the trimmed key works', async () => {
    const key = emulator().subscriptionKeys.collection.primary;
    const report = await doctor([{ key: ` ${key}\n`, product: 'collection' }]);
    const format = only(report.findings, 'subscriptionKey.format');
    assert.equal(format.ok, false);
    assert.match(format.message, /a line break and spaces around it/);
    assert.equal(only(report.findings, 'subscriptionKey.gateway').severity, 'ok', 'the key itself is good');
    assert.equal(report.ok, false);
  });

  it('sends nothing for a key that has the wrong shape', async () => {
    const before = emulator().requests.length;
    const report = await doctor([{ key: '604eefeda5a9f82c1d33fcb6eb2420', product: 'collection' }]);
    const format = only(report.findings, 'subscriptionKey.format');
    assert.equal(format.ok, false);
    assert.match(format.message, /30 characters/);
    assert.equal(report.findings.filter((f) => f.check === 'subscriptionKey.gateway').length, 0);
    assert.equal(emulator().requests.length, before);
  });

  it('masks the key in the subject and never shows it whole', async () => {
    const key = emulator().subscriptionKeys.collection.primary;
    const report = await doctor([{ key, product: 'collection' }]);
    assert.equal(report.findings[1].subject, 'Collections subscription key ••••06f');
    assertNoSecrets(report, [key]);
  });

  it('says the check could not run during an outage (503), and fails', async () => {
    emulator().injectFault({ kind: 'status', status: 503, body: 'Service Unavailable', times: 10 });
    const report = await doctor([{ key: emulator().subscriptionKeys.collection.primary, product: 'collection' }]);
    const gateway = only(report.findings, 'subscriptionKey.gateway');
    assert.equal(gateway.ok, false);
    assert.match(gateway.message, /^Could not check the subscription key: .*temporarily unavailable \(503\)/);
    assert.equal(gateway.fixes?.[0].id, 'retry');
  });

  describe('on a production host (no Provisioning API)', () => {
    const production = useEmulator({ mode: 'production' });

    it('checks the key through the token endpoint of its product', async () => {
      const good = await runDoctor({
        baseUrl: production().url,
        targetEnvironment: 'mtnuganda',
        subscriptionKeys: [{ key: production().subscriptionKeys.collection.primary, product: 'collection' }],
      });
      assert.equal(only(good.findings, 'subscriptionKey.gateway').severity, 'ok');
      assert.ok(production().requests.every((r) => !r.path.startsWith('/v1_0/apiuser')), 'production has no provisioning to probe');

      const widget = await runDoctor({
        baseUrl: production().url,
        targetEnvironment: 'mtnuganda',
        subscriptionKeys: [{ key: production().collectionWidgetKey, product: 'collection' }],
      });
      assert.match(only(widget.findings, 'subscriptionKey.gateway').message, /invalid \(401\)/);
    });

    it('falls back to the token probe when the host turns out to have no provisioning', async () => {
      // No target environment given: the local host looks like a sandbox until it answers the gateway 404.
      const report = await runDoctor({ baseUrl: production().url, subscriptionKeys: [{ key: production().subscriptionKeys.disbursement.primary, product: 'disbursement' }] });
      assert.equal(only(report.findings, 'subscriptionKey.gateway').severity, 'ok');
    });

    it('says a key without a product cannot be checked there', async () => {
      const report = await runDoctor({ baseUrl: production().url, targetEnvironment: 'mtnuganda', subscriptionKeys: [{ key: production().subscriptionKeys.collection.primary }] });
      assert.equal(only(report.findings, 'subscriptionKey.gateway').severity, 'info');
    });
  });
});
