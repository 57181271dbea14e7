/**
 * Asking the gateway about a subscription key without creating anything. The gateway checks
 * the key before MoMo sees the request, so a request that MoMo must refuse tells a good key
 * (MoMo's refusal comes back) from a bad one (the gateway's 401 comes back):
 * - reading a made-up API user: 404 RESOURCE_NOT_FOUND = key accepted, 401 = rejected
 *   (sandbox only: the Provisioning API takes the key of any product);
 * - a token for a made-up user/key pair: login_failed = key accepted for THAT product.
 */
import { v4 as uuidv4 } from 'uuid';
import type { MomoClient } from '../../momo/client';
import type { MomoError } from '../../momo/momoError';
import { probeKeyForProduct, probeKeyProducts } from '../../momo/productProbe';
import { PRODUCTS, Product } from '../../momo/products';
import { unlessCancelled } from '../findings';

/** 'accepted', or why not (invalidSubscriptionKey for a rejected key, anything else when the probe could not tell). */
export type ProbeResult = 'accepted' | MomoError;

export async function probeWithUnknownApiUser(client: MomoClient, key: string, signal?: AbortSignal): Promise<ProbeResult> {
  try {
    await client.getApiUser(key, uuidv4(), { signal });
    return 'accepted'; // a random UUID v4 that exists: still proof the key passed the gateway
  } catch (err) {
    const error = unlessCancelled(err);
    return error.kind === 'apiUserNotFound' ? 'accepted' : error;
  }
}

export async function probeWithUnknownPair(client: MomoClient, product: Product, key: string, signal?: AbortSignal): Promise<ProbeResult> {
  const answer = await probeKeyForProduct(client, product, key, { signal });
  return answer === 'accepted' ? answer : unlessCancelled(answer);
}

/** The product whose token endpoint accepts the key, among the others than `except` (asked side by side). */
export async function findProductOfKey(client: MomoClient, key: string, except: Product, signal?: AbortSignal): Promise<Product | undefined> {
  const probe = await probeKeyProducts(client, key, { signal, products: PRODUCTS.filter((p) => p !== except) });
  if (probe.error?.kind === 'cancelled') unlessCancelled(probe.error);
  return probe.product;
}
