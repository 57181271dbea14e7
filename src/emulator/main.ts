import { describeEmulator } from './describe';
import { startEmulator } from './server';
import { isEmulatorMode } from './config';
import { EMULATOR_MODES, type EmulatorOptions } from './types';

export const USAGE = `Usage: node dist/emulator.js [--port N] [--latency-ms N] [--mode sandbox|production|production-new] [--token-ttl-seconds N] [--token-delay-ms N]
       [--callback-method PUT|POST] [--callback-delay-ms N] [--callback-retries]
Runs the local MTN MoMo emulator on 127.0.0.1 until Ctrl+C (SIGINT) or SIGTERM.
Callbacks go to X-Callback-Url on this machine once a payment is final; GET /_emulator/callbacks lists them.`;

export type ParsedArgs = { ok: true; options: EmulatorOptions } | { ok: false; message: string } | { ok: 'help' };

/** Parses the command line; pure, so the CLI and tests can reuse it. */
export function parseEmulatorArgs(argv: readonly string[]): ParsedArgs {
  const options: EmulatorOptions = { quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { ok: 'help' };
    if (arg === '--callback-retries') {
      options.callbacks = { ...options.callbacks, retries: true };
      continue;
    }
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = inline ?? argv[++i];
    if (value === undefined) return { ok: false, message: `${name} needs a value.` };
    switch (name) {
      case '--port': {
        const port = Number(value);
        if (!Number.isInteger(port) || port < 0 || port > 65535) return { ok: false, message: `--port must be 0..65535, got ${value}.` };
        options.port = port;
        break;
      }
      case '--latency-ms':
      case '--token-delay-ms':
      case '--token-ttl-seconds': {
        const n = Number(value);
        if (!Number.isFinite(n) || n < 0) return { ok: false, message: `${name} must be a number >= 0, got ${value}.` };
        if (name === '--latency-ms') options.latencyMs = n;
        else if (name === '--token-delay-ms') options.tokenDelayMs = n;
        else options.tokenTtlSeconds = n;
        break;
      }
      case '--callback-method':
        if (value !== 'PUT' && value !== 'POST') return { ok: false, message: `--callback-method must be PUT or POST, got ${value}.` };
        options.callbacks = { ...options.callbacks, method: value };
        break;
      case '--callback-delay-ms': {
        const n = Number(value);
        if (!Number.isFinite(n) || n < 0) return { ok: false, message: `${name} must be a number >= 0, got ${value}.` };
        options.callbacks = { ...options.callbacks, delayMs: n };
        break;
      }
      case '--mode':
        if (!isEmulatorMode(value)) return { ok: false, message: `--mode must be ${EMULATOR_MODES.join(', ')}, got ${value}.` };
        options.mode = value;
        break;
      default:
        return { ok: false, message: `Unknown option ${name}.` };
    }
  }
  return { ok: true, options };
}

/** Starts the emulator from a command line and keeps it running until a stop signal. */
async function runEmulatorCli(argv: readonly string[]): Promise<number> {
  const parsed = parseEmulatorArgs(argv);
  if (parsed.ok === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (!parsed.ok) {
    console.error(`${parsed.message}\n${USAGE}`);
    return 2;
  }
  // The banner is printed here rather than by startEmulator so the CLI owns its output.
  const running = await startEmulator({ ...parsed.options, quiet: true });
  console.log(describeEmulator(running));
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await running.close();
  console.log('MoMo emulator stopped.');
  return 0;
}

if (require.main === module) {
  runEmulatorCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(`The MoMo emulator could not start: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
