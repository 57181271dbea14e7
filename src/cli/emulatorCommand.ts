/**
 * `momo-credentials emulator`: runs the local MoMo emulator until Ctrl+C or SIGTERM, printing
 * its URL and the (emulator-only) subscription keys it accepts.
 */
import * as l10n from '@vscode/l10n';
import { describeEmulator } from '../emulator/describe';
import { isEmulatorMode } from '../emulator/config';
import { EMULATOR_MODES } from '../emulator/types';
import { startEmulator } from '../emulator/server';
import type { CallbackOptions } from '../emulator/types';
import { flag, integerOption, parseOptions, stringOption } from './args';
import { Command } from './command';
import { CliIo, EXIT_FAILED, EXIT_OK, UsageError } from './io';

/** The --help text, in the CLI's language. */
const usage = (): string =>
  l10n.t(
    `Usage: momo-credentials emulator [--port N] [--latency-ms N] [--mode sandbox|production|production-new] [--token-delay-ms N]
       [--callback-method PUT|POST] [--callback-delay-ms N] [--callback-retries]

Runs a local MTN MoMo emulator on 127.0.0.1 until Ctrl+C. It follows the official Swagger and
the gateway's error answers; its subscription keys work only there.

Options:
  --port N          port to listen on (default 0: any free port, printed at start)
  --latency-ms N    added delay per request, to try slow networks (default 0)
  --mode M          sandbox (default); production (no Provisioning API, the legacy platform);
                    production-new (MTN's new platform: System Credentials, X-Target-Environment on token)
  --token-delay-ms N  added delay per token request (the new platform takes 10–20 s; default 0)
  --callback-method M     PUT or POST for every callback (default: PUT for request-to-pay,
                          POST for transfers)
  --callback-delay-ms N   wait before calling X-Callback-Url (default 0)
  --callback-retries      retry unanswered callbacks as MTN documents (1 s ×20, 2 min ×30,
                          then hourly); default: one call
Callbacks only go to apps on this machine; GET <url>/_emulator/callbacks lists each attempt.
  -h, --help        show this help`,
  );

export const emulatorCommand: Command = {
  name: 'emulator',
  summary: () => l10n.t('Run the local MoMo emulator until Ctrl+C'),
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const values = parseOptions(args, {
      port: { type: 'string' },
      'latency-ms': { type: 'string' },
      mode: { type: 'string' },
      'callback-method': { type: 'string' },
      'callback-delay-ms': { type: 'string' },
      'callback-retries': { type: 'boolean' },
      'token-delay-ms': { type: 'string' },
    });
    if (flag(values, 'help')) {
      io.out(usage());
      return EXIT_OK;
    }
    const port = integerOption(values, 'port', 0, 65535) ?? 0;
    const latencyMs = integerOption(values, 'latency-ms', 0, 600_000) ?? 0;
    const tokenDelayMs = integerOption(values, 'token-delay-ms', 0, 600_000) ?? 0;
    const mode = stringOption(values, 'mode') ?? 'sandbox';
    if (!isEmulatorMode(mode)) throw new UsageError(l10n.t('--mode must be {0}.', EMULATOR_MODES.join(', ')));
    const callbackMethod = stringOption(values, 'callback-method');
    if (callbackMethod !== undefined && callbackMethod !== 'PUT' && callbackMethod !== 'POST') {
      throw new UsageError(l10n.t('--callback-method must be PUT or POST.'));
    }
    const callbacks: CallbackOptions = {
      method: callbackMethod,
      delayMs: integerOption(values, 'callback-delay-ms', 0, 600_000),
      retries: flag(values, 'callback-retries'),
    };

    let running;
    try {
      running = await startEmulator({ port, latencyMs, tokenDelayMs, mode, callbacks, quiet: true });
    } catch (err) {
      const code = (err as { code?: string }).code;
      io.err(
        code === 'EADDRINUSE'
          ? `✗ Port ${port} is already in use: choose another with --port, or --port 0 for any free port.`
          : `✗ The emulator could not start (${code ?? 'unknown error'}).`,
      );
      return EXIT_FAILED;
    }
    io.out(describeEmulator(running));
    io.out('');
    if (mode === 'sandbox') {
      const key = running.subscriptionKeys.collection.primary;
      io.out(`Try: momo-credentials provision --base-url ${running.url} --subscription-key ${key}`);
    }
    io.out(l10n.t('Press Ctrl+C to stop.'));
    await untilAborted(io.signal);
    await running.close();
    io.err(l10n.t('MoMo emulator stopped.'));
    return EXIT_OK;
  },
};

function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
