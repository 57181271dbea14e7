/**
 * A test payment in the sandbox: checks the input, makes sure the target is the sandbox,
 * gets a token, sends the payment with a new UUID v4 reference id and polls its status.
 * Production is refused before anything is sent: a "test" there would move real money.
 */
import { v4 as uuidv4 } from 'uuid';
import { MomoClient } from '../momo/client';
import { PRODUCTION_HOSTS, SANDBOX, SANDBOX_BASE_URL } from '../momo/environments';
import { MomoError } from '../momo/momoError';
import { Product } from '../momo/products';
import { PaymentApi, PaymentReason, PaymentStatusAnswer, ProductAuth } from './paymentApi';
import { pollPaymentStatus } from './pollPaymentStatus';
import { describeTestPayment } from './describeTestPayment';
import { checkTestPaymentInput } from './checkTestPaymentInput';
import { TEST_OUTCOME_INFO, TEST_PAYMENT_CURRENCY, TestOutcome, validateCallbackUrl } from './testPaymentInput';

export const DEFAULT_POLL_INTERVAL_MS = 1000;
export const DEFAULT_MAX_POLL_INTERVAL_MS = 5000;
export const DEFAULT_TIME_LIMIT_MS = 30_000;

export interface TestPaymentInput {
  baseUrl: string;
  product: Product;
  subscriptionKey: string;
  apiUser: string;
  apiKey: string;
  outcome: TestOutcome;
  /** EUR, at most 2 decimals. */
  amount: string | number;
  callbackUrl?: string;
  /** The API user's registered host; read from the sandbox when absent. */
  providerCallbackHost?: string;
  payerMessage?: string;
  payeeNote?: string;
  externalId?: string;
  signal?: AbortSignal;
  /** Wait before the second status read (doubles each time). Default 1000. */
  pollIntervalMs?: number;
  /** Default 5000. */
  maxPollIntervalMs?: number;
  /** Stop polling after this long; the result then says `timedOut`. Default 30000. */
  timeLimitMs?: number;
  /** Per request. Default: the client's 15000. */
  timeoutMs?: number;
  /** Once right after the payment was accepted (polls 0), then after every status read. */
  onStatus?: (update: TestPaymentUpdate) => void;
}

export interface TestPaymentUpdate {
  referenceId: string;
  status: string;
  reason?: PaymentReason;
  polls: number;
}

export interface TestPaymentResult {
  referenceId: string;
  product: Product;
  outcome: TestOutcome;
  partyId: string;
  amount: string;
  currency: string;
  /** The last status read: SUCCESSFUL | FAILED | PENDING (or whatever the sandbox said). */
  status: string;
  reason?: PaymentReason;
  financialTransactionId?: string;
  polls: number;
  /** True when the time limit passed before a final status. */
  timedOut: boolean;
  /** Whether the sandbox answered as documented for this outcome (it has drifted before). */
  matchesOutcome: boolean;
  /** One or two sentences for people, without secrets. */
  summary: string;
  /** Set when the time ran out while status reads kept failing (an outage). */
  lastError?: MomoError;
}

/** Throws MomoError: 'badRequest' for invalid input, 'wrongTargetEnvironment' for production, 'cancelled', or the API's error. */
export async function sendTestPayment(input: TestPaymentInput): Promise<TestPaymentResult> {
  const { problems, clean } = checkTestPaymentInput(input);
  if (problems.length) throw invalidInput(problems);
  const client = new MomoClient({ baseUrl: input.baseUrl, timeoutMs: input.timeoutMs });
  if (PRODUCTION_HOSTS.includes(client.host)) throw productionRefused(client.host);
  const { signal, product } = input;
  const { subscriptionKey, apiUser, apiKey } = clean;

  const user = await readSandboxUser(client, subscriptionKey, apiUser, signal);
  let callbackUrl = clean.callbackUrl;
  if (callbackUrl && !input.providerCallbackHost) {
    // Only now is the registered host known; the rest of the input was checked above.
    const callback = validateCallbackUrl(callbackUrl, user.providerCallbackHost);
    if (!callback.ok) throw invalidInput([callback.message]);
    callbackUrl = callback.value;
  }

  const getToken = async () => (await client.getToken(product, subscriptionKey, apiUser, apiKey, { signal })).accessToken;
  const auth: ProductAuth = { subscriptionKey, accessToken: await getToken(), targetEnvironment: SANDBOX };
  const api = new PaymentApi({ baseUrl: client.baseUrl, host: client.host, timeoutMs: client.timeoutMs });
  const info = TEST_OUTCOME_INFO[input.outcome];
  const referenceId = uuidv4();
  const request = {
    amount: clean.amount,
    currency: TEST_PAYMENT_CURRENCY,
    externalId: input.externalId?.trim() || referenceId.slice(0, 8),
    partyId: info.partyId,
    payerMessage: input.payerMessage?.trim() || 'MoMo Credentials test payment',
    payeeNote: input.payeeNote?.trim() || `Sandbox test: ${info.label}`,
  };
  await api.create(product, auth, referenceId, request, callbackUrl, signal);
  input.onStatus?.({ referenceId, status: 'PENDING', polls: 0 });

  const read = async (): Promise<PaymentStatusAnswer> => {
    try {
      return await api.status(product, auth, referenceId, signal);
    } catch (err) {
      // The documented remedy for an expired token: get a new one and retry once.
      if (!(err instanceof MomoError) || err.kind !== 'tokenExpired') throw err;
      auth.accessToken = await getToken();
      return api.status(product, auth, referenceId, signal);
    }
  };
  const polled = await pollPaymentStatus(read, {
    intervalMs: input.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
    maxIntervalMs: input.maxPollIntervalMs ?? DEFAULT_MAX_POLL_INTERVAL_MS,
    timeLimitMs: input.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS,
    signal,
    onRead: (answer, polls) => input.onStatus?.({ referenceId, status: answer.status, reason: answer.reason, polls }),
  });
  const { amount, currency, partyId } = request;
  return describeTestPayment({ referenceId, product, outcome: input.outcome, partyId, amount, currency, polled });
}

/**
 * Reading the API user proves the host is a sandbox (production has no Provisioning API) and
 * that the user is a sandbox user, and it gives the callback host to check the URL against.
 */
async function readSandboxUser(
  client: MomoClient,
  subscriptionKey: string,
  apiUser: string,
  signal: AbortSignal | undefined,
): Promise<{ providerCallbackHost: string }> {
  let user: { providerCallbackHost: string; targetEnvironment: string };
  try {
    user = await client.getApiUser(subscriptionKey, apiUser, { signal });
  } catch (err) {
    if (err instanceof MomoError && err.kind === 'provisioningNotAvailable') throw productionRefused(client.host);
    throw err;
  }
  if (user.targetEnvironment !== SANDBOX) throw productionRefused(client.host);
  return user;
}

function invalidInput(problems: string[]): MomoError {
  return new MomoError({ kind: 'badRequest', message: problems.join(' '), nextSteps: [] });
}

function productionRefused(host: string): MomoError {
  return new MomoError({
    kind: 'wrongTargetEnvironment',
    host,
    message: `Test payments only run in the sandbox, and ${host} is not a sandbox: in production a payment moves real money.`,
    causes: ['The base URL is a production host, or the API user was created in the MTN Partner Portal for production.'],
    nextSteps: [{ id: 'checkBaseUrl', label: `Use the sandbox base URL, ${SANDBOX_BASE_URL}` }],
  });
}
