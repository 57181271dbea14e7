import * as assert from 'assert';
import { randomUUID } from 'crypto';
import type { Product } from '../../../src/core/momo/products';
import { startEmulator } from '../../../src/emulator/server';
import type { RunningEmulator } from '../../../src/emulator/types';
import { call, createPayment, getToken, paymentBody, paymentPath, productHeaders, provisionUser } from './helpers';

interface PaymentResult {
  amount: string;
  currency: string;
  financialTransactionId?: string;
  externalId?: string;
  payer?: { partyIdType: string; partyId: string };
  payee?: { partyIdType: string; partyId: string };
  payerMessage?: string;
  payeeNote?: string;
  status: string;
  reason?: { code: string; message: string };
}

describe('emulator payments (request to pay, transfer)', () => {
  let emu: RunningEmulator;
  const tokens = {} as Record<Product, string>;
  beforeEach(async () => {
    emu = await startEmulator();
    const creds = await provisionUser(emu);
    for (const product of ['collection', 'disbursement', 'remittance'] as const) tokens[product] = await getToken(emu, product, creds);
  });
  afterEach(() => emu.close());

  async function readStatus(product: Product, referenceId: string, token = tokens[product]): Promise<{ status: number; body: PaymentResult }> {
    const res = await call(emu, 'GET', `${paymentPath(product)}/${referenceId}`, { headers: productHeaders(emu, product, token) });
    return { status: res.status, body: (res.text ? res.json() : undefined) as PaymentResult };
  }

  function post(product: Product, body: string, referenceId: string = randomUUID()) {
    return call(emu, 'POST', paymentPath(product), {
      headers: { ...productHeaders(emu, product, tokens[product]), 'X-Reference-Id': referenceId, 'Content-Type': 'application/json' },
      body,
    });
  }

  const failures = [
    ['46733123450', 'INTERNAL_PROCESSING_ERROR'],
    ['46733123451', 'APPROVAL_REJECTED'],
    ['46733123452', 'EXPIRED'],
  ] as const;
  for (const product of ['collection', 'disbursement'] as const) {
    for (const [number, code] of failures) {
      it(`${product}: ${number} fails with ${code} (still HTTP 200)`, async () => {
        const ref = await createPayment(emu, product, tokens[product], number);
        const { status, body } = await readStatus(product, ref);
        assert.strictEqual(status, 200);
        assert.strictEqual(body.status, 'FAILED');
        assert.strictEqual(body.reason?.code, code);
        assert.strictEqual(typeof body.reason?.message, 'string');
        assert.strictEqual(body.financialTransactionId, undefined);
      });
    }
  }

  it('46733123453 is PENDING on the first read, then SUCCESSFUL', async () => {
    const ref = await createPayment(emu, 'collection', tokens.collection, '46733123453');
    assert.strictEqual((await readStatus('collection', ref)).body.status, 'PENDING');
    const second = (await readStatus('collection', ref)).body;
    assert.strictEqual(second.status, 'SUCCESSFUL');
    assert.ok(second.financialTransactionId);
  });

  it('pendingReadsBeforeSuccess sets how long 46733123453 stays PENDING', async () => {
    const slow = await startEmulator({ pendingReadsBeforeSuccess: 3 });
    try {
      const token = await getToken(slow, 'collection', await provisionUser(slow));
      const ref = await createPayment(slow, 'collection', token, '46733123453');
      const statuses: string[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await call(slow, 'GET', `${paymentPath('collection')}/${ref}`, { headers: productHeaders(slow, 'collection', token) });
        statuses.push((res.json() as PaymentResult).status);
      }
      assert.deepStrictEqual(statuses, ['PENDING', 'PENDING', 'PENDING', 'SUCCESSFUL']);
    } finally {
      await slow.close();
    }
  });

  it('46733123454 stays PENDING with PAYER_DELAYED', async () => {
    const ref = await createPayment(emu, 'remittance', tokens.remittance, '46733123454');
    for (let i = 0; i < 3; i++) {
      const { body } = await readStatus('remittance', ref);
      assert.strictEqual(body.status, 'PENDING');
      assert.strictEqual(body.reason?.code, 'PAYER_DELAYED');
    }
  });

  it('any other number succeeds, and the result mirrors the request (collection: payer)', async () => {
    const ref = randomUUID();
    assert.strictEqual((await post('collection', paymentBody('collection', '256772123456'), ref)).status, 202);
    const { status, body } = await readStatus('collection', ref);
    assert.strictEqual(status, 200);
    assert.match(body.financialTransactionId ?? '', /^\d+$/);
    assert.deepStrictEqual({ ...body, financialTransactionId: 'x' }, {
      amount: '5',
      currency: 'EUR',
      financialTransactionId: 'x',
      externalId: '12345',
      payer: { partyIdType: 'MSISDN', partyId: '256772123456' },
      payerMessage: 'Test payment',
      payeeNote: 'Test note',
      status: 'SUCCESSFUL',
    });
  });

  it('a test number with a country prefix is "any other number" and succeeds', async () => {
    const ref = await createPayment(emu, 'collection', tokens.collection, '25646733123450');
    assert.strictEqual((await readStatus('collection', ref)).body.status, 'SUCCESSFUL');
  });

  it('a transfer carries a payee, not a payer', async () => {
    const ref = await createPayment(emu, 'disbursement', tokens.disbursement, '46733123456');
    const { body } = await readStatus('disbursement', ref);
    assert.deepStrictEqual(body.payee, { partyIdType: 'MSISDN', partyId: '46733123456' });
    assert.strictEqual(body.payer, undefined);
  });

  it('accepts numbers where the Swagger examples use them', async () => {
    const ref = randomUUID();
    const body = JSON.stringify({ amount: 100, currency: 'EUR', externalId: 947354, payer: { partyIdType: 'msisdn', partyId: 4656473839 } });
    assert.strictEqual((await post('collection', body, ref)).status, 202);
    const read = (await readStatus('collection', ref)).body;
    assert.strictEqual(read.amount, '100');
    assert.strictEqual(read.payer?.partyId, '4656473839');
  });

  it('refuses a non-EUR currency in the sandbox with 500 INVALID_CURRENCY, and the id stays usable', async () => {
    const ref = randomUUID();
    const res = await post('collection', paymentBody('collection', '46733123456', { currency: 'RWF' }), ref);
    assert.strictEqual(res.status, 500);
    assert.deepStrictEqual(res.json(), { code: 'INVALID_CURRENCY', message: 'Currency not supported.' });
    assert.strictEqual((await post('collection', paymentBody('collection', '46733123456'), ref)).status, 202);
  });

  for (const field of ['payerMessage', 'payeeNote']) {
    it(`refuses a ${field} over 160 characters with 400, accepts exactly 160`, async () => {
      assert.strictEqual((await post('collection', paymentBody('collection', '46733123456', { [field]: 'x'.repeat(161) }))).status, 400);
      assert.strictEqual((await post('collection', paymentBody('collection', '46733123456', { [field]: 'x'.repeat(160) }))).status, 202);
    });
  }

  for (const [name, body] of [
    ['malformed JSON', '{"amount":'],
    ['an empty body', ''],
    ['no payer', JSON.stringify({ amount: '5', currency: 'EUR' })],
    ['a payee instead of a payer', JSON.stringify({ amount: '5', currency: 'EUR', payee: { partyIdType: 'MSISDN', partyId: '1' } })],
    ['a zero amount', paymentBody('collection', '46733123456', { amount: '0' })],
    ['a non-numeric amount', paymentBody('collection', '46733123456', { amount: 'five' })],
    ['no currency', paymentBody('collection', '46733123456', { currency: undefined })],
    ['an unknown partyIdType', JSON.stringify({ amount: '5', currency: 'EUR', payer: { partyIdType: 'IBAN', partyId: '1' } })],
  ] as const) {
    it(`refuses a request to pay with ${name} with 400`, async () => {
      assert.strictEqual((await post('collection', body)).status, 400);
    });
  }

  it('refuses a missing or non-UUID X-Reference-Id with 400', async () => {
    for (const ref of [undefined, 'LISTING-12-ab']) {
      const res = await call(emu, 'POST', paymentPath('collection'), {
        headers: { ...productHeaders(emu, 'collection', tokens.collection), 'X-Reference-Id': ref },
        body: paymentBody('collection', '46733123456'),
      });
      assert.strictEqual(res.status, 400);
    }
  });

  it('refuses a duplicate reference id with the exact 409 body; other products have their own ids', async () => {
    const ref = randomUUID();
    assert.strictEqual((await post('collection', paymentBody('collection', '46733123456'), ref)).status, 202);
    const again = await post('collection', paymentBody('collection', '46733123456'), ref);
    assert.strictEqual(again.status, 409);
    assert.deepStrictEqual(again.json(), { code: 'RESOURCE_ALREADY_EXIST', message: 'Duplicated reference id. Creation of resource failed.' });
    assert.strictEqual((await post('disbursement', paymentBody('disbursement', '46733123456'), ref)).status, 202);
  });

  it('answers an unknown payment with the exact 404 body and a malformed id with 400', async () => {
    const missing = await readStatus('collection', randomUUID());
    assert.strictEqual(missing.status, 404);
    assert.deepStrictEqual(missing.body, { code: 'RESOURCE_NOT_FOUND', message: 'Requested resource was not found.' });
    assert.strictEqual((await readStatus('collection', 'not-a-uuid')).status, 400);
  });

  it("does not show one API user's payment to another", async () => {
    const ref = await createPayment(emu, 'collection', tokens.collection, '46733123456');
    const otherToken = await getToken(emu, 'collection', await provisionUser(emu));
    assert.strictEqual((await readStatus('collection', ref, otherToken)).status, 404);
  });

  it('does not mix products: a collection id is unknown to disbursement', async () => {
    const ref = await createPayment(emu, 'collection', tokens.collection, '46733123456');
    assert.strictEqual((await readStatus('disbursement', ref)).status, 404);
  });
});
