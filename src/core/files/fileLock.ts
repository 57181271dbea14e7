/**
 * A lock file beside each file a run will write (`.<name>.momo-lock`, holding the owner's pid),
 * so two runs on one project (one per product, say) take turns instead of both planning on the
 * same text and the second rename erasing the first one's lines. Locks are taken in path
 * order (no deadlock between runs locking the same files), a lock whose process is gone is
 * taken over, and a folder where no lock can be made (read-only) is written without one: the
 * compare-before-replace in safeFile.ts still catches a change there.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { SettingsFileError } from './fileErrors';

export interface LockOptions {
  /** How long to wait for another run to finish. */
  waitMs?: number;
  /** Pause between tries. */
  pollMs?: number;
}

const DEFAULT_WAIT_MS = 30_000;
const DEFAULT_POLL_MS = 25;

function lockPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.momo-lock`);
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Takes one lock; resolves to its release, or to undefined when the folder allows no lock file. */
async function acquire(file: string, options: Required<LockOptions>): Promise<(() => Promise<void>) | undefined> {
  const lock = lockPathFor(file);
  const giveUpAt = Date.now() + options.waitMs;
  for (;;) {
    try {
      await fs.writeFile(lock, String(process.pid), { flag: 'wx', mode: 0o600 });
      return () => fs.unlink(lock).catch(() => undefined);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') return undefined; // read-only or missing folder: no lock possible here
    }
    const owner = Number((await fs.readFile(lock, 'utf8').catch(() => '')).trim());
    if (owner && !processAlive(owner)) {
      // A run that died: take its lock over (once; another waiter may race us to it, which 'wx' settles).
      await fs.unlink(lock).catch(() => undefined);
      continue;
    }
    if (Date.now() >= giveUpAt) {
      throw new SettingsFileError(
        `${file} is being written by another momo-credentials run${owner ? ` (process ${owner})` : ''}, so nothing was written. Run again when it has finished${owner ? '' : `, or delete ${lock} if no run is active`}.`,
      );
    }
    await sleep(options.pollMs);
  }
}

/** Runs `work` holding a lock on every one of `files` (real paths; duplicates counted once). */
export async function withFileLocks<T>(files: readonly string[], work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const settings = { waitMs: options.waitMs ?? DEFAULT_WAIT_MS, pollMs: options.pollMs ?? DEFAULT_POLL_MS };
  const releases: (() => Promise<void>)[] = [];
  try {
    for (const file of [...new Set(files.map((f) => path.resolve(f)))].sort()) {
      const release = await acquire(file, settings);
      if (release) releases.push(release);
    }
    return await work();
  } finally {
    for (const release of releases.reverse()) await release();
  }
}
