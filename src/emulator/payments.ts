import { randomInt } from 'crypto';
import type { Product } from '../core/momo/products';
import { callbackUrlProblem } from './callbacks/callbackRule';
import { INVALID_CALLBACK_URL_HOST, INVALID_CURRENCY, RESOURCE_ALREADY_EXIST, RESOURCE_NOT_FOUND } from './errorBodies';
import { EMULATOR_REASON_HEADER, emptyReply, headerValue, isUuidV4, jsonReply, parseJsonObject } from './http';
import type { HandlerContext, RouteHandler } from './router';
import { outcomeOnRead, type PaymentOutcome } from './sandboxOutcomes';
import type { PaymentRecord } from './state';
import { authorizeProductCall } from './tokens';

/** Collection requests money FROM a payer; disbursement and remittance send it TO a payee. */
export function partyFieldOf(product: Product): 'payer' | 'payee' {
  return product === 'collection' ? 'payer' : 'payee';
}

/** The Swagger does not state it; the live API refuses longer messages with a 400. */
const MAX_MESSAGE_LENGTH = 160;

const PARTY_ID_TYPES = ['MSISDN', 'EMAIL', 'PARTY_CODE'];

type PaymentFields = Omit<PaymentRecord, 'product' | 'referenceId' | 'apiUser' | 'partyField' | 'reads' | 'financialTransactionId' | 'callbackUrl' | 'settled'>;

/**
 * POST /collection/v1_0/requesttopay and POST /{disbursement|remittance}/v1_0/transfer → 202.
 * Checks, in order: token and target environment; X-Reference-Id (400); body shape (400);
 * currency of the target environment (500 INVALID_CURRENCY, the Swagger's example);
 * X-Callback-Url on the API user's providerCallbackHost, http in sandbox mode and https in
 * production mode (400 INVALID_CALLBACK_URL_HOST); reference id not used before for this
 * product (409). A rejected request uses up nothing. A payment that is final at once (every
 * outcome but the "pending" test numbers) has its callback sent now; see settle().
 */
export function createPaymentHandler(product: Product): RouteHandler {
  return (req, _params, ctx) => {
    const call = authorizeProductCall(req, product, ctx);
    if ('status' in call) return call;
    const referenceId = headerValue(req, 'X-Reference-Id');
    if (referenceId === undefined) return emptyReply(400, 'X-Reference-Id header is missing');
    if (!isUuidV4(referenceId)) return emptyReply(400, 'X-Reference-Id is not a UUID version 4');
    const parsed = parseJsonObject(req.body);
    if (!parsed.ok) return emptyReply(400, 'body is not a JSON object');
    const fields = readPaymentFields(parsed.value, partyFieldOf(product));
    if (typeof fields === 'string') return emptyReply(400, fields);
    if (fields.currency !== call.environment.currency) return jsonReply(500, INVALID_CURRENCY);
    const callbackUrl = headerValue(req, 'X-Callback-Url') || undefined;
    if (callbackUrl !== undefined) {
      const problem = callbackUrlProblem(callbackUrl, ctx.state.apiUsers.get(call.token.apiUser)?.providerCallbackHost, ctx.config.mode);
      if (problem) return jsonReply(400, INVALID_CALLBACK_URL_HOST, { [EMULATOR_REASON_HEADER]: problem });
    }
    if (ctx.state.getPayment(product, referenceId)) return jsonReply(409, RESOURCE_ALREADY_EXIST);
    const payment: PaymentRecord = {
      ...fields,
      product,
      referenceId,
      apiUser: call.token.apiUser,
      partyField: partyFieldOf(product),
      callbackUrl,
      reads: 0,
      financialTransactionId: String(randomInt(100_000_000, 999_999_999)),
    };
    ctx.state.addPayment(payment);
    settle(payment, outcomeOnRead(payment, 0, ctx.config.mode === 'sandbox', ctx.config.pendingReadsBeforeSuccess), ctx);
    return emptyReply(202);
  };
}

/**
 * GET /collection/v1_0/requesttopay/{referenceId}, GET /{product}/v1_0/transfer/{referenceId}
 * → 200 with the RequestToPayResult / TransferResult fields. A failed payment is still a 200.
 * Another API user's payment is "not found", like an unknown one.
 */
