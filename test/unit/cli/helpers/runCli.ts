/**
 * Runs the BUILT CLI (dist/cli.js) as a child process, the way users run it.
 */
import * as assert from 'node:assert/strict';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root, found from wherever the compiled test runs. */
export function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'esbuild.js'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('esbuild.js not found above ' + __dirname);
    dir = parent;
  }
  return dir;
}

let cliPath: string | undefined;

/** Builds with `node esbuild.js` once per run and returns the path of dist/cli.js. */
export function buildCli(): string {
  if (cliPath) return cliPath;
  const root = repoRoot();
  const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`node esbuild.js failed:\n${build.stderr}${build.stdout}`);
  cliPath = path.join(root, 'dist', 'cli.js');
  return cliPath;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Environment without the caller's MoMo variables, so a developer's real keys never leak in. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  // Without MOMO_* and the language variables: the tests read English unless they ask for another.
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('MOMO_') && !/^(LANG|LC_ALL|LC_MESSAGES)$/.test(name)) env[name] = value;
  return { ...env, ...extra };
}

/** A running CLI whose output is collected as it comes. */
export interface LiveCli {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  done: Promise<CliRun>;
  /** Resolves once `pattern` has appeared on the stream. */
  waitFor(stream: 'stdout' | 'stderr', pattern: RegExp, timeoutMs?: number): Promise<void>;
}

export function startCli(args: string[], env: Record<string, string> = {}): LiveCli {
  const child = spawn(process.execPath, [buildCli(), ...args], { env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  const out = { stdout: '', stderr: '' };
  const listeners = new Set<() => void>();
  for (const stream of ['stdout', 'stderr'] as const) {
    child[stream].setEncoding('utf8').on('data', (d: string) => {
      out[stream] += d;
      for (const listener of listeners) listener();
    });
  }
  const done = new Promise<CliRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, ...out }));
  });
  const waitFor = (stream: 'stdout' | 'stderr', pattern: RegExp, timeoutMs = 10_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!pattern.test(out[stream])) return;
        listeners.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`timed out waiting for ${pattern} on ${stream}; got: ${out[stream]}`));
      }, timeoutMs);
      listeners.add(check);
      check();
    });
  return { child, stdout: () => out.stdout, stderr: () => out.stderr, done, waitFor };
}

export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return startCli(args, env).done;
}

/** Fails with both streams shown when the exit code is not the expected one. */
export function assertExit(run: CliRun, code: number): void {
  assert.equal(run.code, code, `exit ${run.code}, expected ${code}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
}
