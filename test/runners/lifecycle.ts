// Cleanup that runs however the runner ends: normal exit, a thrown error, a timeout or Ctrl-C.

type Cleanup = () => void | Promise<void>;
const cleanups: Cleanup[] = [];

/** Registers work to undo; the most recent runs first. */
export function onCleanup(cleanup: Cleanup): void {
  cleanups.push(cleanup);
}

let cleaning: Promise<void> | undefined;

/** Runs every cleanup once; a second caller (a signal during a normal exit) waits for the same run. */
export function runCleanups(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length > 0) {
      const cleanup = cleanups.pop()!;
      try {
        await cleanup();
      } catch (err) {
        console.error('cleanup failed:', err);
      }
    }
  })();
  return cleaning;
}

/** Rejects with `message` when `promise` has not settled within `ms`. */
export function withDeadline<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

export function formatDuration(ms: number): string {
  return ms >= 60_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 1000)} s`;
}

/** Runs `main`, always cleans up, and exits with its code (1 on a thrown error). */
export function runMain(main: () => Promise<number>): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      console.error(`\nreceived ${signal}, stopping code-server and the browser`);
      void runCleanups().finally(() => process.exit(130));
    });
  }
  main()
    .catch((err: unknown) => {
      console.error(err instanceof Error ? `ERROR: ${err.message}` : err);
      return 1;
    })
    .then(async (code) => {
      await runCleanups();
      process.exit(code);
    });
}
