import * as assert from 'node:assert/strict';
import { provision } from '../../../src/core/momo/provision';
import { verifyCredentials, VerifyInput } from '../../../src/core/momo/verify';
import { useEmulator } from './helpers/emulator';
import { assertNoSecretsIn } from './helpers/secrets';

describe('core/momo verifyCredentials', () => {
  const emulator = useEmulator();
  let credentials: VerifyInput;

  before(async () => {
    const subscriptionKey = emulator().subscriptionKeys.disbursement.primary;
    const result = await provision({ baseUrl: emulator().url, product: 'disbursement', subscriptionKey, callbackHost: 'localhost' });
    credentials = { baseUrl: emulator().url, product: 'disbursement', subscriptionKey, apiUser: result.apiUser, apiKey: result.apiKey };
  });

  it('reports a token and the balance for working credentials', async () => {
    const report = await verifyCredentials(credentials);
    assert.equal(report.ok, true);
    assert.deepEqual(report.steps.map((s) => [s.name, s.ok]), [['token', true], ['balance', true]]);
    assert.deepEqual(report.balance, { availableBalance: '1000', currency: 'EUR' });
    assert.match(report.steps[1].summary, /1000 EUR in sandbox/);
  });

  it('stops at the token step when the API key is wrong (loginFailed)', async () => {
    const wrong = 'ffffffffffffffffffffffffffffffff';
    const report = await verifyCredentials({ ...credentials, apiKey: wrong });
    assert.equal(report.ok, false);
    assert.deepEqual(report.steps.map((s) => [s.name, s.ok]), [['token', false]]);
    assert.equal(report.steps[0].error?.kind, 'loginFailed');
    assertNoSecretsIn(report.steps[0].error!, [wrong, credentials.subscriptionKey]);
    assert.ok(!JSON.stringify(report).includes(wrong));
  });

  it('fails the balance step for a wrong target environment', async () => {
    const report = await verifyCredentials({ ...credentials, targetEnvironment: 'mtnghana' });
    assert.deepEqual(report.steps.map((s) => [s.name, s.ok]), [['token', true], ['balance', false]]);
    assert.equal(report.steps[1].error?.kind, 'wrongTargetEnvironment');
  });

  it('gets a new token and retries once when the token is refused as expired', async () => {
    emulator().injectFault({ path: '/account/balance', kind: 'status', status: 401, body: { code: 'UNAUTHORIZED', message: 'Access token expired.' } });
    const tokensBefore = emulator().requests.filter((r) => r.path === '/disbursement/token/').length;
    const report = await verifyCredentials(credentials);
    assert.equal(report.ok, true);
    assert.equal(emulator().requests.filter((r) => r.path === '/disbursement/token/').length - tokensBefore, 2);
  });

  it('reports cancellation as a failed step instead of throwing', async () => {
    const report = await verifyCredentials({ ...credentials, signal: AbortSignal.abort() });
    assert.equal(report.ok, false);
    assert.equal(report.steps[0].error?.kind, 'cancelled');
  });
});
