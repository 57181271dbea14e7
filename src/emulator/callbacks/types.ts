import type { Product } from '../../core/momo/products';

export type CallbackMethod = 'PUT' | 'POST';

/**
 * Why an attempt has no HTTP status: the app did not answer within the time limit, nothing
 * listens on that port, the connection broke, the name did not resolve, the host is not on this
 * machine (the emulator only calls local apps, so it never sent anything), or the emulator
 * closed first.
 */
export type CallbackErrorCode = 'timeout' | 'refused' | 'reset' | 'dns' | 'notLocal' | 'network' | 'cancelled';

/** One delivery attempt as the emulator recorded it (GET /_emulator/callbacks). */
export interface CallbackAttempt {
  /** 1-based, in the order attempts finished, across the emulator's life. */
  seq: number;
  product: Product;
  referenceId: string;
  url: string;
  method: CallbackMethod;
  /** 1 for the first delivery, 2 and up for retries. */
  attempt: number;
  /** ISO time the request was started. */
  startedAt: string;
  durationMs: number;
  /** The status the app answered; null when it did not answer. */
  status: number | null;
  error?: { code: CallbackErrorCode; message: string };
  /** The answer's headers (lower-case names; a bounded number, each value bounded). */
  responseHeaders: Record<string, string>;
  /** The first 2 KB of the answer's body, as UTF-8. */
  responseBody: string;
  responseBodyTruncated: boolean;
  /** The JSON body that was sent: the payment's final status. */
  requestBody: Record<string, unknown>;
}

export interface CallbackOptions {
  /** Method for every callback. Default: PUT for request-to-pay, POST for transfers. */
  method?: CallbackMethod;
  /** Wait before the first delivery, in ms. Default 0. */
  delayMs?: number;
  /** Retry as MTN's current documentation describes (see retrySchedule.ts). Default false. */
  retries?: boolean;
  /** How long the app has to answer, in ms. Default 2000, as MTN waits. */
  timeoutMs?: number;
}
