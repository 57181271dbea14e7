/**
 * Creates a sandbox API user and its API key without ever losing one: the reference id is
 * chosen here, so a "create user" whose answer was lost can be retried with the same id
 * (a 409 then proves the first try worked), and any failure after the user exists hands its
 * id back in `createdApiUser` so that only the key step is repeated.
 */
import { v4 as uuidv4 } from 'uuid';
import { MomoClient } from './client';
import { classifyError } from './classify';
import { isTlsCode } from './explanations';
import { MomoError } from './momoError';
import { Product } from './products';
import { resolvePolicy, RetryPolicy, withRetries } from './retry';
import { SANDBOX } from './environments';

export type ProvisionStep = 'createUser' | 'confirmUser' | 'createKey';

export interface ProvisionInput {
  baseUrl: string;
  product: Product;
  subscriptionKey: string;
  callbackHost: string;
  /** Resume: the user exists already, only create the key. */
  existingApiUser?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  onStep?: (step: ProvisionStep, attempt: number) => void;
  retry?: RetryPolicy;
}

export interface ProvisionResult {
  apiUser: string;
  apiKey: string;
  product: Product;
  callbackHost: string;
  baseUrl: string;
  targetEnvironment: string;
}

interface UserDetails {
  providerCallbackHost: string;
  targetEnvironment: string;
}

export async function provision(input: ProvisionInput): Promise<ProvisionResult> {
  const client = new MomoClient({ baseUrl: input.baseUrl, timeoutMs: input.timeoutMs });
  const policy = resolvePolicy(input.retry);
  const { signal, subscriptionKey } = input;
  const onStep = input.onStep ?? (() => undefined);

  const confirmUser = (apiUser: string) =>
    withRetries(policy, signal, (attempt) => {
      onStep('confirmUser', attempt);
      return client.getApiUser(subscriptionKey, apiUser, { signal });
    });

  let apiUser: string;
  let user: UserDetails | undefined;
  if (input.existingApiUser) {
    apiUser = input.existingApiUser;
    try {
      user = await confirmUser(apiUser);
    } catch (err) {
      const error = asMomoError(err, client);
      // An id that does not exist is nothing to keep; any other failure leaves it usable.
      throw error.kind === 'apiUserNotFound' ? error : error.withCreatedApiUser(apiUser);
    }
  } else {
    apiUser = uuidv4();
    user = await createUser(client, input, apiUser, policy, onStep, confirmUser);
  }

  // From here on the user exists: every failure must hand its id back.
  const createKey = () =>
    withRetries(policy, signal, (attempt) => {
      // Safe to repeat: a new key replaces the old one, and only the last one is returned.
      onStep('createKey', attempt);
      return client.createApiKey(subscriptionKey, apiUser, { signal });
    });
  // Reading the user back only fills in details, so it runs beside the key step (two round
  // trips instead of three) and its failure never costs a key that was created.
  const [detailsOutcome, keyOutcome] = await Promise.allSettled([user ? Promise.resolve(user) : confirmUser(apiUser), createKey()]);
  if (keyOutcome.status === 'rejected') throw asMomoError(keyOutcome.reason, client).withCreatedApiUser(apiUser);
  const details: Partial<UserDetails> = detailsOutcome.status === 'fulfilled' ? detailsOutcome.value : {};
  return {
    apiUser,
    apiKey: keyOutcome.value,
    product: input.product,
    // The server's record wins: on resume it is the host the user was really created with.
    callbackHost: details.providerCallbackHost || input.callbackHost,
    baseUrl: client.baseUrl,
    targetEnvironment: details.targetEnvironment || SANDBOX,
  };
}

/**
 * POST /v1_0/apiuser, retried with the same reference id on network errors, timeouts and 5xx.
 * Resolves with the user's details when a GET confirmed it (a retry's 409, or the read-back),
 * else undefined. When every try failed but one of them may have reached the server (a 5xx, a
 * reset after the write, the deadline), the user is read back before anything is said: found,
 * provisioning goes on; not found, the failure stands and nothing exists; unknown, the failure
 * carries the id (apiUserUnconfirmed) so it is finished, never created a second time.
 */
async function createUser(
  client: MomoClient,
  input: ProvisionInput,
  apiUser: string,
  policy: ReturnType<typeof resolvePolicy>,
  onStep: NonNullable<ProvisionInput['onStep']>,
  confirmUser: (apiUser: string) => Promise<UserDetails>,
): Promise<UserDetails | undefined> {
  const { signal, subscriptionKey } = input;
  let mayExist = false;
  try {
    return await withRetries(policy, signal, async (attempt) => {
      onStep('createUser', attempt);
      const sent = !signal?.aborted;
      try {
        await client.createApiUser(subscriptionKey, apiUser, input.callbackHost, { signal });
        return undefined;
      } catch (err) {
        const error = asMomoError(err, client);
        if (sent && mayHaveReachedServer(error)) mayExist = true;
        if (attempt === 1 || error.kind !== 'duplicateReferenceId') throw error;
        // An earlier try reached the server and only its answer was lost: the user is ours.
        onStep('confirmUser', attempt);
        try {
          return await client.getApiUser(subscriptionKey, apiUser, { signal });
        } catch (getError) {
          const confirmError = asMomoError(getError, client);
          throw confirmError.kind === 'apiUserNotFound' ? error : confirmError;
        }
      }
    });
  } catch (err) {
    const error = asMomoError(err, client);
    if (!mayExist) throw error;
    return readBack(client, apiUser, error, signal, confirmUser);
  }
}

async function readBack(
  client: MomoClient,
  apiUser: string,
  failure: MomoError,
  signal: AbortSignal | undefined,
  confirmUser: (apiUser: string) => Promise<UserDetails>,
): Promise<UserDetails> {
  // Cancelled: nothing more is sent, but the id is handed back since the user may exist.
  if (failure.kind === 'cancelled' || signal?.aborted) throw failure.withCreatedApiUser(apiUser, false);
  try {
    return await confirmUser(apiUser);
  } catch (err) {
    // Not found: no try went through, so nothing exists and the failure is the whole story.
    if (asMomoError(err, client).kind === 'apiUserNotFound') throw failure;
    throw failure.withCreatedApiUser(apiUser, false);
  }
}

/** Socket errors raised before a request can have been written. */
const NOT_SENT_CODES = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'];

/**
 * Whether a failed "create user" may have been carried out: anything but a definite refusal
 * (4xx) or a connection that never opened.
 */
export function mayHaveReachedServer(error: MomoError): boolean {
  switch (error.kind) {
    case 'timeout':
    case 'serviceUnavailable':
    case 'serverError':
    case 'unexpected':
    case 'cancelled':
      return true;
    case 'network':
      return !error.networkCode || !(NOT_SENT_CODES.includes(error.networkCode) || isTlsCode(error.networkCode));
    default:
      return false;
  }
}

function asMomoError(err: unknown, client: MomoClient): MomoError {
  return classifyError(err, { host: client.host, operation: 'provision' });
}
