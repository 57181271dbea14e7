import type { CallbackAttempt } from './types';

/** Attempts kept; older ones are dropped (and counted) so a long-running emulator stays small. */
export const CALLBACK_LOG_LIMIT = 200;

export type AttemptListener = (attempt: CallbackAttempt) => void;

/**
 * The emulator's delivery log, separate from its request history. Bounded: at most
 * CALLBACK_LOG_LIMIT attempts, each with a bounded body and headers (deliverOnce.ts).
 */
export class CallbackLog {
  private readonly attempts: CallbackAttempt[] = [];
  private readonly listeners = new Set<AttemptListener>();
  private seq = 0;
  dropped = 0;

  constructor(private readonly limit = CALLBACK_LOG_LIMIT) {}

  add(attempt: Omit<CallbackAttempt, 'seq'>): CallbackAttempt {
    const recorded: CallbackAttempt = { seq: ++this.seq, ...attempt };
    this.attempts.push(recorded);
    if (this.attempts.length > this.limit) {
      this.attempts.splice(0, this.attempts.length - this.limit);
      this.dropped++;
    }
    for (const listener of [...this.listeners]) listener(recorded);
    return recorded;
  }

  /** Oldest first; only one payment's attempts when `referenceId` is given. */
  list(referenceId?: string): CallbackAttempt[] {
    const wanted = referenceId?.toLowerCase();
    return this.attempts.filter((a) => wanted === undefined || a.referenceId.toLowerCase() === wanted);
  }

  /**
   * The first attempt for a payment: one already recorded, else the next one to come. Resolves
   * undefined after `timeoutMs` or when `signal` aborts.
   */
  waitFor(referenceId: string, options: { timeoutMs: number; signal?: AbortSignal }): Promise<CallbackAttempt | undefined> {
    const known = this.list(referenceId)[0];
    if (known) return Promise.resolve(known);
    const wanted = referenceId.toLowerCase();
    return new Promise((resolve) => {
      const done = (attempt: CallbackAttempt | undefined): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
        options.signal?.removeEventListener('abort', onAbort);
        resolve(attempt);
      };
      const listener: AttemptListener = (attempt) => {
        if (attempt.referenceId.toLowerCase() === wanted) done(attempt);
      };
      const onAbort = (): void => done(undefined);
      const timer = setTimeout(() => done(undefined), options.timeoutMs);
      this.listeners.add(listener);
      if (options.signal?.aborted) done(undefined);
      else options.signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
