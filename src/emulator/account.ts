import type { Product } from '../core/momo/products';
import { emptyReply, jsonReply } from './http';
import type { RouteHandler } from './router';
import { authorizeProductCall } from './tokens';

/** Every account holds this much; enough for any test, and obviously not real money. */
const EMULATOR_BALANCE = '1000';

/** GET /{product}/v1_0/account/balance → 200 {"availableBalance": "...", "currency": "<of the environment>"}. */
export function balanceHandler(product: Product): RouteHandler {
  return (req, _params, ctx) => {
    const call = authorizeProductCall(req, product, ctx);
    if ('status' in call) return call;
    return jsonReply(200, { availableBalance: EMULATOR_BALANCE, currency: call.environment.currency });
  };
}

/**
 * The id checks the Swagger describes for accountHolderIdType (lower case, case-sensitive):
 * msisdn (ITU-T E.164 digits), email, party_code (UUID).
 */
const ACCOUNT_HOLDER_ID_RULES: Record<string, RegExp> = {
  msisdn: /^\+?[0-9]{5,15}$/,
  email: /^[^@\s]+@[^@\s]+\.[^@\s]+$/,
  party_code: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
};

/**
 * GET /{product}/v1_0/accountholder/{accountHolderIdType}/{accountHolderId}/active
 * → 200 {"result": true} for any well-formed id (the sandbox knows every holder);
 * an unknown type or a malformed id → 400.
 */
export function accountHolderActiveHandler(product: Product): RouteHandler {
  return (req, params, ctx) => {
    const call = authorizeProductCall(req, product, ctx);
    if ('status' in call) return call;
    const rule = ACCOUNT_HOLDER_ID_RULES[params.accountHolderIdType];
    if (!rule) return emptyReply(400, 'accountHolderIdType must be msisdn, email or party_code (lower case)');
    if (!rule.test(params.accountHolderId)) return emptyReply(400, `accountHolderId is not a valid ${params.accountHolderIdType}`);
    return jsonReply(200, { result: true });
  };
}
