import { createServer, type IncomingMessage, type ServerResponse } from 'http';
import type { Socket } from 'net';

/** What a test app received. */
export interface ReceivedCallback {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type AppHandler = (req: ReceivedCallback, res: ServerResponse) => void;

export interface TestApp {
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  received: ReceivedCallback[];
  /** Resolves with the nth request (1-based) once it arrived. */
  nthRequest(n: number): Promise<ReceivedCallback>;
  close(): Promise<void>;
}

/**
 * A small "developer's app" on 127.0.0.1 that answers callbacks the way a test tells it to,
 * and remembers every request it got. close() also ends connections left hanging on purpose.
 */
export async function startTestApp(handler: AppHandler): Promise<TestApp> {
  const received: ReceivedCallback[] = [];
  const waiters: { n: number; resolve: (r: ReceivedCallback) => void }[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const got = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(got);
      for (const w of waiters.filter((w) => w.n === received.length)) w.resolve(got);
      handler(got, res);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    received,
    nthRequest: (n) =>
      received.length >= n ? Promise.resolve(received[n - 1]) : new Promise((resolve) => waiters.push({ n, resolve })),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}

/** A port nothing listens on (taken, then released). */
export async function closedPort(): Promise<number> {
  const app = await startTestApp((_req, res) => res.end());
  await app.close();
  return app.port;
}

export function answer(status: number, body = '', headers: Record<string, string> = {}): AppHandler {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'text/plain', ...headers });
    res.end(body);
  };
}
