// momo.sendTestPayment against the emulator: request to pay and transfer, each outcome's test
// number, a new UUID v4 reference id, polling to a final status or the time limit, the callback
// URL checked against the provider callback host, and production refused before any request.
import * as assert from 'assert';
import { randomBytes, randomUUID } from 'crypto';
import type { MomoExtensionApi } from '../../../src/extension';
import type { RunningEmulator } from '../../../src/emulator/types';
import { assertNoSecret, everythingShown, run, runWithRawArgument, useExtensionWithEmulator } from '../extension/testKit';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface PaymentResult {
  apiUser: string;
  result: {
    referenceId: string;
    product: string;
    outcome: string;
    partyId: string;
    amount: string;
    currency: string;
    status: string;
    reason?: { code: string };
    polls: number;
    timedOut: boolean;
    matchesOutcome: boolean;
    summary: string;
  };
}

describe('doctor: momo.sendTestPayment', function () {
  this.timeout(60_000);
  let api: MomoExtensionApi;
  let emulator: RunningEmulator;
  let collectionUser: string;
  let disbursementUser: string;
  const secrets = new Set<string>();

  useExtensionWithEmulator(async (readyApi, readyEmulator) => {
    api = readyApi;
    emulator = readyEmulator;
    for (const product of ['collection', 'disbursement'] as const) {
      const key = emulator.subscriptionKeys[product].primary;
      secrets.add(key);
      await run('momo.setSubscriptionKey', { environment: 'sandbox', product, key, keyType: 'primary' });
      const provisioned = await run<{ apiUser: string }>('momo.provisionSandboxUser', { product, callbackHost: 'webhook.example.com' });
      assert.strictEqual(provisioned.ok, true, provisioned.reason);
      secrets.add(String(await api.store.getApiKey({ environment: 'sandbox', product, apiUser: provisioned.apiUser })));
      if (product === 'collection') collectionUser = provisioned.apiUser;
      else disbursementUser = provisioned.apiUser;
    }
  });

  it('sends a request to pay with a new UUID v4 reference id and polls it to SUCCESSFUL', async () => {
    const sent = await run<PaymentResult>('momo.sendTestPayment', { product: 'collection', outcome: 'success', amount: '5', apiUser: collectionUser });
    assert.strictEqual(sent.ok, true, sent.reason);
    const { result } = sent;
    assert.match(result.referenceId, UUID_V4);
    assert.strictEqual(result.status, 'SUCCESSFUL');
    assert.strictEqual(result.matchesOutcome, true);
    assert.strictEqual(result.currency, 'EUR');
    assert.strictEqual(result.amount, '5');

    const request = emulator.requests.find((r) => r.method === 'POST' && r.path.startsWith('/collection/v1_0/requesttopay'));
    assert.strictEqual(request?.headers['x-reference-id'], result.referenceId);
    assert.ok(emulator.requests.some((r) => r.method === 'GET' && r.path.startsWith(`/collection/v1_0/requesttopay/${result.referenceId}`)));

    const shown = api.notifier.shown().at(-1);
    assert.strictEqual(shown?.severity, 'info');
    assert.match(String(shown?.message), /SUCCESSFUL/);
    assert.match(String(shown?.message), new RegExp(result.referenceId));
    assert.deepStrictEqual(shown?.buttons, ['Copy Id', 'Send Another', 'Call My App Too']);
    // Another payment gets another reference id.
    const second = await run<PaymentResult>('momo.sendTestPayment', { product: 'collection', outcome: 'success', amount: 1.5, apiUser: collectionUser });
    assert.notStrictEqual(second.result.referenceId, result.referenceId);
  });

  it('sends a transfer for Disbursements and shows the rejection with its reason', async () => {
    const sent = await run<PaymentResult>('momo.sendTestPayment', { product: 'disbursement', outcome: 'rejected', amount: '12.50', apiUser: disbursementUser });
    assert.strictEqual(sent.ok, true, sent.reason);
    assert.strictEqual(sent.result.status, 'FAILED');
    assert.strictEqual(sent.result.reason?.code, 'APPROVAL_REJECTED');
    assert.strictEqual(sent.result.matchesOutcome, true);
    assert.ok(emulator.requests.some((r) => r.method === 'POST' && r.path.startsWith('/disbursement/v1_0/transfer')));
    assert.match(String(api.notifier.shown().at(-1)?.message), /FAILED \(APPROVAL_REJECTED/);
  });

  it('finds the only API user of the product when none is named', async () => {
    const sent = await run<PaymentResult>('momo.sendTestPayment', { product: 'disbursement', outcome: 'failed', amount: '2' });
    assert.strictEqual(sent.ok, true, sent.reason);
    assert.strictEqual(sent.apiUser, disbursementUser);
    assert.strictEqual(sent.result.reason?.code, 'INTERNAL_PROCESSING_ERROR');
  });

  it('stops polling at the time limit and says the payment is still pending', async () => {
    const started = Date.now();
    const sent = await run<PaymentResult>('momo.sendTestPayment', {
      product: 'collection',
      outcome: 'pending',
      amount: '3',
      apiUser: collectionUser,
      timeLimitSeconds: 1,
      pollIntervalMs: 100,
    });
    assert.strictEqual(sent.ok, true, sent.reason);
    assert.strictEqual(sent.result.status, 'PENDING');
    assert.strictEqual(sent.result.timedOut, true);
    assert.ok(sent.result.polls >= 2, `polled ${sent.result.polls} time(s)`);
    assert.ok(Date.now() - started < 15_000);
    assert.match(String(api.notifier.shown().at(-1)?.message), /time limit passed/);
  });

  it('checks a callback URL against the provider callback host before paying', async () => {
    const before = emulator.requests.filter((r) => r.method === 'POST' && r.path.includes('requesttopay')).length;
    const refused = await run('momo.sendTestPayment', {
      product: 'collection',
      outcome: 'success',
      amount: '5',
      apiUser: collectionUser,
      callbackUrl: 'http://elsewhere.example.org/momo/callback',
    });
    assert.strictEqual(refused.ok, false);
    assert.match(String(refused.reason), /provider callback host is webhook\.example\.com/);
    assert.strictEqual(emulator.requests.filter((r) => r.method === 'POST' && r.path.includes('requesttopay')).length, before);

    const sent = await run<PaymentResult>('momo.sendTestPayment', {
      product: 'collection',
      outcome: 'success',
      amount: '5',
      apiUser: collectionUser,
      callbackUrl: 'http://webhook.example.com/momo/callback',
    });
    assert.strictEqual(sent.ok, true, sent.reason);
    const request = emulator.requests.find((r) => r.headers['x-reference-id'] === sent.result.referenceId && r.method === 'POST');
    assert.strictEqual(request?.headers['x-callback-url'], 'http://webhook.example.com/momo/callback');
  });

  it('refuses production before sending anything', async () => {
    const productionUser = randomUUID();
    const productionKey = randomBytes(16).toString('hex');
    secrets.add(productionKey);
    await run('momo.addExistingApiUser', { environment: 'mtnuganda', product: 'collection', apiUser: productionUser, apiKey: productionKey });
    const requestsBefore = emulator.requests.length;

    const byUser = await run('momo.sendTestPayment', { apiUser: productionUser, outcome: 'success', amount: '5' });
    assert.strictEqual(byUser.ok, false);
    assert.match(String(byUser.reason), /only run in the sandbox/);
    assert.match(String(api.notifier.shown().at(-1)?.message), /moves real money/);

    const byEnvironment = await run('momo.sendTestPayment', { environment: 'mtnuganda', product: 'collection', outcome: 'success', amount: '5' });
    assert.strictEqual(byEnvironment.ok, false);
    assert.strictEqual(emulator.requests.length, requestsBefore, 'nothing may reach any MoMo host');
  });

  it('refuses invalid arguments without asking anything', async () => {
    const comma = await run('momo.sendTestPayment', { product: 'collection', outcome: 'success', amount: '1,5', apiUser: collectionUser });
    assert.strictEqual(comma.ok, false);
    assert.match(String(comma.reason), /dot/);
    const outcome = await runWithRawArgument('momo.sendTestPayment', { product: 'collection', outcome: 'maybe', amount: '1', apiUser: collectionUser });
    assert.strictEqual(outcome.ok, false);
    assert.match(String(outcome.reason), /success, failed, rejected, timeout/);
    const product = await runWithRawArgument('momo.sendTestPayment', { product: 'wallet', outcome: 'success', amount: '1' });
    assert.strictEqual(product.ok, false);
  });

  it('shows no secret in any message or log line', async () => {
    await api.notifier.idle();
    assertNoSecret(everythingShown(api), secrets, 'the MoMo log or a message');
  });
});
