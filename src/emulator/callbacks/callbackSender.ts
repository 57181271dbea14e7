import type { Product } from '../../core/momo/products';
import type { CallbackLog } from './callbackLog';
import { deliverOnce } from './deliverOnce';
import { retryDelayMs } from './retrySchedule';
import type { CallbackMethod, CallbackOptions } from './types';

/** MoMo waits this long for the app's answer. */
const CALLBACK_TIMEOUT_MS = 2000;

export interface FinalPayment {
  product: Product;
  referenceId: string;
  callbackUrl: string;
  /** The body the status call returns for this payment. */
  body: Record<string, unknown>;
}

/**
 * Delivers each final payment's callback: after the configured delay, once (or with MTN's
 * retries when enabled, until the app answers 2xx). Request-to-pay callbacks are PUT and
 * transfer callbacks POST, as integrators report, unless one method is configured.
 * Every attempt goes to the log. close() cancels waits and requests in flight.
 */
export class CallbackSender {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly closing = new AbortController();

  constructor(
    private readonly log: CallbackLog,
    private readonly options: CallbackOptions = {},
  ) {}

  methodFor(product: Product): CallbackMethod {
    return this.options.method ?? (product === 'collection' ? 'PUT' : 'POST');
  }

  send(payment: FinalPayment): void {
    this.later(this.options.delayMs ?? 0, () => this.attempt(payment, 1));
  }

  close(): void {
    this.closing.abort();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private async attempt(payment: FinalPayment, attempt: number): Promise<void> {
    if (this.closing.signal.aborted) return;
    const method = this.methodFor(payment.product);
    const outcome = await deliverOnce({
      url: payment.callbackUrl,
      method,
      body: payment.body,
      timeoutMs: this.options.timeoutMs ?? CALLBACK_TIMEOUT_MS,
      signal: this.closing.signal,
    });
    this.log.add({
      product: payment.product,
      referenceId: payment.referenceId,
      url: payment.callbackUrl,
      method,
      attempt,
      requestBody: payment.body,
      ...outcome,
    });
    const answered2xx = outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
    const neverSent = outcome.error?.code === 'notLocal' || outcome.error?.code === 'cancelled';
    if (answered2xx || neverSent || !this.options.retries) return;
    const wait = retryDelayMs(attempt);
    if (wait !== undefined) this.later(wait, () => this.attempt(payment, attempt + 1));
  }

  private later(ms: number, run: () => Promise<void>): void {
    if (this.closing.signal.aborted) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void run();
    }, ms);
    timer.unref(); // the server keeps a running emulator alive; a pending retry alone must not
    this.timers.add(timer);
  }
}
