/**
 * Which product a subscription key belongs to, without creating anything. The gateway checks
 * the key per product before MoMo sees a request, so a token request with a made-up Basic
 * pair answers MoMo's own `login_failed` when the key belongs to that product, and the
 * gateway's "invalid subscription key" 401 when it does not. The three products are asked
 * side by side: one round trip.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { MomoClient, type CallOptions } from './client';
import { classifyError } from './classify';
import { MomoError } from './momoError';
import { PRODUCTS, type Product } from './products';

/**
 * 'accepted': this product's gateway took the key; else the error: `invalidSubscriptionKey` is
 * the gateway rejecting it, anything else means the probe could not tell.
 */
export type ProductProbeAnswer = 'accepted' | MomoError;

export interface ProductProbeResult {
  /** The product whose token endpoint accepted the key (the first, should several). */
  product?: Product;
  /** Every product's answer. */
  answers: Record<Product, ProductProbeAnswer>;
  /** True when every product rejected the key: a key of no product (a Collection Widget key, a typo, a revoked key). */
  rejectedEverywhere: boolean;
  /** The failure that kept the probe from an answer (network, outage, cancellation), when no product accepted the key. */
  error?: MomoError;
}

/** Asks one product's token endpoint about the key with a made-up pair. */
export async function probeKeyForProduct(client: MomoClient, product: Product, key: string, o?: CallOptions): Promise<ProductProbeAnswer> {
  try {
    await client.getToken(product, key, randomUUID(), randomBytes(16).toString('hex'), o);
    return 'accepted'; // a made-up pair that works is still proof the key passed the gateway
  } catch (err) {
    const error = err instanceof MomoError ? err : classifyError(err, { host: client.host, operation: 'getToken', product });
    // The pair is refused after the gateway let the key through: login_failed (sandbox, legacy
    // platform) or invalid_client (the new platform, which does not know the made-up pair).
    return error.kind === 'loginFailed' || error.kind === 'invalidClient' ? 'accepted' : error;
  }
}

/** Probes the products side by side (all three unless `products` narrows them). Never throws. */
export async function probeKeyProducts(
  client: MomoClient,
  key: string,
  o: CallOptions & { products?: readonly Product[] } = {},
): Promise<ProductProbeResult> {
  const products = o.products ?? PRODUCTS;
  const answered = await Promise.all(products.map(async (p) => [p, await probeKeyForProduct(client, p, key, { signal: o.signal })] as const));
  const answers = Object.fromEntries(answered) as Record<Product, ProductProbeAnswer>;
  const product = answered.find(([, a]) => a === 'accepted')?.[0];
  const rejectedEverywhere = answered.every(([, a]) => isRejection(a));
  const error = product ? undefined : pickError(answered.map(([, a]) => a));
  return { ...(product ? { product } : {}), answers, rejectedEverywhere, ...(error ? { error } : {}) };
}

function isRejection(answer: ProductProbeAnswer): boolean {
  return answer !== 'accepted' && answer.kind === 'invalidSubscriptionKey';
}

/** Cancellation first (the person asked for it), then a failure that is not a rejection, then a rejection. */
function pickError(answers: ProductProbeAnswer[]): MomoError | undefined {
  const errors = answers.filter((a): a is MomoError => a !== 'accepted');
  return errors.find((e) => e.kind === 'cancelled') ?? errors.find((e) => e.kind !== 'invalidSubscriptionKey') ?? errors[0];
}
