import { ENVIRONMENTS, SANDBOX } from '../core/momo/environments';
import { PRODUCTS, type Product } from '../core/momo/products';
import { EMULATOR_MODES, type EmulatorMode, type EmulatorOptions, type SubscriptionKeyPair } from './types';

/**
 * Fixed subscription keys the emulator accepts by default. They are emulator TEST keys, not
 * MTN keys: fixed so that docs, scripts and tests can name them; random-looking so that the
 * project's placeholder detection treats them like real keys.
 */
export const DEFAULT_SUBSCRIPTION_KEYS: Readonly<Record<Product, SubscriptionKeyPair>> = {
  collection: { primary: '604eefeda5a9f82c1d33fcb6eb24206f', secondary: 'cd3da6372966c00a98cf4681aafb12b3' },
  disbursement: { primary: '0c6f76013e8537d5e54157e227416ee7', secondary: '1e4b8e7bb9a843bf82a39db6409492d1' },
  remittance: { primary: '07de6b1311c216160103d5abc46f372e', secondary: '9391521f9a2423d18ccd95d04d9a0eee' },
};

/**
 * A well-formed key of the "Collection Widget" product. Rejected everywhere with the
 * invalid-key 401, to reproduce the most common provisioning mistake.
 */
export const DEFAULT_COLLECTION_WIDGET_KEY = '382753b58402fe964dbad966e0cc7c80';

const DEFAULT_TOKEN_TTL_SECONDS = 3600;

/** Options with every default applied, as the handlers use them. */
export interface EmulatorConfig {
  port: number;
  mode: EmulatorMode;
  subscriptionKeys: Record<Product, SubscriptionKeyPair>;
  collectionWidgetKey: string;
  tokenTtlSeconds: number;
  /** X-Target-Environment values product calls accept in this mode. */
  targetEnvironments: readonly string[];
  pendingReadsBeforeSuccess: number;
  requireContentLength: boolean;
  quiet: boolean;
  tokenDelayMs: number;
}

export function resolveConfig(options: EmulatorOptions = {}): EmulatorConfig {
  const mode = options.mode ?? 'sandbox';
  const subscriptionKeys = {} as Record<Product, SubscriptionKeyPair>;
  for (const product of PRODUCTS) {
    subscriptionKeys[product] = { ...(options.subscriptionKeys?.[product] ?? DEFAULT_SUBSCRIPTION_KEYS[product]) };
  }
  const productionIds = ENVIRONMENTS.filter((e) => e.production).map((e) => e.id);
  return {
    port: options.port ?? 0,
    mode,
    subscriptionKeys,
    collectionWidgetKey: DEFAULT_COLLECTION_WIDGET_KEY,
    tokenTtlSeconds: options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS,
    targetEnvironments: mode === 'sandbox' ? [SANDBOX] : (options.targetEnvironments ?? productionIds),
    pendingReadsBeforeSuccess: options.pendingReadsBeforeSuccess ?? 1,
    requireContentLength: options.requireContentLength ?? false,
    quiet: options.quiet ?? true,
    tokenDelayMs: options.tokenDelayMs ?? 0,
  };
}

/** Which product a subscription key belongs to, if any. */
export function productOfSubscriptionKey(config: EmulatorConfig, key: string): Product | undefined {
  return PRODUCTS.find((p) => config.subscriptionKeys[p].primary === key || config.subscriptionKeys[p].secondary === key);
}

export function isEmulatorMode(value: string): value is EmulatorMode {
  return (EMULATOR_MODES as readonly string[]).includes(value);
}
