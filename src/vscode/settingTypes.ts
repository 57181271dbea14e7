/**
 * Each `momo.*` setting (the key under `momo.`) with the type package.json gives it; a unit test
 * holds the two together. Free of the vscode module so that test can load it; config.ts reads
 * and writes the settings with these types.
 */
export const SETTING_TYPES = {
  'sandbox.baseUrl': 'string',
  'production.baseUrl': 'string',
  'production.newPlatformBaseUrl': 'string',
  'production.tokenTimeoutSeconds': 'number',
  providerCallbackHost: 'string',
  requestTimeoutSeconds: 'number',
  'settings.apiUserName': 'string',
  'settings.apiKeyName': 'string',
  'settings.defaultMode': 'string',
  'diagnostics.enabled': 'boolean',
} as const;

interface JsonTypes {
  string: string;
  number: number;
  boolean: boolean;
}

export type MomoSettings = { -readonly [K in keyof typeof SETTING_TYPES]: JsonTypes[(typeof SETTING_TYPES)[K]] };

export type MomoSettingKey = keyof MomoSettings;

/** The settings that hold a base URL (only trust/secretDestinations.ts reads them). */
export type BaseUrlSettingKey = 'sandbox.baseUrl' | 'production.baseUrl' | 'production.newPlatformBaseUrl';
