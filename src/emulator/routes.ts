import { PRODUCTS, type Product } from '../core/momo/products';
import { accountHolderActiveHandler, balanceHandler } from './account';
import { createPaymentHandler, paymentStatusHandler } from './payments';
import { createApiKey, createApiUser, getApiUser } from './provisioning';
import type { Route } from './router';
import { tokenHandler } from './tokens';
import { systemTokenHandler } from './newPlatform';
import type { EmulatorMode } from './types';

/**
 * Every operation of the MoMo contract (spec/momo-operations.json, from MTN's four Swagger files), base paths included.
 * The conformance test reads those files and checks each one is served here.
 * In production mode the Provisioning API does not exist, so its routes are left out and
 * the gateway answers them with its 404.
 */
export function buildRoutes(mode: EmulatorMode): Route[] {
  const routes: Route[] = [];
  if (mode === 'sandbox') {
    const scope = { kind: 'provisioning' } as const;
    routes.push(
      { method: 'POST', pattern: '/v1_0/apiuser', scope, handle: createApiUser },
      { method: 'GET', pattern: '/v1_0/apiuser/{X-Reference-Id}', scope, handle: getApiUser },
      { method: 'POST', pattern: '/v1_0/apiuser/{X-Reference-Id}/apikey', scope, handle: createApiKey },
    );
  }
  for (const product of PRODUCTS) routes.push(...productRoutes(product, mode === 'production-new'));
  return routes;
}

/** The payment resource: `requesttopay` in collection.json, `transfer` in the other two. */
export function paymentResourceOf(product: Product): 'requesttopay' | 'transfer' {
  return product === 'collection' ? 'requesttopay' : 'transfer';
}

function productRoutes(product: Product, newPlatform: boolean): Route[] {
  const base = `/${product}`; // the Swagger basePath equals the product id
  const scope = { kind: 'product', product } as const;
  const payments = `${base}/v1_0/${paymentResourceOf(product)}`;
  return [
    { method: 'POST', pattern: `${base}/token/`, scope, handle: newPlatform ? systemTokenHandler(product) : tokenHandler(product) },
    { method: 'GET', pattern: `${base}/v1_0/account/balance`, scope, handle: balanceHandler(product) },
    {
      method: 'GET',
      pattern: `${base}/v1_0/accountholder/{accountHolderIdType}/{accountHolderId}/active`,
      scope,
      handle: accountHolderActiveHandler(product),
    },
    { method: 'POST', pattern: payments, scope, handle: createPaymentHandler(product) },
    { method: 'GET', pattern: `${payments}/{referenceId}`, scope, handle: paymentStatusHandler(product) },
  ];
}
