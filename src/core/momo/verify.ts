/**
 * Checks a set of credentials the cheap way: get a token, then read the balance. Each step is
 * reported on its own so a person sees which credential is wrong (the token step checks the
 * subscription key and the user/key pair, the balance step the target environment).
 */
import * as l10n from '@vscode/l10n';
import { MomoClient } from './client';
import { classifyError } from './classify';
import { MomoError } from './momoError';
import { Product } from './products';
import type { ProductionPlatform } from './platforms';
import { SANDBOX } from './environments';

export interface VerifyInput {
  baseUrl: string;
  product: Product;
  subscriptionKey: string;
  apiUser: string;
  apiKey: string;
  /** Default 'sandbox'. */
  targetEnvironment?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Deadline of the token request when longer than timeoutMs (production: at least 30 s). */
  tokenTimeoutMs?: number;
  /** Production: the platform the pair belongs to; it is never sent to the other platform's host. */
  platform?: ProductionPlatform;
}

export type VerifyStepName = 'token' | 'balance';

export interface VerifyStep {
  name: VerifyStepName;
  ok: boolean;
  /** One line for people, without secrets: "expires in 3600 s", "1000 EUR". */
  summary: string;
  error?: MomoError;
}

export interface VerifyReport {
  ok: boolean;
  steps: VerifyStep[];
  balance?: { availableBalance: string; currency: string };
}

/** Never throws: failures, cancellation included, are reported as failed steps. */
export async function verifyCredentials(input: VerifyInput): Promise<VerifyReport> {
  const steps: VerifyStep[] = [];
  const targetEnvironment = input.targetEnvironment ?? SANDBOX;
  const o = { signal: input.signal };
  let client: MomoClient;
  try {
    client = clientFor(input, targetEnvironment);
  } catch (err) {
    return failed(steps, 'token', asMomoError(err, input.baseUrl, 'getToken'));
  }
  const getToken = () => client.getToken(input.product, input.subscriptionKey, input.apiUser, input.apiKey, o);

  let token: { accessToken: string; expiresIn: number };
  try {
    token = await getToken();
  } catch (err) {
    return failed(steps, 'token', asMomoError(err, client.host, 'getToken'));
  }
  steps.push({ name: 'token', ok: true, summary: l10n.t('access token received, valid for {0} s', token.expiresIn) });

  const getBalance = (accessToken: string) =>
    client.getBalance(input.product, input.subscriptionKey, accessToken, targetEnvironment, o);
  try {
    let balance: { availableBalance: string; currency: string };
    try {
      balance = await getBalance(token.accessToken);
    } catch (err) {
      // The documented remedy for an expired token: get a new one and retry once.
      if (!(err instanceof MomoError) || err.kind !== 'tokenExpired') throw err;
      balance = await getBalance((await getToken()).accessToken);
    }
    steps.push({ name: 'balance', ok: true, summary: l10n.t('{0} {1} in {2}', balance.availableBalance, balance.currency, targetEnvironment) });
    return { ok: true, steps, balance };
  } catch (err) {
    return failed(steps, 'balance', asMomoError(err, client.host, 'getBalance'));
  }
}

/** The client for a verification: the token call carries the target environment and its own deadline. */
export function clientFor(input: VerifyInput, targetEnvironment: string): MomoClient {
  return new MomoClient({
    baseUrl: input.baseUrl,
    timeoutMs: input.timeoutMs,
    targetEnvironment,
    tokenTimeoutMs: input.tokenTimeoutMs,
    platform: input.platform,
  });
}

function failed(steps: VerifyStep[], name: VerifyStepName, error: MomoError): VerifyReport {
  steps.push({ name, ok: false, summary: error.message, error });
  return { ok: false, steps };
}

function asMomoError(err: unknown, host: string, operation: string): MomoError {
  return classifyError(err, { host, operation });
}
