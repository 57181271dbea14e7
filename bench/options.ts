/** Command-line flags of `npm run bench -- [flags]`. */
import { parseArgs } from 'util';

export interface BenchOptions {
  /** Skip the code-server measurement (no code-server install, no browser). */
  vscode: boolean;
  /** Fewer repetitions, for trying the bench out; not for the README. */
  quick: boolean;
}

export const USAGE = `Usage: npm run bench [-- --no-vscode] [-- --quick]
  --no-vscode  skip the activation measurement in code-server (no install, no browser)
  --quick      fewer repetitions (a trial run; numbers are noisier)`;

export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: { 'no-vscode': { type: 'boolean' }, quick: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  return { vscode: !values['no-vscode'], quick: Boolean(values.quick) };
}
