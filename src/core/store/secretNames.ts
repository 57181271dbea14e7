/**
 * Names of the entries this extension keeps in SecretStorage. SecretStorage has no way to list
 * its keys in VS Code 1.100, so every name is derived from non-secret metadata (environment,
 * product, key type, API user id) and can be rebuilt, parsed and forgotten from the index alone.
 */
import { isProduct, type Product } from '../momo/products';

export type SubscriptionKeyType = 'primary' | 'secondary';
export const SUBSCRIPTION_KEY_TYPES: readonly SubscriptionKeyType[] = ['primary', 'secondary'];

export function isSubscriptionKeyType(value: unknown): value is SubscriptionKeyType {
  return value === 'primary' || value === 'secondary';
}

/** Every secret this extension writes starts with this, so foreign change events can be ignored. */
const SECRET_NAME_PREFIX = 'momo/';

export type SecretRef =
  | { kind: 'subscriptionKey'; environment: string; product: Product; keyType: SubscriptionKeyType }
  | { kind: 'apiKey'; environment: string; product: Product; apiUser: string };

export function subscriptionKeySecretName(environment: string, product: Product, keyType: SubscriptionKeyType): string {
  return `${SECRET_NAME_PREFIX}${normalizeEnvironment(environment)}/${product}/subscriptionKey/${keyType}`;
}

/**
 * The id is percent-encoded so that a System Credentials User ID (base64: `/`, `+`, `=`) stays
 * one path segment; a UUID encodes to itself, so existing names do not change.
 */
export function apiKeySecretName(environment: string, product: Product, apiUser: string): string {
  return `${SECRET_NAME_PREFIX}${normalizeEnvironment(environment)}/${product}/apiKey/${encodeURIComponent(normalizeApiUser(apiUser))}`;
}

export function secretNameOf(ref: SecretRef): string {
  return ref.kind === 'subscriptionKey'
    ? subscriptionKeySecretName(ref.environment, ref.product, ref.keyType)
    : apiKeySecretName(ref.environment, ref.product, ref.apiUser);
}

export function isMomoSecretName(name: string): boolean {
  return name.startsWith(SECRET_NAME_PREFIX);
}

/** The inverse of the two name builders; undefined for anything this extension did not write. */
export function parseSecretName(name: string): SecretRef | undefined {
  if (!isMomoSecretName(name)) {
    return undefined;
  }
  const parts = name.slice(SECRET_NAME_PREFIX.length).split('/');
  if (parts.length !== 4) {
    return undefined;
  }
  const [environment, product, kind, last] = parts;
  if (!environment || !isProduct(product) || !last) {
    return undefined;
  }
  if (kind === 'subscriptionKey' && isSubscriptionKeyType(last)) {
    return { kind, environment, product, keyType: last };
  }
  if (kind === 'apiKey') {
    const apiUser = decodeSegment(last);
    return apiUser ? { kind, environment, product, apiUser } : undefined;
  }
  return undefined;
}

export function normalizeEnvironment(environment: string): string {
  return environment.trim().toLowerCase();
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * UUIDs (API users) compare case-insensitively: lower case keeps one secret per user however it
 * was typed. Any other id is a System Credentials User ID, which is case-sensitive: kept as is.
 */
export function normalizeApiUser(apiUser: string): string {
  const trimmed = apiUser.trim();
  return trimmed.length === 36 && UUID_SHAPE.test(trimmed) ? trimmed.toLowerCase() : trimmed;
}
