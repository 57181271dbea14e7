import { CliIo } from './io';

/** One subcommand. main.ts keeps the table; adding a command is adding an entry there. */
export interface Command {
  name: string;
  /** One line for the command list, in the CLI's language (made when asked: the language is chosen at run time). */
  summary(): string;
  /** Full --help text, in the CLI's language. */
  usage(): string;
  /** Resolves with the exit code. Throws UsageError for bad flags or values. */
  run(args: string[], io: CliIo): Promise<number>;
}
