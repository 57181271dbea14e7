/**
 * Creates a sandbox API user and its API key without ever losing one: the reference id is
 * chosen here, so a "create user" whose answer was lost can be retried with the same id
 * (a 409 then proves the first try worked), and any failure after the user exists hands its
 * id back in `createdApiUser` so that only the key step is repeated.
 */
import { v4 as uuidv4 } from 'uuid';
import { MomoClient } from './client';
import { classifyError } from './classify';
import { MomoError } from './momoError';
import { Product } from './products';
import { resolvePolicy, RetryPolicy, withRetries } from './retry';

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
    user = await createUser(client, input, apiUser, policy, onStep);
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
    targetEnvironment: details.targetEnvironment || 'sandbox',
  };
}

/**
 * POST /v1_0/apiuser, retried with the same reference id on network errors, timeouts and 5xx.
 * Resolves with the user's details when a retry's 409 was confirmed by a GET, else undefined.
 * If every try fails, nothing secret is lost: the key is only created in the next step.
 */
async function createUser(
  client: MomoClient,
  input: ProvisionInput,
  apiUser: string,
  policy: ReturnType<typeof resolvePolicy>,
  onStep: NonNullable<ProvisionInput['onStep']>,
): Promise<UserDetails | undefined> {
  const { signal, subscriptionKey } = input;
  return withRetries(policy, signal, async (attempt) => {
    onStep('createUser', attempt);
    try {
      await client.createApiUser(subscriptionKey, apiUser, input.callbackHost, { signal });
      return undefined;
    } catch (err) {
      const error = asMomoError(err, client);
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
}

function asMomoError(err: unknown, client: MomoClient): MomoError {
  return classifyError(err, { host: client.host, operation: 'provision' });
}
