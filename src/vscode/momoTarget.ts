/**
 * The target environment of a stored credential. Which base URL a secret may go to is decided by
 * trust/secretDestinations.ts alone.
 */
import { findEnvironment, isSandbox, PRODUCTION_BASE_URL, type TargetEnvironment } from '../core/momo/environments';
import type { ProductionPlatform } from '../core/momo/platforms';

/** The environment for an id, or a minimal stand-in for an id this version does not know. */
export function targetOf(environment: string): TargetEnvironment {
  return (
    findEnvironment(environment) ?? {
      id: environment,
      label: environment,
      currency: '',
      baseUrl: PRODUCTION_BASE_URL,
      production: !isSandbox(environment),
    }
  );
}

/** A stored user's platform: its own, else legacy (records from before the new platform); none in the sandbox. */
export function platformOf(user: { environment: string; platform?: ProductionPlatform }): ProductionPlatform | undefined {
  return isSandbox(user.environment) ? undefined : (user.platform ?? 'legacy');
}
