/**
 * Which environment the doctor checks: the target environment decides when it is known,
 * else the host does. Production changes how keys are probed (no Provisioning API there).
 */
import { detectCredentialKind } from '../momo/credentialKind';
import { findEnvironment, SANDBOX_BASE_URL, TargetEnvironment } from '../momo/environments';
import { platformBaseUrl, platformForKind, type ProductionPlatform } from '../momo/platforms';
import { classifyHost } from '../trust/hosts';
import type { DoctorApiUser } from './types';

export type HostKind = 'sandbox' | 'production' | 'local' | 'other';

export interface ResolvedEnvironment {
  /** As given, or the default for the target environment. */
  baseUrl: string;
  baseUrlGiven: boolean;
  /** The target environment when it is a known one. */
  target?: TargetEnvironment;
  production: boolean;
}

/** A URL as people write it, "https://" optional; undefined when it cannot be read. */
export function parseLooseUrl(raw: string): URL | undefined {
  const text = raw.trim();
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return undefined;
  }
}

export function hostKindOf(baseUrl: string): HostKind {
  const url = parseLooseUrl(baseUrl);
  if (!url) return 'other';
  const kinds = { mtnSandbox: 'sandbox', mtnProduction: 'production', loopback: 'local', other: 'other' } as const;
  return kinds[classifyHost(url.hostname)];
}

export function resolveEnvironment(input: { baseUrl?: string; targetEnvironment?: string; apiUsers?: DoctorApiUser[] }): ResolvedEnvironment {
  const target = input.targetEnvironment ? findEnvironment(input.targetEnvironment) : undefined;
  const given = input.baseUrl?.trim();
  const baseUrl = given || (target?.production ? platformBaseUrl(target, platformOfUsers(input.apiUsers)) : SANDBOX_BASE_URL);
  const production = target ? target.production : hostKindOf(baseUrl) === 'production';
  return { baseUrl, baseUrlGiven: !!given, target, production };
}

/** The production platform the users' pairs belong to: the new one only when every pair is System Credentials. */
function platformOfUsers(users: readonly DoctorApiUser[] = []): ProductionPlatform {
  const platforms = users.map(userPlatform);
  return platforms.length > 0 && platforms.every((p) => p === 'new') ? 'new' : 'legacy';
}

export function userPlatform(user: DoctorApiUser): ProductionPlatform {
  return user.platform ?? platformForKind(user.credentialKind ?? detectCredentialKind(user.apiUser));
}
