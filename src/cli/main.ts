#!/usr/bin/env node
/**
 * momo-credentials: the extension's core from a terminal. Entry point of dist/cli.js.
 * Commands live in a table; `write-settings` and `doctor` are expected to join it.
 */
import { destroyAgents } from '../core/momo/http';
import { callbackTestCommand } from './callbackTest';
import { Command } from './command';
import { demoCommand } from './demo';
import { doctorCommand } from './doctor';
import { emulatorCommand } from './emulatorCommand';
import { CliIo, EXIT_CANCELLED, EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError } from './io';
import { LANGUAGES, languageFromEnvironment, takeLanguageOption, useLanguage } from './language';
import { provisionCommand } from './provisionCommand';
import { setupCommand } from './setupCommand';
import { verifyCommand } from './verifyCommand';
import { writeSettingsCommand } from './writeSettings';

export const COMMANDS: readonly Command[] = [
  setupCommand,
  provisionCommand,
  verifyCommand,
  writeSettingsCommand,
  doctorCommand,
  callbackTestCommand,
  emulatorCommand,
  demoCommand,
];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: momo-credentials <command> [options]',
    '',
    'MTN MoMo API credentials from a terminal: create, check, and try them on a local emulator.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run momo-credentials <command> --help for its options.',
    `Messages in English or French: --lang ${LANGUAGES.join('|')} (default: LC_ALL, LC_MESSAGES or LANG).`,
  ].join('\n');
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  let args: string[];
  try {
    const taken = takeLanguageOption(argv);
    args = taken.argv;
    useLanguage(taken.language ?? languageFromEnvironment(io.env));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(err.message);
    return EXIT_USAGE;
  }
  const [name, ...rest] = args;
  if (name === undefined) {
    io.err(usage());
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.out(topic ? topic.usage : usage());
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    // The name is echoed only when it looks like a command name: it could be a pasted key.
    const shown = /^[a-z][a-z-]{0,30}$/.test(name) ? ` "${name}"` : '';
    io.err(`Unknown command${shown}.\n\n${usage()}`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\nRun momo-credentials ${command.name} --help for the options.`);
      return EXIT_USAGE;
    }
    // A bug, not a MoMo failure: say so without the error text, which may quote an input (a key).
    const kind = err instanceof Error && /^[A-Za-z]{1,40}$/.test(err.name) ? err.name : 'unknown error';
    io.err(`✗ Unexpected failure in ${command.name} (${kind}): this is a bug in momo-credentials; please report it with the command you ran, without its keys.`);
    return EXIT_FAILED;
  } finally {
    destroyAgents();
  }
}

/** The real process as a CliIo; `dispose` removes the signal handlers it installed. */
function processIo(): CliIo & { dispose(): void } {
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = (): void => {
    // The first Ctrl+C cancels cleanly; a second one means "now".
    if (++interrupts > 1) process.exit(EXIT_CANCELLED);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    env: process.env,
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

if (require.main === module) {
  const io = processIo();
  // exitCode rather than exit(): stdout may be a pipe still flushing the JSON.
  main(process.argv.slice(2), io)
    .then(
      (code) => (process.exitCode = code),
      () => (process.exitCode = EXIT_FAILED),
    )
    .finally(() => io.dispose());
}
