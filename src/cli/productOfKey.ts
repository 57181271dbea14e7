/**
 * The CLI's answer to "which product is this key for?": the same side-by-side token probe as
 * the extension's Set Up MoMo. Without --product the key's own product is used and said; with a
 * --product the key does not belong to, the command stops and names the key's product.
 */
import * as l10n from '@vscode/l10n';
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
      io.err(l10n.t('Note: could not check which product the key belongs to ({0}); using --product {1}.', probe.error.message, given));
      return { product: given, found: false };
    }
    return { error: probe.error ?? new MomoError({ kind: 'invalidSubscriptionKey', message: l10n.t('No product accepts this subscription key.') }) };
  }
  if (given && given !== probe.product) {
    return {
      mismatch: l10n.t(
        "This is a {0} subscription key, not a {1} one: each product has its own keys. Run again with --product {2}, or use your {1} subscription's key.",
        PRODUCT_LABELS[probe.product],
        PRODUCT_LABELS[given],
        probe.product,
      ),
    };
  }
  return { product: probe.product, found: true };
}
