import { PRODUCT_LABELS } from '../core/momo/products';
import { productOfSubscriptionKey, type EmulatorConfig } from './config';
import { GATEWAY_INVALID_SUBSCRIPTION_KEY, GATEWAY_MISSING_SUBSCRIPTION_KEY } from './errorBodies';
import { EMULATOR_REASON_HEADER, headerValue, jsonReply, type EmulatorReply, type EmulatorRequest } from './http';
import type { RouteScope } from './router';

const SUBSCRIPTION_KEY_HEADER = 'Ocp-Apim-Subscription-Key';
/** The Swagger's `apiKeyQuery` alternative: `?subscription-key=...`. */
const SUBSCRIPTION_KEY_QUERY = 'subscription-key';

/**
 * The API gateway's subscription check, done after the path matched (an unknown path is a
 * 404 whatever the key) and before MoMo sees the request.
 * - absent (or empty) → 401 "missing";
 * - Collection Widget key, unknown key, or another product's key on a product path → 401 "invalid";
 * - provisioning accepts the key of any of the three products, as the real sandbox does.
 * Returns undefined when the request may go on.
 */
export function checkSubscriptionKey(req: EmulatorRequest, scope: RouteScope, config: EmulatorConfig): EmulatorReply | undefined {
  const key = (headerValue(req, SUBSCRIPTION_KEY_HEADER) ?? req.query.get(SUBSCRIPTION_KEY_QUERY) ?? '').trim();
  if (key === '') return jsonReply(401, GATEWAY_MISSING_SUBSCRIPTION_KEY);
  const owner = productOfSubscriptionKey(config, key);
  if (owner === undefined) return jsonReply(401, GATEWAY_INVALID_SUBSCRIPTION_KEY, reason('key of no product subscription'));
  if (scope.kind === 'product' && scope.product !== owner) {
    return jsonReply(401, GATEWAY_INVALID_SUBSCRIPTION_KEY, reason(`${PRODUCT_LABELS[owner]} key used for ${PRODUCT_LABELS[scope.product]}`));
  }
  return undefined;
}

function reason(text: string): Record<string, string> {
  return { [EMULATOR_REASON_HEADER]: text };
}
