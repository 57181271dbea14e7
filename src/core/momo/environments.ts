/**
 * Target environments (the `X-Target-Environment` header) with their currency and API host.
 * `sandbox` is the only one where the Provisioning API exists.
 */
import * as l10n from '@vscode/l10n';

export const SANDBOX_BASE_URL = 'https://sandbox.momodeveloper.mtn.com';
export const LEGACY_SANDBOX_BASE_URL = 'https://ericssonbasicapi2.azure-api.net';
export const PRODUCTION_BASE_URL = 'https://proxy.momoapi.mtn.com';
export const RWANDA_PRODUCTION_BASE_URL = 'https://proxy.momoapi.mtn.co.rw';
export const LEGACY_PRODUCTION_BASE_URL = 'https://ericssonbasicapi1.azure-api.net';
/** MTN's new production platform for internet integrations (System Credentials), every country. */
export const NEW_PLATFORM_BASE_URL = 'https://momoapi.momo.africa';

export interface TargetEnvironment {
  /** Value of the X-Target-Environment header. */
  id: string;
  /** Country or purpose, for people. */
  label: string;
  currency: string;
  /** The API host; in production the legacy platform's (proxy.momoapi.mtn.com, Rwanda's own). */
  baseUrl: string;
  /** Production only: the new platform's host (momoapi.momo.africa), where System Credentials work. */
  newPlatformBaseUrl?: string;
  production: boolean;
}

const production = (id: string, label: string, currency: string, baseUrl = PRODUCTION_BASE_URL): TargetEnvironment => ({
  id,
  label,
  currency,
  baseUrl,
  newPlatformBaseUrl: NEW_PLATFORM_BASE_URL,
  production: true,
});

/** The sandbox's target environment id (X-Target-Environment), as stored with its credentials. */
export const SANDBOX = 'sandbox';

export const ENVIRONMENTS: readonly TargetEnvironment[] = [
  { id: SANDBOX, label: 'Sandbox', currency: 'EUR', baseUrl: SANDBOX_BASE_URL, production: false },
  production('mtnuganda', 'Uganda', 'UGX'),
  production('mtnghana', 'Ghana', 'GHS'),
  production('mtnivorycoast', "Côte d'Ivoire", 'XOF'),
  production('mtnzambia', 'Zambia', 'ZMW'),
  production('mtncameroon', 'Cameroon', 'XAF'),
  production('mtnbenin', 'Benin', 'XOF'),
  production('mtncongo', 'Congo', 'XAF'),
  production('mtnswaziland', 'Eswatini (Swaziland)', 'SZL'),
  production('mtnguineaconakry', 'Guinea', 'GNF'),
  production('mtnsouthafrica', 'South Africa', 'ZAR'),
  production('mtnliberia', 'Liberia', 'LRD'),
  production('mtnrwanda', 'Rwanda', 'RWF', RWANDA_PRODUCTION_BASE_URL),
];

export function findEnvironment(id: string): TargetEnvironment | undefined {
  const wanted = id.trim().toLowerCase();
  return ENVIRONMENTS.find((e) => e.id === wanted);
}

export function isSandbox(id: string): boolean {
  return id.trim().toLowerCase() === SANDBOX;
}

/** API hosts that only serve production, where the Provisioning API does not exist. */
export const PRODUCTION_HOSTS: readonly string[] = [
  PRODUCTION_BASE_URL,
  RWANDA_PRODUCTION_BASE_URL,
  LEGACY_PRODUCTION_BASE_URL,
  NEW_PLATFORM_BASE_URL,
].map(
  (url) => new URL(url).host,
);
export const SANDBOX_HOSTS: readonly string[] = [SANDBOX_BASE_URL, LEGACY_SANDBOX_BASE_URL].map((url) => new URL(url).host);

/** Portal web sites (not APIs) that people paste as the API URL, with the API URL they meant. */
export const PORTAL_HOSTS: Readonly<Record<string, { portal: () => string; apiBaseUrl: string }>> = {
  'momodeveloper.mtn.com': { portal: () => l10n.t('the MoMo developer portal'), apiBaseUrl: SANDBOX_BASE_URL },
  'momoapi.mtn.com': { portal: () => l10n.t('the MoMo production portal'), apiBaseUrl: PRODUCTION_BASE_URL },
  'momodeveloper.mtn.co.rw': { portal: () => l10n.t("Rwanda's MoMo developer portal"), apiBaseUrl: RWANDA_PRODUCTION_BASE_URL },
};
