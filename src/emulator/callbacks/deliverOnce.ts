import * as http from 'http';
import * as https from 'https';
import { isLocalHost } from '../../core/callbacks/localHosts';
import type { CallbackAttempt, CallbackErrorCode, CallbackMethod } from './types';

/** The part of the answer's body an attempt keeps. */
const RESPONSE_BODY_LIMIT = 2048;
const MAX_HEADERS = 40;
const MAX_HEADER_VALUE = 512;

export interface DeliveryRequest {
  url: string;
  method: CallbackMethod;
  body: Record<string, unknown>;
  timeoutMs: number;
  /** Aborted when the emulator closes. */
  signal: AbortSignal;
}

export type DeliveryOutcome = Pick<
  CallbackAttempt,
  'startedAt' | 'durationMs' | 'status' | 'error' | 'responseHeaders' | 'responseBody' | 'responseBodyTruncated'
>;

/**
 * Calls the app once, as MoMo does: JSON body, no redirect followed (a 3xx is the answer), at
 * most `timeoutMs` for the whole answer. After the status line arrives, the body is read up to
 * RESPONSE_BODY_LIMIT bytes or until the time is up, whichever comes first; the status counts.
 * Never rejects.
 */
export function deliverOnce(request: DeliveryRequest): Promise<DeliveryOutcome> {
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const url = new URL(request.url);
  const empty = { startedAt, status: null, responseHeaders: {}, responseBody: '', responseBodyTruncated: false };
  if (!isLocalHost(url.hostname)) {
    return Promise.resolve({
      ...empty,
      durationMs: 0,
      error: { code: 'notLocal', message: `Not sent: ${url.hostname} is not this machine; the emulator only calls apps on localhost.` },
    });
  }
  const payload = JSON.stringify(request.body);
  return new Promise((resolve) => {
    let finished = false;
    let status: number | null = null;
    let headers: Record<string, string> = {};
    const chunks: Buffer[] = [];
    let kept = 0;
    let truncated = false;

    const finish = (error?: { code: CallbackErrorCode; message: string }): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      request.signal.removeEventListener('abort', onAbort);
      req.destroy();
      resolve({
        startedAt,
        durationMs: Date.now() - started,
        status,
        ...(status === null && error ? { error } : {}),
        responseHeaders: headers,
        responseBody: Buffer.concat(chunks).toString('utf8'),
        responseBodyTruncated: truncated,
      });
    };
    const onAbort = (): void => finish({ code: 'cancelled', message: 'The emulator closed before the app answered.' });
    const timer = setTimeout(
      () => finish({ code: 'timeout', message: `No answer within ${request.timeoutMs} ms.` }),
      request.timeoutMs,
    );

    const lib = url.protocol === 'https:' ? https : http;
    const req = lib.request(
      url,
      {
        method: request.method,
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          'user-agent': 'momo-emulator-callback/1',
        },
      },
      (res) => {
        status = res.statusCode ?? null;
        headers = boundedHeaders(res.headers);
        res.on('data', (chunk: Buffer) => {
          const room = RESPONSE_BODY_LIMIT - kept;
          if (chunk.length > room) truncated = true;
          if (room > 0) {
            chunks.push(chunk.subarray(0, room));
            kept += Math.min(room, chunk.length);
          }
          if (truncated) finish();
        });
        res.on('end', () => finish());
        res.on('error', () => finish());
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => finish(networkError(err)));
    if (request.signal.aborted) onAbort();
    else request.signal.addEventListener('abort', onAbort, { once: true });
    req.end(payload);
  });
}

function networkError(err: NodeJS.ErrnoException): { code: CallbackErrorCode; message: string } {
  switch (err.code) {
    case 'ECONNREFUSED':
      return { code: 'refused', message: 'Connection refused: nothing listens on that port.' };
    case 'ECONNRESET':
    case 'EPIPE':
      return { code: 'reset', message: 'The app closed the connection without answering.' };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { code: 'dns', message: 'The host name did not resolve.' };
    default:
      return { code: 'network', message: `The request failed (${err.code ?? 'network error'}).` };
  }
}

function boundedHeaders(raw: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw).slice(0, MAX_HEADERS)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    out[name] = text.length > MAX_HEADER_VALUE ? text.slice(0, MAX_HEADER_VALUE) : text;
  }
  return out;
}
