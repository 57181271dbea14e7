// A MoMo host that is not MTN's and not loopback-looking, for the trust tests: an https server
// for momo-capture.example.net, with a certificate from a test CA made here (openssl), that
// records every request and passes it on to the emulator (so an allowed host works end to end).
// The name is mapped to 127.0.0.1 and the test CA trusted only inside this extension host, by
// wrapping dns.lookup and tls.createSecureContext until close().
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import type * as Tls from 'tls';

// The modules themselves (not TypeScript's read-only namespace copies), so their functions can be wrapped.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dns = require('dns') as { lookup: (...args: unknown[]) => unknown };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tls = require('tls') as { createSecureContext: typeof Tls.createSecureContext };

export const CAPTURE_HOST_NAME = 'momo-capture.example.net';

export interface CapturedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface CaptureServer {
  /** https://momo-capture.example.net:<port> */
  url: string;
  /** host:port, as approvals are kept. */
  host: string;
  requests: CapturedRequest[];
  /** Every header value and body received, to look for secrets in. */
  everythingReceived(): string;
  close(): Promise<void>;
}

interface TestCertificates {
  ca: string;
  key: string;
  cert: string;
}

function makeCertificates(): TestCertificates {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'momo-test-ca-'));
  const file = (name: string): string => path.join(dir, name);
  const openssl = (...args: string[]): void => void execFileSync('openssl', args, { stdio: 'pipe' });
  try {
    openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('ca.key'), '-out', file('ca.pem'), '-days', '1', '-subj', '/CN=MoMo test CA');
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', file('server.key'), '-out', file('server.csr'), '-subj', `/CN=${CAPTURE_HOST_NAME}`);
    fs.writeFileSync(file('san.ext'), `subjectAltName=DNS:${CAPTURE_HOST_NAME}\n`);
    openssl('x509', '-req', '-in', file('server.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial', '-out', file('server.pem'), '-days', '1', '-extfile', file('san.ext'));
    return { ca: fs.readFileSync(file('ca.pem'), 'utf8'), key: fs.readFileSync(file('server.key'), 'utf8'), cert: fs.readFileSync(file('server.pem'), 'utf8') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Maps the capture name to 127.0.0.1 and trusts the test CA, in this process only; returns the undo. */
function mapNameAndTrustCa(ca: string): () => void {
  const originalLookup = dns.lookup;
  const originalContext = tls.createSecureContext;
  dns.lookup = function (hostname: unknown, ...rest: unknown[]) {
    const mapped = typeof hostname === 'string' && hostname.toLowerCase() === CAPTURE_HOST_NAME ? '127.0.0.1' : hostname;
    return originalLookup.call(this, mapped, ...rest);
  };
  tls.createSecureContext = (options?: Tls.SecureContextOptions) => {
    const context = originalContext(options);
    (context.context as { addCACert(ca: string): void }).addCACert(ca);
    return context;
  };
  return () => {
    dns.lookup = originalLookup;
    tls.createSecureContext = originalContext;
  };
}

export async function startCaptureServer(forwardTo: string): Promise<CaptureServer> {
  const certificates = makeCertificates();
  const requests: CapturedRequest[] = [];
  const target = new URL(forwardTo);
  const server = https.createServer({ key: certificates.key, cert: certificates.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: body.toString('utf8') });
      const forward = http.request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => res.writeHead(502).end());
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const undo = mapNameAndTrustCa(certificates.ca);
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://${CAPTURE_HOST_NAME}:${port}`,
    host: `${CAPTURE_HOST_NAME}:${port}`,
    requests,
    everythingReceived: () => requests.map((r) => `${r.path}\n${JSON.stringify(r.headers)}\n${r.body}`).join('\n'),
    close: async () => {
      undo();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
