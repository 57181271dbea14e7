/**
 * Faults that answer and never finish: the headers of a 200, then a body that trickles one
 * byte at a time or streams without end. They exist to prove that a client gives up on its
 * own deadline and body cap; each stops as soon as the client goes away or the emulator closes.
 */
import type { ServerResponse } from 'http';

/** Default pause between two trickled bytes: a socket idle timeout never fires. */
export const DEFAULT_TRICKLE_INTERVAL_MS = 5000;
const ENDLESS_CHUNK = Buffer.alloc(64 * 1024, '0');

function startStreaming(res: ServerResponse): void {
  // No Content-Length: the body is chunked, so the client cannot know when it ends.
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  res.flushHeaders();
}

/** Sends one byte every `intervalMs`, forever. */
export function trickle(res: ServerResponse, intervalMs: number, closing: AbortSignal): void {
  startStreaming(res);
  const timer = setInterval(() => res.write(' '), intervalMs);
  const stop = (): void => {
    clearInterval(timer);
    res.destroy();
  };
  res.once('close', stop);
  closing.addEventListener('abort', stop, { once: true });
}

/** Streams 64 KB chunks as fast as the client reads them, forever. */
export function endless(res: ServerResponse, closing: AbortSignal): void {
  startStreaming(res);
  let stopped = false;
  const pump = (): void => {
    while (!stopped && res.write(ENDLESS_CHUNK));
  };
  const stop = (): void => {
    stopped = true;
    res.off('drain', pump);
    res.destroy();
  };
  res.on('drain', pump);
  res.once('close', stop);
  closing.addEventListener('abort', stop, { once: true });
  pump();
}
