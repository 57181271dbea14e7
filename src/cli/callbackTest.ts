/**
 * `momo-credentials callback-test --url URL`: a sandbox payment through a private in-process
 * emulator whose callback goes to the app at URL, then what the app answered, explained.
 * Exit 0 only when the app answered 2xx.
 */
import * as l10n from '@vscode/l10n';
import { PRODUCTS, isProduct } from '../core/momo/products';
import { isMomoError } from '../core/momo/errors';
import { parseCallbackUrl, rehearseCallback, REHEARSAL_OUTCOMES, type CallbackMethod, type RehearsalOutcome, type RehearsalResult } from '../core/callbacks';
import { startEmulator } from '../emulator/server';
import { flag, parseOptions, stringOption } from './args';
import { Command } from './command';
import { formatMomoError } from './format';
import { CliIo, EXIT_CANCELLED, EXIT_FAILED, EXIT_OK, UsageError } from './io';

/** The --help text, in the CLI's language. */
const usage = (): string =>
  l10n.t(
    `Usage: momo-credentials callback-test --url URL [--product collection|disbursement|remittance]
       [--outcome success|failed|rejected|timeout] [--method PUT|POST] [--json]

Rehearses MoMo's callback to your running app: starts a MoMo emulator in this process, creates
an API user whose callback host is the URL's host, sends a sandbox test payment with
X-Callback-Url: URL, waits for the callback and prints what your app answered, with the cause
and the fix. Nothing goes to MTN; only apps on this machine are called (http://localhost:…).

Options:
  --url URL        your app's callback URL, e.g. http://localhost:8000/momo/callback/
  --product P      collection (default: request to pay, PUT), disbursement or remittance (transfer, POST)
  --outcome O      the payment's result in the callback: success (default), failed, rejected, timeout
  --method M       PUT or POST for the callback (default: PUT for collection, POST for transfers)
  --json           print one JSON object {"delivered","status","method","url","durationMs","explanation":{"cause","next"}}
  -h, --help       show this help

Exit codes: 0 the app answered 2xx, 1 it did not (or no callback came), 2 wrong options, 130 interrupted.`,
  );

export const callbackTestCommand: Command = {
  name: 'callback-test',
  summary: () => l10n.t('Rehearse the payment callback to your running app, and explain its answer'),
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const values = parseOptions(args, {
      url: { type: 'string' },
      product: { type: 'string' },
      outcome: { type: 'string' },
      method: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (flag(values, 'help')) {
      io.out(usage());
      return EXIT_OK;
    }
    const rawUrl = stringOption(values, 'url');
    if (rawUrl === undefined) throw new UsageError(l10n.t("--url is required: your app's callback URL, e.g. http://localhost:8000/momo/callback/."));
    const parsed = parseCallbackUrl(rawUrl);
    if (typeof parsed === 'string') throw new UsageError(parsed);
    const product = stringOption(values, 'product') ?? 'collection';
    if (!isProduct(product)) throw new UsageError(l10n.t('--product must be one of {0}.', PRODUCTS.join(', ')));
    const outcome = stringOption(values, 'outcome') ?? 'success';
    if (!(REHEARSAL_OUTCOMES as readonly string[]).includes(outcome)) throw new UsageError(l10n.t('--outcome must be one of {0}.', REHEARSAL_OUTCOMES.join(', ')));
    const method = stringOption(values, 'method');
    if (method !== undefined && method !== 'PUT' && method !== 'POST') throw new UsageError(l10n.t('--method must be PUT or POST.'));
    const json = flag(values, 'json');

    if (!json) io.err(l10n.t('Sending a {0} test payment ({1}) through a local MoMo emulator, with its callback to {2} …', product, outcome, parsed.toString()));
    let result: RehearsalResult;
    try {
      result = await rehearseCallback({
        url: parsed.toString(),
        product,
        outcome: outcome as RehearsalOutcome,
        method: method as CallbackMethod | undefined,
        startEmulator: (options) => startEmulator({ ...options, quiet: true }),
        signal: io.signal,
      });
    } catch (err) {
      if (isMomoError(err)) {
        io.err(formatMomoError(err, []));
        return err.kind === 'cancelled' ? EXIT_CANCELLED : EXIT_FAILED;
      }
      throw err;
    }
    if (json) {
      io.out(JSON.stringify(callbackTestJson(result)));
    } else {
      printResult(result, io);
    }
    if (io.signal.aborted) return EXIT_CANCELLED;
    return result.delivered ? EXIT_OK : EXIT_FAILED;
  },
};

/** The --json object, exactly these keys in this order. */
function callbackTestJson(result: RehearsalResult): Record<string, unknown> {
  return {
    delivered: result.delivered,
    status: result.status,
    method: result.method,
    url: result.url,
    durationMs: result.durationMs,
    explanation: { cause: result.explanation.cause, next: result.explanation.next },
  };
}

function printResult(result: RehearsalResult, io: CliIo): void {
  const { explanation } = result;
  io.out(`${explanation.ok ? '✓' : '✗'} ${explanation.summary}`);
  if (result.status !== null || result.durationMs !== null) {
    io.out(`  ${result.method} ${result.url} → ${result.status ?? 'no answer'}${result.durationMs !== null ? ` in ${result.durationMs} ms` : ''}`);
  }
  for (const line of explanation.details) io.out(`  | ${line}`);
  io.out(`  Cause: ${explanation.cause}`);
  io.out(`  Next: ${explanation.next}`);
  if (explanation.location) io.out(`  Where: ${explanation.location.file}:${explanation.location.line}`);
}
