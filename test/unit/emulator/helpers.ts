import { randomUUID } from 'crypto';
import type { Product } from '../../../src/core/momo/products';
import type { RunningEmulator } from '../../../src/emulator/types';

/**
 * Plain-fetch helpers for the emulator tests. Deliberately not the project's MomoClient: these
 * tests pin the emulator's wire behaviour on their own.
 */
export interface WireResponse {
  status: number;
  headers: Headers;
  text: string;
  json(): unknown;
}

export interface CallOptions {
  headers?: Record<string, string | undefined>;
  body?: string;
}

export async function call(emu: RunningEmulator, method: string, path: string, options: CallOptions = {}): Promise<WireResponse> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.headers ?? {})) if (value !== undefined) headers[name] = value;
  const res = await fetch(emu.url + path, { method, headers, body: options.body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) as unknown };
}

export function keyOf(emu: RunningEmulator, product: Product = 'collection'): string {
  return emu.subscriptionKeys[product].primary;
}

export function basic(apiUser: string, apiKey: string): string {
  return 'Basic ' + Buffer.from(`${apiUser}:${apiKey}`).toString('base64');
}

export interface Credentials {
  apiUser: string;
  apiKey: string;
}

/** Creates an API user and its key through the Provisioning API. */
export async function provisionUser(emu: RunningEmulator, product: Product = 'collection', providerCallbackHost = 'example.com'): Promise<Credentials> {
  const apiUser = randomUUID();
  const key = keyOf(emu, product);
  const created = await call(emu, 'POST', '/v1_0/apiuser', {
    headers: { 'X-Reference-Id': apiUser, 'Ocp-Apim-Subscription-Key': key, 'Content-Type': 'application/json' },
    body: JSON.stringify({ providerCallbackHost }),
  });
  if (created.status !== 201) throw new Error(`create user: ${created.status} ${created.text}`);
  const keyed = await call(emu, 'POST', `/v1_0/apiuser/${apiUser}/apikey`, { headers: { 'Ocp-Apim-Subscription-Key': key } });
  if (keyed.status !== 201) throw new Error(`create key: ${keyed.status} ${keyed.text}`);
  return { apiUser, apiKey: (keyed.json() as { apiKey: string }).apiKey };
}

export async function getToken(emu: RunningEmulator, product: Product, creds: Credentials): Promise<string> {
  const res = await call(emu, 'POST', `/${product}/token/`, {
    headers: { 'Ocp-Apim-Subscription-Key': keyOf(emu, product), Authorization: basic(creds.apiUser, creds.apiKey) },
  });
  if (res.status !== 200) throw new Error(`token: ${res.status} ${res.text}`);
  return (res.json() as { access_token: string }).access_token;
}

/** Headers of an authorized product call. */
export function productHeaders(emu: RunningEmulator, product: Product, token: string, targetEnvironment = 'sandbox'): Record<string, string> {
  return { 'Ocp-Apim-Subscription-Key': keyOf(emu, product), Authorization: `Bearer ${token}`, 'X-Target-Environment': targetEnvironment };
}

export function paymentPath(product: Product): string {
  return `/${product}/v1_0/${product === 'collection' ? 'requesttopay' : 'transfer'}`;
}

export function paymentBody(product: Product, partyId: string, extra: Record<string, unknown> = {}): string {
  const party = { partyIdType: 'MSISDN', partyId };
  return JSON.stringify({
    amount: '5',
    currency: 'EUR',
    externalId: '12345',
    [product === 'collection' ? 'payer' : 'payee']: party,
    payerMessage: 'Test payment',
    payeeNote: 'Test note',
    ...extra,
  });
}

/** Creates a payment and returns its reference id. */
export async function createPayment(emu: RunningEmulator, product: Product, token: string, partyId: string): Promise<string> {
  const referenceId = randomUUID();
  const res = await call(emu, 'POST', paymentPath(product), {
    headers: { ...productHeaders(emu, product, token), 'X-Reference-Id': referenceId, 'Content-Type': 'application/json' },
    body: paymentBody(product, partyId),
  });
  if (res.status !== 202) throw new Error(`payment: ${res.status} ${res.text}`);
  return referenceId;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
