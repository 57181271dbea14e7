import * as assert from 'node:assert/strict';
import { runDoctor } from '../../../src/core/doctor';
import type { DoctorFinding } from '../../../src/core/doctor';
import { assertNoSecrets, only, provisionUser, useEmulator, writes } from './helpers';

describe('doctor: runDoctor', () => {
  const emulator = useEmulator();

  it('runs the checks in order and passes a healthy setup', async () => {
    const user = await provisionUser(emulator());
    const seen: DoctorFinding[] = [];
    const report = await runDoctor(
      {
        baseUrl: emulator().url,
        subscriptionKeys: [{ key: user.subscriptionKey, product: 'collection' }],
        apiUsers: [{ apiUser: user.apiUser, apiKey: user.apiKey, product: 'collection' }],
        targetEnvironment: 'sandbox',
        currency: 'EUR',
      },
      { onFinding: (f) => seen.push(f) },
    );
    assert.deepEqual(
      report.findings.map((f) => f.check),
      [
        'baseUrl',
        'subscriptionKey.format',
        'subscriptionKey.gateway',
        'apiUser.format',
        'apiKey.format',
        'apiUser.exists',
        'apiUser.token',
        'targetEnvironment',
        'currency',
        'targetEnvironment.balance',
      ],
    );
    assert.equal(report.ok, true);
    assert.equal(report.cancelled, false);
    assert.deepEqual(report.counts, { error: 0, warning: 0, info: 1, ok: 9 });
    assert.deepEqual(seen, report.findings, 'onFinding sees every finding, in order');
    assertNoSecrets(report, [user.apiKey, user.subscriptionKey]);
  });

  it('creates nothing: the only POSTs are token requests', async () => {
    const user = await provisionUser(emulator());
    const users = emulator().apiUserCount();
    const before = emulator().requests.length;
    await runDoctor({
      baseUrl: emulator().url,
      subscriptionKeys: [{ key: user.subscriptionKey, product: 'collection' }, { key: emulator().collectionWidgetKey }],
      apiUsers: [{ apiUser: user.apiUser, apiKey: user.apiKey, product: 'collection' }],
    });
    assert.deepEqual(writes(emulator(), before), []);
    assert.equal(emulator().apiUserCount(), users);
  });

  it('fails every online check during an outage (503) with the outage named', async () => {
    const user = await provisionUser(emulator());
    emulator().injectFault({ kind: 'status', status: 503, body: { statusCode: 503, message: 'Service Unavailable' }, times: 100 });
    const report = await runDoctor({
      baseUrl: emulator().url,
      subscriptionKeys: [{ key: user.subscriptionKey, product: 'collection' }],
      apiUsers: [{ apiUser: user.apiUser, apiKey: user.apiKey, product: 'collection' }],
    });
    assert.equal(report.ok, false);
    const failed = report.findings.filter((f) => !f.ok);
    assert.deepEqual(failed.map((f) => f.check), ['subscriptionKey.gateway', 'apiUser.exists', 'apiUser.token']);
    for (const finding of failed) assert.match(finding.message, /temporarily unavailable \(503\)/);
  });

  it('explains a pasted error first, without failing the report', async () => {
    const report = await runDoctor({ errorText: '401 Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.' });
    assert.equal(report.findings.length, 1, 'no base URL check when nothing needs the network');
    const explained = only(report.findings, 'explain');
    assert.equal(explained.severity, 'info');
    assert.match(explained.message, /^The pasted error means: .*invalid \(401\)/);
    assert.match(explained.causes?.[0] ?? '', /Collection Widget/);
    assert.equal(explained.next, 'Enter the subscription key again');
    assert.equal(report.ok, true);
  });

  it('explains login_failed and says when a pasted text is not recognised', async () => {
    const login = await runDoctor({ errorText: '{"error": "login_failed"}' });
    assert.match(only(login.findings, 'explain').message, /login_failed/);
    const unknown = await runDoctor({ errorText: 'my cat walked on the keyboard' });
    assert.equal(only(unknown.findings, 'explain').severity, 'warning');
  });

  it('does not repeat a secret that came in the pasted text', async () => {
    const secret = '0123456789abcdef0123456789abcdef';
    const report = await runDoctor({ errorText: `curl -H "Ocp-Apim-Subscription-Key: ${secret}" → 401 Access denied due to invalid subscription key` });
    assertNoSecrets(report, [secret]);
  });

  it('appends the workspace findings it is given, redacting any known secret', async () => {
    const key = emulator().subscriptionKeys.collection.primary;
    const workspace: DoctorFinding = { check: 'workspace.hardcodedSecret', ok: false, severity: 'error', message: `settings.py holds ${key}` };
    const report = await runDoctor({ subscriptionKeys: [{ key: 'not a key' }], workspaceFindings: [workspace] });
    const last = report.findings[report.findings.length - 1];
    assert.equal(last.check, 'workspace.hardcodedSecret');
    assert.equal(last.message, 'settings.py holds ••••06f');
    assert.equal(report.ok, false);
  });

  it('stops when cancelled and keeps what it found so far', async () => {
    const controller = new AbortController();
    const report = await runDoctor(
      {
        baseUrl: emulator().url,
        subscriptionKeys: [{ key: emulator().subscriptionKeys.collection.primary, product: 'collection' }],
        apiUsers: [{ apiUser: '3f2b8c1e-7d4a-4e6b-9c0d-5a1b2c3d4e5f', product: 'collection' }],
      },
      { signal: controller.signal, onFinding: (f) => f.check === 'baseUrl' && controller.abort() },
    );
    assert.equal(report.cancelled, true);
    assert.equal(report.ok, false);
    assert.deepEqual(report.findings.map((f) => f.check), ['baseUrl']);
  });

  it('checks only the values alone when the base URL cannot be used', async () => {
    const report = await runDoctor({ baseUrl: 'https://momodeveloper.mtn.com', subscriptionKeys: [{ key: emulator().subscriptionKeys.collection.primary }] });
    assert.deepEqual(report.findings.map((f) => `${f.check}:${f.severity}`), ['baseUrl:error', 'subscriptionKey.format:ok']);
  });
});
