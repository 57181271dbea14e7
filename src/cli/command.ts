import { CliIo } from './io';

/** One subcommand. main.ts keeps the table; adding a command is adding an entry there. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full --help text. */
  usage: string;
  /** Resolves with the exit code. Throws UsageError for bad flags or values. */
  run(args: string[], io: CliIo): Promise<number>;
}
