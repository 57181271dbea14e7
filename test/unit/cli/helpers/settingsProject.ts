/**
 * Throw-away projects for the `write-settings` tests: files written as given (strings or
 * bytes), optionally a git repository with all of them added; removed after the suite.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CliRun } from './runCli';

export const API_USER = '3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b';
export const API_KEY = '9a8b7c6d5e4f30211a2b3c4d5e6f7089';

export function assertNoKey(run: CliRun): void {
  assert.ok(!run.stdout.includes(API_KEY) && !run.stderr.includes(API_KEY), `the API key was printed:\n${run.stdout}\n${run.stderr}`);
}

export const gitWorks = (() => {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

export function project(files: Record<string, string | Buffer>, options: { git?: boolean } = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'momo-write-settings-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  if (options.git) {
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['add', '-A'], { cwd: dir });
  }
  return dir;
}

export const read = (dir: string, name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

/** A `make` that removes every project it made after the suite. */
export function projects(): (files: Record<string, string | Buffer>, options?: { git?: boolean }) => string {
  const dirs: string[] = [];
  after(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  return (files, options = {}) => {
    const dir = project(files, options);
    dirs.push(dir);
    return dir;
  };
}
