/**
 * What a command gets from the outside world, passed in rather than taken from `process` so a
 * command can be run from tests and from other commands (the demo reuses provision and verify).
 */
export interface CliIo {
  /** Requested output (stdout): summaries, JSON, the credentials themselves. */
  out(text: string): void;
  /** Progress, notes and explanations (stderr). Never secrets. */
  err(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  /** Aborted on SIGINT/SIGTERM. */
  signal: AbortSignal;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
/** The shell convention for "stopped by Ctrl+C". */
export const EXIT_CANCELLED = 130;

/** Wrong flags or values: the message is shown with a pointer to --help, and the exit code is 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
