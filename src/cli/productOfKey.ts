/**
 * The CLI's answer to "which product is this key for?": the same side-by-side token probe as
 * the extension's Set Up MoMo. Without --product the key's own product is used and said; with a
 * --product the key does not belong to, the command stops and names the key's product.
 */
import { MomoClient } from '../core/momo/client';
import { MomoError } from '../core/momo/momoError';
import { probeKeyProducts } from '../core/momo/productProbe';
import { PRODUCT_LABELS, type Product } from '../core/momo/products';
import type { CliIo } from './io';

export type ProductOfKey = { product: Product; found: boolean } | { error: MomoError } | { mismatch: string };

export async function productOfKey(baseUrl: string, key: string, given: Product | undefined, io: CliIo): Promise<ProductOfKey> {
  const probe = await probeKeyProducts(new MomoClient({ baseUrl }), key, { signal: io.signal });
  if (!probe.product) {
    // A probe that could not tell (network, outage) does not overrule the caller's --product.
    if (given && probe.error && !probe.rejectedEverywhere && probe.error.kind !== 'cancelled') {
      io.err(`Note: could not check which product the key belongs to (${probe.error.message}); using --product ${given}.`);
      return { product: given, found: false };
    }
    return { error: probe.error ?? new MomoError({ kind: 'invalidSubscriptionKey', message: 'No product accepts this subscription key.' }) };
  }
  if (given && given !== probe.product) {
    return {
      mismatch:
        `This is a ${PRODUCT_LABELS[probe.product]} subscription key, not a ${PRODUCT_LABELS[given]} one: each product has its own keys. ` +
        `Run again with --product ${probe.product}, or use your ${PRODUCT_LABELS[given]} subscription's key.`,
    };
  }
  return { product: probe.product, found: true };
}
