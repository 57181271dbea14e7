/**
 * One MoMo HTTP exchange, shared by the client and the payment calls: a 2xx resolves with the
 * body text; anything else, or a transport failure, becomes a MomoError. Only the
 * classification ever leaves: axios errors hold the request headers, which are secrets.
 *
 * Every exchange ends: the deadline (context.timeoutMs, default 15 s) covers connecting, the
 * headers and the whole body, and a body larger than MAX_RESPONSE_BYTES is cut off.
 */
import type { AxiosInstance, AxiosRequestConfig } from 'axios';
import { classifyError, classifyResponse, type ErrorContext } from './classify';
import { startDeadline } from './deadline';
import { explain } from './explanations';
import { MAX_RESPONSE_BYTES } from './http';
import { MomoError } from './momoError';
import { parseRetryAfter } from './retry';

export const DEFAULT_TIMEOUT_MS = 15_000;

export async function sendMomoRequest(http: AxiosInstance, context: ErrorContext, config: AxiosRequestConfig, signal?: AbortSignal): Promise<string> {
  if (signal?.aborted) throw explain('cancelled', { host: context.host });
  const timeoutMs = context.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = startDeadline(timeoutMs, signal);
  let status: number;
  let data: unknown;
  let headers: Record<string, unknown>;
  try {
    ({ status, data, headers } = await http.request({ ...config, timeout: timeoutMs, signal: deadline.signal }));
  } catch (err) {
    if (deadline.expired()) throw explain('timeout', { host: context.host, operation: context.operation, timeoutMs });
    if (isBodyTooLarge(err)) throw responseTooLarge(context.host);
    throw classifyError(err, { ...context, timeoutMs });
  } finally {
    deadline.dispose();
  }
  if (status < 200 || status >= 300) {
    const error = classifyResponse(status, data, context);
    if (error.retryable) error.retryAfterMs = parseRetryAfter(headers['retry-after']);
    throw error;
  }
  return typeof data === 'string' ? data : '';
}

/** axios's own refusal of a body over maxContentLength (set in createHttp). */
function isBodyTooLarge(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const { code, message } = err as { code?: unknown; message?: unknown };
  return code === 'ERR_BAD_RESPONSE' && typeof message === 'string' && message.startsWith('maxContentLength');
}

function responseTooLarge(host: string): MomoError {
  return new MomoError({
    kind: 'unexpected',
    host,
    message: `${host} sent an answer larger than ${MAX_RESPONSE_BYTES / (1024 * 1024)} MB; MoMo answers are a few hundred bytes, so it was cut off.`,
    causes: ['The base URL points at something other than the MoMo API, such as a download, a proxy or a web page.'],
    nextSteps: [
      { id: 'checkBaseUrl', label: 'Check the API base URL' },
      { id: 'showLog', label: 'Show the log' },
    ],
  });
}

/** The headers every product call (balance, account holder, payments) carries. */
export function productHeaders(subscriptionKey: string, accessToken: string, targetEnvironment: string): Record<string, string> {
  return {
    Authorization: `Bearer ${accessToken}`,
    'Ocp-Apim-Subscription-Key': subscriptionKey,
    'X-Target-Environment': targetEnvironment,
  };
}
