/**
 * Asking the gateway about a subscription key without creating anything. The gateway checks
 * the key before MoMo sees the request, so a request that MoMo must refuse tells a good key
 * (MoMo's refusal comes back) from a bad one (the gateway's 401 comes back):
 * - reading a made-up API user: 404 RESOURCE_NOT_FOUND = key accepted, 401 = rejected
 *   (sandbox only: the Provisioning API takes the key of any product);
 * - a token for a made-up user/key pair: login_failed = key accepted for THAT product.
 */
import { randomBytes } from 'node:crypto';
import { v4 as uuidv4 } from 'uuid';
import type { MomoClient } from '../../momo/client';
import type { MomoError } from '../../momo/momoError';
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
  try {
    await client.getToken(product, key, uuidv4(), randomBytes(16).toString('hex'), { signal });
    return 'accepted';
  } catch (err) {
    const error = unlessCancelled(err);
    // The pair is refused after the gateway let the key through: login_failed (sandbox, legacy
    // platform) or invalid_client (the new platform, which does not know the random pair).
    return error.kind === 'loginFailed' || error.kind === 'invalidClient' ? 'accepted' : error;
  }
}

/** The product whose token endpoint accepts the key, among the others than `except` (asked side by side). */
export async function findProductOfKey(client: MomoClient, key: string, except: Product, signal?: AbortSignal): Promise<Product | undefined> {
  const others = PRODUCTS.filter((p) => p !== except);
  const probes = await Promise.all(others.map((product) => probeWithUnknownPair(client, product, key, signal)));
  return others.find((_, i) => probes[i] === 'accepted');
}
