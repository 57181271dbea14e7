/**
 * "Test My Callback": a sandbox test payment whose callback goes to the developer's own app,
 * through the local emulator (the real sandbox cannot reach localhost and its callbacks are
 * unreliable), then what the app answered, explained.
 *
 * The emulator is either one already running at the configured sandbox base URL (its delivery
 * log answers on a local host), used with the stored API user, or a private one started here
 * (via the injected `startEmulator`, so the core does not depend on the emulator), with a new
 * API user on the same callback host, closed at the end. The real sandbox is never used.
 */
import { randomBytes, randomUUID } from 'crypto';
import type { Product } from '../momo/products';
import { sendTestPayment } from '../payments/sendTestPayment';
import { readCallbackLog, waitForLoggedAttempt, type LoggedAttempt } from './callbackLogClient';
import { explainCallbackAnswer, explainHostMismatch, explainNoCallback, explainWrongScheme } from './explainCallbackAnswer';
import { isLocalHost } from './localHosts';
import type { CallbackExplanation, SourceLocation } from './types';

export const REHEARSAL_OUTCOMES = ['success', 'failed', 'rejected', 'timeout'] as const;
export type RehearsalOutcome = (typeof REHEARSAL_OUTCOMES)[number];
export type CallbackMethod = 'PUT' | 'POST';

/** What the rehearsal needs of an emulator it starts (src/emulator's RunningEmulator fits). */
export interface LocalEmulator {
  url: string;
  subscriptionKeys: Record<Product, { primary: string }>;
  addApiUser(user: { id: string; apiKey: string; providerCallbackHost: string }): void;
  close(): Promise<void>;
}
export type StartLocalEmulator = (options: { callbacks?: { method?: CallbackMethod } }) => Promise<LocalEmulator>;

export interface RehearsalInput {
  url: string;
  product?: Product;
  outcome?: RehearsalOutcome;
  /** Callback method of a private emulator. Default: PUT for collection, POST for transfers. */
  method?: CallbackMethod;
  /** The API user's registered host. Default: the URL's host (a user made for this URL). */
  providerCallbackHost?: string;
  /** A running emulator and credentials it knows; without it a private emulator is started. */
  via?: { baseUrl: string; subscriptionKey: string; apiUser: string; apiKey: string };
  startEmulator: StartLocalEmulator;
  /** Finds the view serving a URL path in the workspace (file and line for the fix). */
  locateView?: (path: string) => Promise<(SourceLocation & { csrfExempt?: boolean }) | undefined>;
  signal?: AbortSignal;
  /** How long to wait for the delivery once the payment is sent. Default 10000 ms. */
  waitMs?: number;
}

export interface RehearsalResult {
  /** True only when the app answered 2xx. */
  delivered: boolean;
  status: number | null;
  method: CallbackMethod;
  url: string;
  durationMs: number | null;
  explanation: CallbackExplanation;
  product: Product;
  outcome: RehearsalOutcome;
  providerCallbackHost: string;
  /** 'private': started for this rehearsal; 'running': the configured one; 'none': nothing was sent. */
  emulator: 'private' | 'running' | 'none';
  referenceId?: string;
  paymentStatus?: string;
  /** The recorded attempt (answer headers and the first 2 KB of its body). */
  attempt?: LoggedAttempt;
}

export function defaultCallbackMethod(product: Product): CallbackMethod {
  return product === 'collection' ? 'PUT' : 'POST';
}

/** Refuses what cannot be a callback URL; returns the parsed URL. */
export function parseCallbackUrl(raw: string): URL | string {
  const text = (raw ?? '').trim();
  if (text.length > 2048) return 'The callback URL is longer than 2048 characters.';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'The callback URL cannot be read: write it in full, such as http://localhost:8000/momo/callback/.';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'The callback URL must start with http:// (https:// in production).';
  if (url.username || url.password) return 'Leave credentials out of the callback URL: MoMo would send them along.';
  return url;
}

/** Whether a base URL is a running local emulator (it serves the delivery log on a local host). */
export async function isRunningEmulator(baseUrl: string, signal?: AbortSignal): Promise<boolean> {
  try {
    if (!isLocalHost(new URL(baseUrl).hostname)) return false;
  } catch {
    return false;
  }
  return (await readCallbackLog(baseUrl, randomUUID(), signal)) !== undefined;
}

export async function rehearseCallback(input: RehearsalInput): Promise<RehearsalResult> {
  const product = input.product ?? 'collection';
  const outcome = input.outcome ?? 'success';
  const parsed = parseCallbackUrl(input.url);
  if (typeof parsed === 'string') throw new RangeError(parsed);
  const url = parsed.toString();
  const providerCallbackHost = (input.providerCallbackHost ?? parsed.hostname).trim().toLowerCase();
  const base = { product, outcome, url, providerCallbackHost, method: input.method ?? defaultCallbackMethod(product) };
  const unsent = (explanation: CallbackExplanation): RehearsalResult => ({
    ...base,
    delivered: false,
    status: null,
    durationMs: null,
    explanation,
    emulator: 'none',
  });
  if (parsed.hostname.toLowerCase() !== providerCallbackHost) return unsent(explainHostMismatch(parsed.hostname, providerCallbackHost));
  if (parsed.protocol !== 'http:') return unsent(explainWrongScheme(parsed.protocol.slice(0, -1)));

  let started: LocalEmulator | undefined;
  try {
    let via = input.via;
    if (!via) {
      started = await input.startEmulator({ callbacks: input.method ? { method: input.method } : {} });
      const apiUser = randomUUID();
      const apiKey = randomBytes(16).toString('hex');
      started.addApiUser({ id: apiUser, apiKey, providerCallbackHost });
      via = { baseUrl: started.url, subscriptionKey: started.subscriptionKeys[product].primary, apiUser, apiKey };
    }
    const payment = await sendTestPayment({
      baseUrl: via.baseUrl,
      product,
      subscriptionKey: via.subscriptionKey,
      apiUser: via.apiUser,
      apiKey: via.apiKey,
      outcome,
      amount: '1',
      externalId: 'callback-rehearsal',
      callbackUrl: url,
      providerCallbackHost,
      signal: input.signal,
      pollIntervalMs: 100,
      maxPollIntervalMs: 400,
      timeLimitMs: 10_000,
    });
    const attempt = await waitForLoggedAttempt(via.baseUrl, payment.referenceId, { timeoutMs: input.waitMs ?? 10_000, signal: input.signal });
    const emulator = started ? 'private' : 'running';
    if (!attempt) {
      return { ...base, delivered: false, status: null, durationMs: null, explanation: explainNoCallback(payment.status), emulator, referenceId: payment.referenceId, paymentStatus: payment.status };
    }
    const view = input.locateView ? await input.locateView(parsed.pathname).catch(() => undefined) : undefined;
    const explanation = explainCallbackAnswer(attempt, { view });
    return {
      ...base,
      method: attempt.method,
      delivered: explanation.ok,
      status: attempt.status,
      durationMs: attempt.durationMs,
      explanation,
      emulator,
      referenceId: payment.referenceId,
      paymentStatus: payment.status,
      attempt,
    };
  } finally {
    await started?.close();
  }
}
