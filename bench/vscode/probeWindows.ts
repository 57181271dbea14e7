/**
 * Windows of code-server (installed by scripts/install-test-tools.js) in headless Chromium, each
 * a fresh extension host with one extension folder under development and a probe as the window's
 * test runner (extensionTestsPath). The probe prints one line; `parse` reads it back. Shared by
 * the code-server sections of the bench.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { format } from 'util';
import { launchBrowser } from '../../test/runners/browser';
import { CodeServer, startCodeServer } from '../../test/runners/code-server';
import { onCleanup, withDeadline } from '../../test/runners/lifecycle';
import { CHROMIUM_PATH, CODE_SERVER_ENTRY } from '../../test/runners/paths';
import { BASE_SETTINGS, createTestEnvironment, type TestEnvironment } from '../../test/runners/test-environment';
import { REPO_ROOT } from '../lib/paths';

const WINDOW_TIMEOUT_MS = 90_000;

export interface ProbeSession<T> {
  env: TestEnvironment;
  /** Loads `extensionDir` in a new window on `folder`, runs the probe, returns what it printed. */
  runWindow(extensionDir: string, folder: string): Promise<T>;
}

/**
 * Starts code-server and Chromium, runs `work`, then stops both. `prepare` runs before
 * code-server starts (it registers what it finds in a new extensions folder then).
 */
export async function withProbeSession<T, R>(
  probe: string,
  parse: (line: string) => T | undefined,
  prepare: (env: TestEnvironment) => void,
  work: (session: ProbeSession<T>) => Promise<R>,
): Promise<R> {
  const env = createTestEnvironment(BASE_SETTINGS);
  onCleanup(() => env.dispose()); // Ctrl-C; the normal path disposes it below
  prepare(env);
  let server: CodeServer | undefined;
  let closeBrowser: (() => Promise<void>) | undefined;
  try {
    server = await startCodeServer(env, 'bench');
    // Also on Ctrl-C: code-server runs in its own process group and would outlive the bench.
    const stopServer = server.stop;
    onCleanup(() => stopServer());
    const browser = await launchBrowser();
    closeBrowser = browser.close;
    onCleanup(() => browser.close());
    const { page } = browser;

    let report: T | undefined;
    let onExit: (code: number) => void = () => undefined;
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      if (process.env.MOMO_BENCH_DEBUG) console.error(`[host ${new Date().toISOString().slice(11, 19)}]`, line);
      report = parse(line) ?? report;
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => onExit(code));
    const running = server;
    const runWindow = async (extensionDir: string, folder: string): Promise<T> => {
      report = undefined;
      const exited = new Promise<number>((resolve) => (onExit = resolve));
      await page.goto(probeUrl(running, probe, extensionDir, folder));
      const code = await withDeadline(exited, WINDOW_TIMEOUT_MS, `the probe did not finish within ${WINDOW_TIMEOUT_MS / 1000} s`);
      if (code !== 0 || !report) {
        throw new Error(`the probe failed (exit ${code}); MOMO_BENCH_DEBUG=1 shows the extension host's output, ${running.logFile} code-server's`);
      }
      return report;
    };
    return await work({ env, runWindow });
  } finally {
    await closeBrowser?.();
    await server?.stop();
    env.dispose();
  }
}

/** Undefined when code-server and Chromium are there (installing them if needed), else why not. */
export function ensureTools(): string | undefined {
  if (fs.existsSync(CODE_SERVER_ENTRY) && fs.existsSync(CHROMIUM_PATH)) return undefined;
  console.error('bench: code-server or Chromium missing, running node scripts/install-test-tools.js');
  const install = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'install-test-tools.js')], { cwd: REPO_ROOT, stdio: ['ignore', process.stderr, process.stderr] });
  if (install.status === 0 && fs.existsSync(CODE_SERVER_ENTRY) && fs.existsSync(CHROMIUM_PATH)) return undefined;
  return 'code-server/Chromium could not be installed (scripts/install-test-tools.js failed)';
}

/** A workbench URL that loads the extension folder as the extension under development and runs the probe. */
function probeUrl(server: CodeServer, probe: string, extensionDir: string, folder: string): string {
  const remote = (p: string) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionDir)],
    ['extensionTestsPath', remote(probe)],
    ['skipWelcome', 'true'],
  ];
  return `${server.baseUrl}/?${new URLSearchParams({ folder, payload: JSON.stringify(payload) }).toString()}`;
}
