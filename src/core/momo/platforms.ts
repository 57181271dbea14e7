/**
 * MTN runs two production platforms side by side during the migration: the legacy one
 * (proxy.momoapi.mtn.com, Rwanda's own host), where an API user + API key work, and the new one
 * (momoapi.momo.africa), where only System Credentials work. A pair belongs to one platform and
 * is never sent to the other's host. The sandbox is not part of the migration.
 */
import type { CredentialKind } from './credentialKind';
import { NEW_PLATFORM_BASE_URL, type TargetEnvironment } from './environments';

export type ProductionPlatform = 'legacy' | 'new';

export function isProductionPlatform(value: unknown): value is ProductionPlatform {
  return value === 'legacy' || value === 'new';
}

/** API user + API key live on the legacy platform; System Credentials on the new one. */
export function platformForKind(kind: CredentialKind): ProductionPlatform {
  return kind === 'system' ? 'new' : 'legacy';
}

/** The platform's host for this production environment (the legacy host is per environment). */
export function platformBaseUrl(environment: TargetEnvironment, platform: ProductionPlatform): string {
  return platform === 'new' ? (environment.newPlatformBaseUrl ?? NEW_PLATFORM_BASE_URL) : environment.baseUrl;
}

const NEW_PLATFORM_HOST = new URL(NEW_PLATFORM_BASE_URL).host;
const LEGACY_PLATFORM_HOSTS = ['proxy.momoapi.mtn.com', 'proxy.momoapi.mtn.co.rw', 'ericssonbasicapi1.azure-api.net'];

/** The platform a known MTN production host belongs to; undefined for any other host (sandbox, loopback, a proxy). */
export function platformOfHost(host: string): ProductionPlatform | undefined {
  const name = host.trim().toLowerCase().replace(/:443$/, '');
  if (name === NEW_PLATFORM_HOST) return 'new';
  if (LEGACY_PLATFORM_HOSTS.includes(name)) return 'legacy';
  return undefined;
}

/** "the new platform (momoapi.momo.africa)" / "the legacy platform (proxy.momoapi.mtn.com)". */
export function describePlatform(platform: ProductionPlatform, host?: string): string {
  const name = platform === 'new' ? 'the new platform' : 'the legacy platform';
  return host ? `${name} (${host})` : name;
}

/** Short words for a tree row or a table cell. */
export const PLATFORM_SHORT_LABELS: Readonly<Record<ProductionPlatform, string>> = {
  legacy: 'legacy platform',
  new: 'new platform',
};

/**
 * Refuses a base URL whose host is a known host of the OTHER platform: one platform's pair
 * never works on the other, and sending it there hands a production secret to the wrong
 * gateway. Returns the refusal sentence, or undefined when the host may be used.
 */
export function otherPlatformRefusal(platform: ProductionPlatform, baseUrl: string): string | undefined {
  let host: string;
  try {
    host = new URL(baseUrl).host;
  } catch {
    return undefined; // an unreadable URL is refused by the client with its own explanation
  }
  const owner = platformOfHost(host);
  if (!owner || owner === platform) return undefined;
  const what = platform === 'new' ? 'System Credentials (User ID + Credential Token)' : 'an API user + API key';
  return (
    `${host} is ${describePlatform(owner)}, but this pair is ${what} of ${describePlatform(platform)}: ` +
    `a pair only works on its own platform, so it was not sent. Point the base URL at ${describePlatform(platform)}'s host.`
  );
}
