/**
 * Shared by the doctor tests: a real emulator per describe block (the core tests' hook), API
 * users made through the real Provisioning API, and small lookups into a report.
 */
import * as assert from 'node:assert/strict';
import { provision } from '../../../src/core/momo/provision';
import type { Product } from '../../../src/core/momo/products';
import type { DoctorFinding, DoctorReport } from '../../../src/core/doctor';
import type { RunningEmulator } from '../../../src/emulator/types';

export { useEmulator } from '../core/helpers/emulator';

export interface Provisioned {
  subscriptionKey: string;
  apiUser: string;
  apiKey: string;
}

export async function provisionUser(emu: RunningEmulator, product: Product = 'collection', callbackHost = 'example.com'): Promise<Provisioned> {
  const subscriptionKey = emu.subscriptionKeys[product].primary;
  const result = await provision({ baseUrl: emu.url, product, subscriptionKey, callbackHost });
  return { subscriptionKey, apiUser: result.apiUser, apiKey: result.apiKey };
}

export function only(findings: readonly DoctorFinding[], check: string): DoctorFinding {
  const matching = findings.filter((f) => f.check === check);
  assert.equal(matching.length, 1, `expected one ${check} finding, got ${JSON.stringify(findings.map((f) => f.check))}`);
  return matching[0];
}

export function checksOf(report: DoctorReport | readonly DoctorFinding[]): string[] {
  const findings = 'findings' in report ? report.findings : report;
  return findings.map((f) => `${f.check}:${f.severity}`);
}

/** Requests that change state on the emulator: the doctor and verify must never send one. */
export function writes(emu: RunningEmulator, since = 0): string[] {
  return emu.requests
    .slice(since)
    .filter((r) => r.method === 'POST' && !/\/token\/?$/.test(r.path.split('?')[0]))
    .map((r) => `${r.method} ${r.path}`);
}

/** Fails when any of the secrets shows up anywhere in the value's JSON form. */
export function assertNoSecrets(value: unknown, secrets: string[]): void {
  const text = JSON.stringify(value);
  for (const secret of secrets.filter(Boolean)) assert.ok(!text.includes(secret), `secret ${secret.slice(0, 4)}… leaked`);
}
