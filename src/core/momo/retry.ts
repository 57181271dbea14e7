/**
 * Bounded retries with exponential backoff and jitter (so many clients failing together do not
 * come back together), honouring the server's Retry-After on 429 and 503, and a sleep that
 * cancellation cuts short.
 */
import { explain } from './explanations';
import { MomoError } from './momoError';

export interface RetryPolicy {
  /** Total tries, the first included. Default 3. */
  attempts?: number;
  /** Wait before the 2nd try; doubles each time. Default 300 ms. */
  baseDelayMs?: number;
}

const DEFAULT_RETRY: Required<RetryPolicy> = { attempts: 3, baseDelayMs: 300 };

export function resolvePolicy(policy: RetryPolicy | undefined): Required<RetryPolicy> {
  return {
    attempts: Math.max(1, Math.floor(policy?.attempts ?? DEFAULT_RETRY.attempts)),
    baseDelayMs: Math.max(0, policy?.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs),
  };
}

/** The longest Retry-After worth waiting for; a server asking for more is reported, not waited on. */
export const MAX_RETRY_AFTER_MS = 30_000;

/** Delay before try number `attempt` (2, 3, …): half the exponential step fixed, half random. */
export function backoffDelay(policy: Required<RetryPolicy>, attempt: number, random: () => number = Math.random): number {
  const step = policy.baseDelayMs * 2 ** (attempt - 2);
  return Math.round(step / 2 + (step / 2) * random());
}

/**
 * A Retry-After header value in milliseconds: delay-seconds or an HTTP date. Undefined when
 * absent or unreadable (the value is bounded before it is parsed: it comes from the network).
 */
export function parseRetryAfter(value: unknown, now: number = Date.now()): number | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return undefined;
  const text = value.trim();
  if (/^\d{1,9}$/.test(text)) return Number(text) * 1000;
  // IMF-fixdate, the form HTTP servers send: "Mon, 30 Nov 2026 10:00:05 GMT".
  if (!/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** How long to wait before try `attempt` after `error`; undefined when the server asked for too long a wait. */
export function retryDelay(policy: Required<RetryPolicy>, attempt: number, error: MomoError): number | undefined {
  const backoff = backoffDelay(policy, attempt);
  if (error.retryAfterMs === undefined) return backoff;
  return error.retryAfterMs > MAX_RETRY_AFTER_MS ? undefined : Math.max(error.retryAfterMs, backoff);
}

/** Resolves after `ms`, or rejects with a 'cancelled' MomoError as soon as the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(explain('cancelled'));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(explain('cancelled'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `task` until it succeeds, fails with an error that is not worth retrying, or the
 * attempts run out. `task` gets the attempt number so that it can tell a retry from the first try.
 */
export async function withRetries<T>(
  policy: Required<RetryPolicy>,
  signal: AbortSignal | undefined,
  task: (attempt: number) => Promise<T>,
  shouldRetry: (error: MomoError) => boolean = (error) => error.retryable,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let delay: number | undefined;
    try {
      return await task(attempt);
    } catch (err) {
      const error = err as MomoError;
      if (error.kind === 'cancelled' || attempt >= policy.attempts || !shouldRetry(error)) throw error;
      delay = retryDelay(policy, attempt + 1, error);
      if (delay === undefined) throw error;
    }
    await sleep(delay, signal);
  }
}
