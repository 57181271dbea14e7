import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { verifyApiUser } from '../../../src/core/doctor';
import { MomoClient } from '../../../src/core/momo/client';
import { assertNoSecrets, provisionUser, useEmulator, writes } from './helpers';

describe('doctor: verifyApiUser', () => {
  const emulator = useEmulator();

  it('reads the user, gets a token, reads the balance and checks an account holder', async () => {
    const user = await provisionUser(emulator(), 'remittance');
    const before = emulator().requests.length;
    const report = await verifyApiUser({ baseUrl: emulator().url, product: 'remittance', ...user });
    assert.equal(report.ok, true);
    assert.deepEqual(report.steps.map((s) => [s.step, s.ok]), [['readUser', true], ['token', true], ['balance', true], ['accountHolder', true]]);
    assert.match(report.steps[0].message, /exists in sandbox, provider callback host example\.com/);
    assert.equal(report.steps[2].message, 'Balance read: 1000 EUR in sandbox.');
    assert.match(report.steps[3].message, /is an active account holder/);
    assert.deepEqual(writes(emulator(), before), [], 'verifying never changes a credential');
    assertNoSecrets(report, [user.apiKey, user.subscriptionKey]);
  });

  it('passes on token and balance when the gateway does not serve the account-holder call: that is only a note', async () => {
    const user = await provisionUser(emulator());
    emulator().injectFault({ kind: 'status', path: '/accountholder/', status: 404, body: { statusCode: 404, message: 'Resource not found' } });
    const report = await verifyApiUser({ baseUrl: emulator().url, product: 'collection', ...user });
    assert.equal(report.ok, true, 'the credentials are judged on the token and the balance');
    assert.deepEqual(report.steps.map((s) => [s.step, s.ok, s.note === true]), [
      ['readUser', true, false],
      ['token', true, false],
      ['balance', true, false],
      ['accountHolder', false, true],
    ]);
  });

  it('stops at the token with the explanation when the key was regenerated', async () => {
    const user = await provisionUser(emulator());
    await new MomoClient({ baseUrl: emulator().url }).createApiKey(user.subscriptionKey, user.apiUser);
    const report = await verifyApiUser({ baseUrl: emulator().url, product: 'collection', ...user });
    assert.deepEqual(report.steps.map((s) => [s.step, s.ok]), [['readUser', true], ['token', false]]);
    assert.equal(report.steps[1].error?.kind, 'loginFailed');
    assert.equal(report.steps[1].next, 'Create a new API key for this API user');
  });

  it('stops at reading the user when it does not exist', async () => {
    const report = await verifyApiUser({
      baseUrl: emulator().url,
      product: 'collection',
      subscriptionKey: emulator().subscriptionKeys.collection.primary,
      apiUser: randomUUID(),
      apiKey: '0123456789abcdef0123456789abcdef',
    });
    assert.deepEqual(report.steps.map((s) => [s.step, s.ok]), [['readUser', false]]);
    assert.equal(report.steps[0].error?.kind, 'apiUserNotFound');
  });

  it('stops at reading the user when the subscription key is a Collection Widget key', async () => {
    const user = await provisionUser(emulator());
    const report = await verifyApiUser({ baseUrl: emulator().url, product: 'collection', ...user, subscriptionKey: emulator().collectionWidgetKey });
    assert.equal(report.steps[0].error?.kind, 'invalidSubscriptionKey');
    assert.match(report.steps[0].error?.causes[0] ?? '', /Collection Widget/);
  });

  it('reports cancellation as a failed step', async () => {
    const user = await provisionUser(emulator());
    const report = await verifyApiUser({ baseUrl: emulator().url, product: 'collection', ...user, signal: AbortSignal.abort() });
    assert.equal(report.ok, false);
    assert.equal(report.steps[0].error?.kind, 'cancelled');
  });

  describe('in production', () => {
    const production = useEmulator({ mode: 'production' });

    it('skips reading the user, and the account holder unless a number is given', async () => {
      const apiUser = randomUUID();
      const apiKey = 'fedcba9876543210fedcba9876543210';
      production().addApiUser({ id: apiUser, apiKey, providerCallbackHost: 'example.com', targetEnvironment: 'mtnghana' });
      const base = {
        baseUrl: production().url,
        product: 'collection' as const,
        subscriptionKey: production().subscriptionKeys.collection.primary,
        apiUser,
        apiKey,
        targetEnvironment: 'mtnghana',
      };
      const plain = await verifyApiUser(base);
      assert.deepEqual(plain.steps.map((s) => s.step), ['token', 'balance']);
      assert.match(plain.steps[1].message, /GHS in mtnghana/);
      const withHolder = await verifyApiUser({ ...base, msisdn: '233241234567' });
      assert.deepEqual(withHolder.steps.map((s) => [s.step, s.ok]), [['token', true], ['balance', true], ['accountHolder', true]]);
    });
  });
});
