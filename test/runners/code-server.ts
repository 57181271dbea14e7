// Starts and stops a real VS Code (code-server) on loopback for one test run.
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as path from 'path';
import { ARTIFACTS_DIR, CODE_SERVER_ENTRY, REPO_ROOT } from './paths';
import { TestEnvironment } from './test-environment';

export interface CodeServer {
  /** e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  port: number;
  /** code-server's own output, for when something goes wrong. */
  logFile: string;
  stop(): Promise<void>;
}

export interface WorkbenchUrlOptions {
  folder: string;
  /** Absolute path of a compiled mocha index exporting run(); makes the window a test run. */
  extensionTestsPath?: string;
}

export interface StartCodeServerOptions {
  /** A fixed port (the demo's 8080); default: any free port. */
  port?: number;
  /** Leave workspace trust on (the Restricted Mode tests); default off. */
  workspaceTrust?: boolean;
  /** Extra environment for code-server and its extension host. */
  env?: Record<string, string>;
  /** VS Code's display language (`--locale`), e.g. "fr"; default English. */
  locale?: string;
}

export async function startCodeServer(env: TestEnvironment, name: string, options: StartCodeServerOptions = {}): Promise<CodeServer> {
  if (!fs.existsSync(CODE_SERVER_ENTRY)) {
    throw new Error(`code-server is not installed. Run: node scripts/install-test-tools.js`);
  }
  const port = options.port ?? (await findFreePort());
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const logFile = path.join(ARTIFACTS_DIR, `${name}-code-server.log`);
  const out = fs.openSync(logFile, 'w');
  const args = [
    CODE_SERVER_ENTRY,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--config', path.join(env.root, 'code-server.yaml'),
    '--user-data-dir', env.userDataDir,
    '--extensions-dir', env.extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(options.locale ? ['--locale', options.locale] : []),
    env.workspace,
  ];
  // Own process group, so stop() ends code-server together with its extension host and pty host.
  const childEnv = { ...process.env, ...options.env };
  delete childEnv.PORT; // code-server would prefer $PORT over --bind-addr
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env: childEnv, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const baseUrl = `http://127.0.0.1:${port}`;
  const server: CodeServer = { baseUrl, port, logFile, stop: () => stopProcessGroup(child) };
  try {
    await waitUntilListening(`${baseUrl}/healthz`, child, 30_000);
  } catch (err) {
    await server.stop();
    throw new Error(`${(err as Error).message}\n--- ${logFile} ---\n${tail(logFile, 30)}`, { cause: err });
  }
  return server;
}

/**
 * The workbench URL, loading this repo as the extension under development (the web client reads
 * that, and the test index, from the `payload` parameter, as in VS Code's own browser tests).
 */
export function workbenchUrl(server: CodeServer, options: WorkbenchUrlOptions): string {
  const remote = (p: string) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(REPO_ROOT)],
    ['skipWelcome', 'true'],
  ];
  if (options.extensionTestsPath) payload.push(['extensionTestsPath', remote(options.extensionTestsPath)]);
  const params = new URLSearchParams({ folder: options.folder, payload: JSON.stringify(payload) });
  return `${server.baseUrl}/?${params.toString()}`;
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilListening(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited early (${child.exitCode ?? child.signalCode})`);
    }
    if (await answers(url)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer ${url} within ${timeoutMs / 1000} s`);
}

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.setTimeout(1000, () => request.destroy());
    request.on('error', () => resolve(false));
  });
}

async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  signalGroup(child.pid, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child.pid!, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
  signalGroup(child.pid, 'SIGKILL'); // children that outlived their parent
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

export function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
