// Shared by the production suites: MTN's two production platforms played by two emulators on
// this machine (loopback, set in the person's own user settings as the trust rules require),
// a System Credentials pair of the new platform and an API user of the legacy one for mtnuganda.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { MomoExtensionApi } from '../../../src/extension';
import type { RecordedRequest, RunningEmulator } from '../../../src/emulator/types';
import { emulatorAvailable, startTestEmulator } from '../harness';
import { momoApi, resetExtension, run } from '../extension/testKit';

/** A base64-looking User ID ending in "=" and a Credential Token with punctuation, as the Partner Portal shows them. */
export const SYSTEM_USER_ID = 'U3lzdGVtVXNlclVnYW5kYQ=';
export const CREDENTIAL_TOKEN = 'Ug.7d_K-3p~Xs!Fm=Nb5.cQ1_zR-8';
export const LEGACY_USER = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
export const LEGACY_KEY = 'beef'.repeat(8);
export const UGANDA_COLLECTION = { environment: 'mtnuganda', product: 'collection' } as const;

export interface TwoPlatforms {
  api: MomoExtensionApi;
  /** momo.production.newPlatformBaseUrl points here (mode production-new). */
  newPlatform: RunningEmulator;
  /** momo.production.baseUrl points here (mode production: the legacy platform). */
  legacy: RunningEmulator;
  /** Every secret the suite stored, for the leak checks. */
  secrets: Set<string>;
}

export async function setMomoSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('momo').update(key, value, vscode.ConfigurationTarget.Global);
}

/**
 * The suite's before/after: both platforms running and configured, the store clean, the
 * subscription key stored; each emulator knows only its own platform's pair.
 */
export function useTwoPlatforms(): TwoPlatforms {
  const suite = { secrets: new Set<string>([CREDENTIAL_TOKEN, LEGACY_KEY]) } as TwoPlatforms;
  before(async function () {
    if (!emulatorAvailable()) this.skip();
    suite.api = await momoApi();
    suite.newPlatform = await startTestEmulator({ mode: 'production-new' });
    suite.legacy = await startTestEmulator({ mode: 'production' });
    await resetExtension(suite.api);
    suite.newPlatform.issueSystemCredentials({ userId: SYSTEM_USER_ID, credentialToken: CREDENTIAL_TOKEN, targetEnvironment: 'mtnuganda' });
    suite.legacy.addApiUser({ id: LEGACY_USER, apiKey: LEGACY_KEY, providerCallbackHost: 'webhook.example.com', targetEnvironment: 'mtnuganda' });
    await setMomoSetting('production.newPlatformBaseUrl', suite.newPlatform.url);
    await setMomoSetting('production.baseUrl', suite.legacy.url);
    const key = suite.newPlatform.subscriptionKeys.collection.primary;
    suite.secrets.add(key);
    const set = await run('momo.setSubscriptionKey', { ...UGANDA_COLLECTION, key, keyType: 'primary' });
    assert.strictEqual(set.ok, true, set.reason);
  });
  after(async () => {
    if (suite.api) await resetExtension(suite.api);
    await setMomoSetting('production.newPlatformBaseUrl', undefined);
    await setMomoSetting('production.baseUrl', undefined);
    await suite.newPlatform?.close();
    await suite.legacy?.close();
  });
  return suite;
}

/** The user:secret pair of a request's Basic header, decoded; undefined without one. */
export function basicPairOf(request: RecordedRequest): string | undefined {
  const header = String(request.headers.authorization ?? '');
  return header.startsWith('Basic ') ? Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8') : undefined;
}

/** Whether any request carried this User ID or secret, in a header (Basic decoded), the path or the body. */
export function requestsCarry(requests: readonly RecordedRequest[], values: readonly string[]): boolean {
  return requests.some((r) => {
    const seen = [r.path, r.body, JSON.stringify(r.headers), basicPairOf(r) ?? ''].join('\n');
    return values.some((v) => seen.includes(v));
  });
}
