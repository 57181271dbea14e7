/**
 * What git says about one file, for `write-settings`: whether it is inside a repository, tracked
 * (`git ls-files --error-unmatch`) and ignored (`git check-ignore -q`). git runs in the file's
 * folder. No git, or a folder outside any repository, is an answer too: not tracked.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export interface GitFileState {
  inRepository: boolean;
  /** The repository's top folder, when inside one. */
  topLevel?: string;
  tracked?: boolean;
  /** undefined when git could not say. */
  ignored?: boolean;
}

const TIMEOUT_MS = 5000;

function git(cwd: string, args: string[]): { status: number | null; stdout: string } {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', timeout: TIMEOUT_MS, windowsHide: true, stdio: ['ignore', 'pipe', 'ignore'] });
  return result.error ? { status: null, stdout: '' } : { status: result.status, stdout: result.stdout ?? '' };
}

export function gitFileState(filePath: string): GitFileState {
  const dir = path.dirname(filePath);
  const name = path.basename(filePath);
  const top = git(dir, ['rev-parse', '--show-toplevel']);
  if (top.status !== 0) {
    return { inRepository: false };
  }
  const tracked = git(dir, ['ls-files', '--error-unmatch', '--', name]).status === 0;
  // check-ignore: 0 ignored, 1 not ignored, anything else is no answer.
  const ignore = git(dir, ['check-ignore', '-q', '--', name]).status;
  return {
    inRepository: true,
    topLevel: top.stdout.trim(),
    tracked,
    ...(ignore === 0 || ignore === 1 ? { ignored: ignore === 0 } : {}),
  };
}
