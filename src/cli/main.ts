#!/usr/bin/env node
/**
 * momo-credentials: the extension's core from a terminal. Entry point of dist/cli.js.
 * Commands live in a table; `write-settings` and `doctor` are expected to join it.
 */
import * as l10n from '@vscode/l10n';
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

const COMMANDS: readonly Command[] = [
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
    l10n.t('Usage: momo-credentials <command> [options]'),
    '',
    l10n.t('MTN MoMo API credentials from a terminal: create, check, and try them on a local emulator.'),
    '',
    l10n.t('Commands:'),
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary()}`),
    '',
    l10n.t('Run momo-credentials <command> --help for its options.'),
    l10n.t('Messages in English or French: --lang {0} (default: LC_ALL, LC_MESSAGES or LANG).', LANGUAGES.join('|')),
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
    io.out(topic ? topic.usage() : usage());
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    // The name is echoed only when it looks like a command name: it could be a pasted key.
    const unknown = /^[a-z][a-z-]{0,30}$/.test(name) ? l10n.t('Unknown command "{0}".', name) : l10n.t('Unknown command.');
    io.err(`${unknown}\n\n${usage()}`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n${l10n.t('Run momo-credentials {0} --help for the options.', command.name)}`);
      return EXIT_USAGE;
    }
    // A bug, not a MoMo failure: say so without the error text, which may quote an input (a key).
    const kind = err instanceof Error && /^[A-Za-z]{1,40}$/.test(err.name) ? err.name : l10n.t('unknown error');
    const bug = l10n.t(
      'Unexpected failure in {0} ({1}): this is a bug in momo-credentials; please report it with the command you ran, without its keys.',
      command.name,
      kind,
    );
    io.err(`✗ ${bug}`);
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
