import type { IncomingMessage, ServerResponse } from 'http';
import { dispatch, type DispatchDeps } from './dispatch';
import { recordedBody, remember } from './requestHistory';
import { DEFAULT_TRICKLE_INTERVAL_MS, endless, trickle } from './streamFaults';
import { emptyReply, type EmulatorReply, type EmulatorRequest } from './http';
import type { FaultBook } from './faults';
import { isTokenRequest } from './newPlatform';
import type { FaultSpec, RecordedRequest } from './types';

/** Bodies above this are refused (413): MoMo bodies are tiny, and memory is not a test subject. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface ExchangeDeps extends DispatchDeps {
  faults: FaultBook;
  requests: RecordedRequest[];
  historyLimit: number;
  latencyMs(): number;
  /** Aborted by close(): pending waits stop, so no timer outlives the emulator. */
  closing: AbortSignal;
}

/**
 * One HTTP exchange: read the body, record the request, wait the configured latency, then
 * answer — or, when a fault fires, answer the fault instead (before or after processing).
 */
export async function handleExchange(req: IncomingMessage, res: ServerResponse, deps: ExchangeDeps): Promise<void> {
  const read = await readBody(req);
  if (read.kind === 'aborted') return; // the client went away mid-body: nobody to answer
  const body = read.kind === 'ok' ? read.body : '';
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  const record: RecordedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: { ...req.headers }, ...recordedBody(body), status: 0 };
  remember(deps.requests, record, deps.historyLimit);
  if (read.kind === 'tooLarge') {
    send(res, emptyReply(413, `body larger than ${MAX_BODY_BYTES} bytes`), record);
    return;
  }
  const request: EmulatorRequest = {
    method: record.method,
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    body,
    bodyless: body === '' && req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined,
  };
  const fault = deps.faults.take(request.method, request.path);
  const tokenDelay = isTokenRequest(request) ? deps.config.tokenDelayMs : 0;
  const waited = await wait(deps.latencyMs() + tokenDelay + (fault?.delayMs ?? 0), deps.closing);
  if (!waited) return;
  const disruptive = fault && fault.kind !== 'delay' ? fault : undefined;
  if (disruptive && disruptive.when !== 'after') {
    applyFault(disruptive, res, record, deps.closing);
    return;
  }
  const reply = dispatch(request, deps);
  if (disruptive) applyFault(disruptive, res, record, deps.closing);
  else send(res, reply, record);
}

function applyFault(fault: FaultSpec, res: ServerResponse, record: RecordedRequest, closing: AbortSignal): void {
  switch (fault.kind) {
    case 'status':
      send(res, { status: fault.status ?? 500, body: fault.body }, record);
      return;
    case 'reset':
      res.socket?.destroy();
      return;
    case 'hang':
      // Never answer. close() destroys the socket, so a hanging request cannot block shutdown.
      return;
    case 'trickle':
      record.status = 200;
      trickle(res, fault.intervalMs ?? DEFAULT_TRICKLE_INTERVAL_MS, closing);
      return;
    case 'endless':
      record.status = 200;
      endless(res, closing);
      return;
    case 'delay':
      return; // not disruptive; handled by the caller
  }
}

function send(res: ServerResponse, reply: EmulatorReply, record: RecordedRequest): void {
  if (res.destroyed || res.writableEnded) return;
  record.status = reply.status;
  const headers: Record<string, string | number> = { ...reply.headers };
  let payload = '';
  if (typeof reply.body === 'string') {
    payload = reply.body;
    headers['content-type'] ??= 'text/plain; charset=utf-8';
  } else if (reply.body !== undefined) {
    payload = JSON.stringify(reply.body);
    headers['content-type'] = 'application/json; charset=utf-8';
  }
  headers['content-length'] = Buffer.byteLength(payload);
  res.writeHead(reply.status, headers);
  res.end(payload);
}

type BodyRead = { kind: 'ok'; body: string } | { kind: 'tooLarge' } | { kind: 'aborted' };

/** Reads the whole body as UTF-8; a too-large body is drained, not kept. */
function readBody(req: IncomingMessage): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? { kind: 'tooLarge' } : { kind: 'ok', body: Buffer.concat(chunks).toString('utf8') }));
    // Fires after 'end' too, when resolving again is a no-op.
    req.on('close', () => resolve({ kind: 'aborted' }));
    req.on('error', () => resolve({ kind: 'aborted' }));
  });
}

/** Resolves true after `ms`, or false as soon as the emulator closes. */
function wait(ms: number, closing: AbortSignal): Promise<boolean> {
  if (closing.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      closing.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    closing.addEventListener('abort', onAbort, { once: true });
  });
}
