import * as assert from 'node:assert/strict';
import { sendTestPayment } from '../../../src/core/payments';
import type { TestPaymentInput, TestPaymentUpdate } from '../../../src/core/payments';
import type { Product } from '../../../src/core/momo/products';
import { provisionUser, useEmulator, type Provisioned } from '../doctor/helpers';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('payments: sendTestPayment', () => {
  const emulator = useEmulator();
  const users = new Map<Product, Provisioned>();

  before(async () => {
    for (const product of ['collection', 'disbursement', 'remittance'] as const) users.set(product, await provisionUser(emulator(), product));
  });

  const input = (product: Product, extra: Partial<TestPaymentInput> = {}): TestPaymentInput => ({
    baseUrl: emulator().url,
    product,
    ...users.get(product)!,
    outcome: 'success',
    amount: '5',
    pollIntervalMs: 5,
    timeLimitMs: 2000,
    ...extra,
  });
  const paymentPosts = (since: number) => emulator().requests.slice(since).filter((r) => r.method === 'POST' && /\/(requesttopay|transfer)$/.test(r.path));

  it('requests to pay in collection with a new UUID v4 reference id and reports success', async () => {
    const before = emulator().requests.length;
    const result = await sendTestPayment(input('collection'));
    assert.equal(result.status, 'SUCCESSFUL');
    assert.equal(result.matchesOutcome, true);
    assert.match(result.referenceId, UUID_V4);
    assert.ok(result.financialTransactionId);
    const [post] = paymentPosts(before);
    assert.equal(post.path, '/collection/v1_0/requesttopay');
    assert.equal(post.headers['x-reference-id'], result.referenceId);
    assert.equal(post.headers['x-target-environment'], 'sandbox');
    const body = JSON.parse(post.body) as Record<string, unknown>;
    assert.deepEqual(body.payer, { partyIdType: 'MSISDN', partyId: '46733123460' });
    assert.equal(body.currency, 'EUR');
    assert.equal(body.amount, '5');
    assert.match(result.summary, /request to pay of 5 EUR from 46733123460 is SUCCESSFUL after 1 status read\./);
  });

  for (const [outcome, reason] of [['failed', 'INTERNAL_PROCESSING_ERROR'], ['rejected', 'APPROVAL_REJECTED'], ['timeout', 'EXPIRED']] as const) {
    it(`simulates "${outcome}": FAILED with ${reason}`, async () => {
      const result = await sendTestPayment(input('collection', { outcome }));
      assert.equal(result.status, 'FAILED');
      assert.equal(result.reason?.code, reason);
      assert.equal(result.matchesOutcome, true);
      assert.match(result.summary, new RegExp(`FAILED \\(${reason}`));
    });
  }

  it('polls an ongoing payment until it succeeds, reporting each status', async () => {
    const updates: TestPaymentUpdate[] = [];
    const result = await sendTestPayment(input('collection', { outcome: 'ongoing', onStatus: (u) => updates.push(u) }));
    assert.equal(result.status, 'SUCCESSFUL');
    assert.equal(result.polls, 2);
    assert.deepEqual(updates.map((u) => [u.status, u.polls]), [['PENDING', 0], ['PENDING', 1], ['SUCCESSFUL', 2]]);
    assert.ok(updates.every((u) => u.referenceId === result.referenceId));
  });

  it('stops at the time limit for a payment that stays pending (PAYER_DELAYED)', async () => {
    const result = await sendTestPayment(input('collection', { outcome: 'pending', timeLimitMs: 60 }));
    assert.equal(result.status, 'PENDING');
    assert.equal(result.timedOut, true);
    assert.equal(result.reason?.code, 'PAYER_DELAYED');
    assert.equal(result.matchesOutcome, true);
    assert.match(result.summary, /time limit passed/);
  });

  it('transfers in disbursement and remittance, with the party as payee', async () => {
    for (const product of ['disbursement', 'remittance'] as const) {
      const before = emulator().requests.length;
      const result = await sendTestPayment(input(product, { outcome: 'rejected', amount: 12.5 }));
      assert.equal(result.reason?.code, 'APPROVAL_REJECTED');
      const [post] = paymentPosts(before);
      assert.equal(post.path, `/${product}/v1_0/transfer`);
      assert.deepEqual((JSON.parse(post.body) as { payee: unknown }).payee, { partyIdType: 'MSISDN', partyId: '46733123451' });
      assert.match(result.summary, /transfer of 12\.5 EUR to 46733123451/);
    }
  });

  it('sends the callback URL when it is on the provider callback host', async () => {
    const before = emulator().requests.length;
    await sendTestPayment(input('collection', { callbackUrl: 'http://example.com/momo/callback' }));
    assert.equal(paymentPosts(before)[0].headers['x-callback-url'], 'http://example.com/momo/callback');
  });

  it("refuses a callback URL on another host than the user's, before sending anything", async () => {
    const before = emulator().requests.length;
    await assert.rejects(sendTestPayment(input('collection', { callbackUrl: 'http://elsewhere.test/cb' })), (e: Error & { kind?: string }) => {
      assert.equal(e.kind, 'badRequest');
      assert.match(e.message, /provider callback host is example\.com/);
      return true;
    });
    assert.deepEqual(paymentPosts(before), []);
  });

  it('refuses an https callback URL before sending anything: the sandbox calls back over http', async () => {
    const before = emulator().requests.length;
    await assert.rejects(sendTestPayment(input('collection', { callbackUrl: 'https://example.com/momo/callback' })), (e: Error & { kind?: string }) => {
      assert.equal(e.kind, 'badRequest');
      assert.match(e.message, /plain http, not https: write http:\/\/example\.com\/momo\/callback/);
      return true;
    });
    assert.deepEqual(paymentPosts(before), []);
  });

  it('refuses invalid input without any request', async () => {
    const before = emulator().requests.length;
    await assert.rejects(sendTestPayment(input('collection', { amount: '5.001', payeeNote: "it's" })), (e: Error & { kind?: string }) => {
      assert.equal(e.kind, 'badRequest');
      assert.match(e.message, /at most 2 decimals.*"'"/);
      return true;
    });
    assert.equal(emulator().requests.length, before);
  });

  it('refuses a production host without any request', async () => {
    await assert.rejects(sendTestPayment(input('collection', { baseUrl: 'https://proxy.momoapi.mtn.com' })), (e: Error & { kind?: string }) => {
      assert.equal(e.kind, 'wrongTargetEnvironment');
      assert.match(e.message, /only run in the sandbox/);
      return true;
    });
  });

  it('keeps polling through a short outage (503)', async () => {
    emulator().injectFault({ method: 'GET', path: '/requesttopay/', kind: 'status', status: 503, times: 2 });
    const result = await sendTestPayment(input('collection'));
    assert.equal(result.status, 'SUCCESSFUL');
    assert.equal(result.polls, 3);
  });

  it('gets a new token once when the token expires while polling', async () => {
    emulator().injectFault({ method: 'GET', path: '/requesttopay/', kind: 'status', status: 401, body: { code: 'UNAUTHORIZED', message: 'Access token expired.' } });
    const before = emulator().requests.length;
    const result = await sendTestPayment(input('collection'));
    assert.equal(result.status, 'SUCCESSFUL');
    assert.equal(emulator().requests.slice(before).filter((r) => r.path === '/collection/token/').length, 2);
  });

  it('explains a token failure (regenerated key) and sends no payment', async () => {
    const before = emulator().requests.length;
    await assert.rejects(sendTestPayment(input('collection', { apiKey: 'ffffffffffffffffffffffffffffffff' })), { kind: 'loginFailed' });
    assert.deepEqual(paymentPosts(before), []);
  });

  it('is cancelled by its AbortSignal while polling', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const pending = sendTestPayment(
      input('collection', {
        outcome: 'pending',
        pollIntervalMs: 10_000,
        timeLimitMs: 60_000,
        signal: controller.signal,
        onStatus: (u) => u.polls === 1 && controller.abort(),
      }),
    );
    await assert.rejects(pending, { kind: 'cancelled' });
    assert.ok(Date.now() - started < 2000);
  });

  describe('against a production emulator', () => {
    const production = useEmulator({ mode: 'production' });

    it('refuses: the host has no Provisioning API, so it is not a sandbox', async () => {
      const apiUser = '3f2b8c1e-7d4a-4e6b-9c0d-5a1b2c3d4e5f';
      const apiKey = '0123456789abcdef0123456789abcdef';
      production().addApiUser({ id: apiUser, apiKey, providerCallbackHost: 'example.com', targetEnvironment: 'mtnuganda' });
      await assert.rejects(
        sendTestPayment({
          baseUrl: production().url,
          product: 'collection',
          subscriptionKey: production().subscriptionKeys.collection.primary,
          apiUser,
          apiKey,
          outcome: 'success',
          amount: '1',
        }),
        { kind: 'wrongTargetEnvironment' },
      );
      assert.ok(!production().requests.some((r) => r.path.includes('/token') || r.path.includes('requesttopay')), 'no token, no payment');
    });
  });
});