export function paymentStatusHandler(product: Product): RouteHandler {
  return (req, params, ctx) => {
    const call = authorizeProductCall(req, product, ctx);
    if ('status' in call) return call;
    if (!isUuidV4(params.referenceId)) return emptyReply(400, 'referenceId is not a UUID version 4');
    const payment = ctx.state.getPayment(product, params.referenceId);
    if (!payment || payment.apiUser !== call.token.apiUser) return jsonReply(404, RESOURCE_NOT_FOUND);
    payment.reads++;
    const outcome = outcomeOnRead(payment, payment.reads, ctx.config.mode === 'sandbox', ctx.config.pendingReadsBeforeSuccess);
    settle(payment, outcome, ctx);
    return jsonReply(200, statusBody(payment, outcome));
  };
}

/** The RequestToPayResult / TransferResult of a payment: the status call's body and the callback's. */
function statusBody(payment: PaymentRecord, outcome: PaymentOutcome): Record<string, unknown> {
  return {
    amount: payment.amount,
    currency: payment.currency,
    ...(outcome.status === 'SUCCESSFUL' ? { financialTransactionId: payment.financialTransactionId } : {}),
    ...(payment.externalId !== undefined ? { externalId: payment.externalId } : {}),
    [payment.partyField]: payment.party,
    ...(payment.payerMessage !== undefined ? { payerMessage: payment.payerMessage } : {}),
    ...(payment.payeeNote !== undefined ? { payeeNote: payment.payeeNote } : {}),
    status: outcome.status,
    ...(outcome.reason ? { reason: outcome.reason } : {}),
  };
}

/**
 * The first time a payment is seen final (at creation, or on the status read that ends a
 * "pending, then successful" number), its callback is sent, once, with the status body.
 */
function settle(payment: PaymentRecord, outcome: PaymentOutcome, { callbacks }: HandlerContext): void {
  if (outcome.status === 'PENDING' || payment.settled) return;
  payment.settled = true;
  if (payment.callbackUrl) {
    callbacks.send({ product: payment.product, referenceId: payment.referenceId, callbackUrl: payment.callbackUrl, body: statusBody(payment, outcome) });
  }
}

/**
 * Validates a RequestToPay / Transfer body. Returns the fields, or why it is a 400.
 * Lenient where the live API is: numbers are accepted where the Swagger says string
 * (its own examples use numbers) and partyIdType is matched without case.
 */
function readPaymentFields(body: Record<string, unknown>, partyField: 'payer' | 'payee'): PaymentFields | string {
  const amount = scalarText(body.amount);
  if (amount === undefined || !/^\d+(\.\d+)?$/.test(amount) || Number(amount) <= 0) return 'amount must be a positive number';
  if (typeof body.currency !== 'string' || body.currency === '') return 'currency is missing';
  const externalId = body.externalId === undefined ? undefined : scalarText(body.externalId);
  if (body.externalId !== undefined && externalId === undefined) return 'externalId must be a string';
  const party = body[partyField];
  if (party === null || typeof party !== 'object') return `${partyField} is missing`;
  const { partyIdType, partyId } = party as Record<string, unknown>;
  const partyIdText = scalarText(partyId);
  if (typeof partyIdType !== 'string' || !PARTY_ID_TYPES.includes(partyIdType.toUpperCase())) {
    return `${partyField}.partyIdType must be one of ${PARTY_ID_TYPES.join(', ')}`;
  }
  if (partyIdText === undefined || partyIdText === '') return `${partyField}.partyId is missing`;
  for (const field of ['payerMessage', 'payeeNote'] as const) {
    const value = body[field];
    if (value !== undefined && typeof value !== 'string') return `${field} must be a string`;
    if (typeof value === 'string' && value.length > MAX_MESSAGE_LENGTH) return `${field} is longer than ${MAX_MESSAGE_LENGTH} characters`;
  }
  return {
    amount,
    currency: body.currency,
    externalId,
    party: { partyIdType, partyId: partyIdText },
    payerMessage: body.payerMessage as string | undefined,
    payeeNote: body.payeeNote as string | undefined,
  };
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
