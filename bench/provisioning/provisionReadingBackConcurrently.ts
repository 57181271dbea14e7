/**
 * A prototype of a proposed change to src/core/momo/provision.ts, to measure it: after "create
 * user", read the user back WHILE the key is created, instead of before. Two round trips instead
 * of three, the same requests and the same result. (Retries, resume and error handling stay as
 * they are in provision(); this prototype leaves them out because the happy path is what is timed.)
 */
import { randomUUID } from 'crypto';
import { MomoClient } from '../../src/core/momo/client';
import type { Product } from '../../src/core/momo/products';
import type { ProvisionResult } from '../../src/core/momo/provision';

export async function provisionReadingBackConcurrently(input: { baseUrl: string; product: Product; subscriptionKey: string; callbackHost: string }): Promise<ProvisionResult> {
  const client = new MomoClient({ baseUrl: input.baseUrl });
  const apiUser = randomUUID();
  await client.createApiUser(input.subscriptionKey, apiUser, input.callbackHost);
  const [details, apiKey] = await Promise.all([
    client.getApiUser(input.subscriptionKey, apiUser),
    client.createApiKey(input.subscriptionKey, apiUser),
  ]);
  return {
    apiUser,
    apiKey,
    product: input.product,
    callbackHost: details.providerCallbackHost || input.callbackHost,
    baseUrl: client.baseUrl,
    targetEnvironment: details.targetEnvironment,
  };
}
