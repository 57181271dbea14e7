/**
 * How a bench child process hands back its result: one stdout line with a prefix and JSON,
 * plus its peak memory. Each measurement that needs a cold start or its own peak RSS runs in
 * a fresh `node`, so nothing the parent loaded counts against it.
 */
export const RESULT_PREFIX = '[momo-bench-result] ';

export interface ChildResult<T> {
  value: T;
  /** process.resourceUsage().maxRSS of the child: its peak resident memory, in KiB. */
  maxRssKb: number;
}

/** Called by the child as its last act; exits so that no open handle keeps it alive. */
export function reportToParent(value: unknown): never {
  const result: ChildResult<unknown> = { value, maxRssKb: process.resourceUsage().maxRSS };
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`, () => process.exit(0));
  // process.exit waits for the write callback above; this only satisfies the `never` type.
  return undefined as never;
}

export function parseChildOutput<T>(stdout: string): ChildResult<T> | undefined {
  const line = stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  return line ? (JSON.parse(line.slice(RESULT_PREFIX.length)) as ChildResult<T>) : undefined;
}
