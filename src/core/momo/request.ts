/**
 * One MoMo HTTP exchange, shared by the client and the payment calls: a 2xx resolves with the
 * body text; anything else, or a transport failure, becomes a MomoError. Only the
 * classification ever leaves: axios errors hold the request headers, which are secrets.
 */
import type { AxiosInstance, AxiosRequestConfig } from 'axios';
import { classifyError, classifyResponse, type ErrorContext } from './classify';
import { explain } from './explanations';

export async function sendMomoRequest(http: AxiosInstance, context: ErrorContext, config: AxiosRequestConfig, signal?: AbortSignal): Promise<string> {
  if (signal?.aborted) throw explain('cancelled', { host: context.host });
  let status: number;
  let data: unknown;
  try {
    ({ status, data } = await http.request({ ...config, signal }));
  } catch (err) {
    throw classifyError(err, context);
  }
  if (status < 200 || status >= 300) throw classifyResponse(status, data, context);
  return typeof data === 'string' ? data : '';
}

/** The headers every product call (balance, account holder, payments) carries. */
export function productHeaders(subscriptionKey: string, accessToken: string, targetEnvironment: string): Record<string, string> {
  return {
    Authorization: `Bearer ${accessToken}`,
    'Ocp-Apim-Subscription-Key': subscriptionKey,
    'X-Target-Environment': targetEnvironment,
  };
}
