/**
 * Reads a payment's status until it is final or the time limit passes. The sandbox sends no
 * reliable callbacks, so polling is the only way to learn the outcome. The wait between
 * reads grows (backoff) so a payment that stays pending for minutes costs few requests.
 */
import { MomoError } from '../momo/momoError';
import { sleep } from '../momo/retry';
import type { PaymentStatusAnswer } from './paymentApi';

/** Statuses that can still change. The Swagger only has PENDING; the live sandbox has said the others. */
const NON_FINAL_STATUSES = ['PENDING', 'ONGOING', 'CREATED'];

export function isFinalStatus(status: string): boolean {
  return !NON_FINAL_STATUSES.includes(status.toUpperCase());
}

export interface PollOptions {
  /** Wait before the second read; doubles after each read up to `maxIntervalMs`. */
  intervalMs: number;
  maxIntervalMs: number;
  /** Polling stops when this much time has passed since the first read. */
  timeLimitMs: number;
  signal?: AbortSignal;
  /** After each successful read, with the number of reads so far. */
  onRead?: (answer: PaymentStatusAnswer, polls: number) => void;
  /** How to wait between reads (default: a timer); tests record the waits asked for. */
  wait?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface PollOutcome {
  /** The last status read; undefined when no read ever succeeded. */
  last?: PaymentStatusAnswer;
  /** Status reads sent, failed ones included. */
  polls: number;
  timedOut: boolean;
  /** The last transient failure, when the time ran out while the service kept failing. */
  lastError?: MomoError;
}

/**
 * `read` throws MomoError. Transient failures (outage, timeout, dropped connection) are
 * retried at the next tick: the payment exists, and giving up on a 503 would hide its outcome.
 * Anything else, and cancellation, is thrown.
 */
export async function pollPaymentStatus(read: () => Promise<PaymentStatusAnswer>, options: PollOptions): Promise<PollOutcome> {
  const deadline = Date.now() + options.timeLimitMs;
  let delay = Math.max(0, options.intervalMs);
  let polls = 0;
  let last: PaymentStatusAnswer | undefined;
  let lastError: MomoError | undefined;
  for (;;) {
    polls++;
    try {
      last = await read();
      lastError = undefined;
      options.onRead?.(last, polls);
      if (isFinalStatus(last.status)) return { last, polls, timedOut: false };
    } catch (err) {
      const error = err as MomoError;
      if (error.kind === 'cancelled' || !error.retryable) throw error;
      lastError = error;
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) return { last, polls, timedOut: true, lastError };
    await (options.wait ?? sleep)(Math.min(delay, remaining), options.signal);
    delay = Math.min(Math.max(1, delay * 2), options.maxIntervalMs);
  }
}
