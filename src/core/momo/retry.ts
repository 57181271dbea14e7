/**
 * Bounded retries with exponential backoff, and a sleep that cancellation cuts short.
 */
import { explain } from './explanations';
import { MomoError } from './momoError';

export interface RetryPolicy {
  /** Total tries, the first included. Default 3. */
  attempts?: number;
  /** Wait before the 2nd try; doubles each time. Default 300 ms. */
  baseDelayMs?: number;
}

export const DEFAULT_RETRY: Required<RetryPolicy> = { attempts: 3, baseDelayMs: 300 };

export function resolvePolicy(policy: RetryPolicy | undefined): Required<RetryPolicy> {
  return {
    attempts: Math.max(1, Math.floor(policy?.attempts ?? DEFAULT_RETRY.attempts)),
    baseDelayMs: Math.max(0, policy?.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs),
  };
}

/** Delay before try number `attempt` (2, 3, …). */
export function backoffDelay(policy: Required<RetryPolicy>, attempt: number): number {
  return policy.baseDelayMs * 2 ** (attempt - 2);
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
    try {
      return await task(attempt);
    } catch (err) {
      const error = err as MomoError;
      if (error.kind === 'cancelled' || attempt >= policy.attempts || !shouldRetry(error)) throw error;
    }
    await sleep(backoffDelay(policy, attempt + 1), signal);
  }
}
