/**
 * `momo-credentials demo`: the whole flow with nothing to set up. Starts the emulator on a
 * free port, provisions Collections credentials with the emulator's own key, verifies them and
 * stops. Kept in its own file: the demo will later also open VS Code on the result.
 */
import * as l10n from '@vscode/l10n';
import { destroyAgents } from '../core/momo/http';
import { classifyError } from '../core/momo/errors';
import { PRODUCT_LABELS } from '../core/momo/products';
import { provision, ProvisionResult } from '../core/momo/provision';
import { verifyCredentials } from '../core/momo/verify';
import { startEmulator } from '../emulator/server';
import type { RunningEmulator } from '../emulator/types';
import { flag, parseOptions } from './args';
import { Command } from './command';
import { formatMomoError, table } from './format';
import { CliIo, EXIT_CANCELLED, EXIT_FAILED, EXIT_OK } from './io';
import { provisionStepText } from './provisionCommand';
import { printVerifyReport } from './verifyReport';

/** The --help text, in the CLI's language. */
const usage = (): string =>
  l10n.t(
    `Usage: momo-credentials demo

Starts the local MoMo emulator on a free port, creates Collections credentials on it with the
emulator's test subscription key, verifies them (token and balance), prints them and stops.
Nothing leaves this computer.`,
  );

export interface DemoOutcome {
  emulator: RunningEmulator;
  credentials: ProvisionResult;
  subscriptionKey: string;
}

/**
 * The demo's steps up to verified credentials, with the emulator still running, so that a
 * caller can go on (e.g. open VS Code against it) before closing it.
 */
async function provisionOnEmulator(io: CliIo): Promise<DemoOutcome | number> {
  const emulator = await startEmulator({ port: 0, quiet: true });
  const subscriptionKey = emulator.subscriptionKeys.collection.primary;
  io.out(l10n.t('MoMo emulator (sandbox mode) on {0}', emulator.url));
  io.out(l10n.t('Its Collections test key (works only on this emulator): {0}', subscriptionKey));
  io.out('');
  try {
    const credentials = await provision({
      baseUrl: emulator.url,
      product: 'collection',
      subscriptionKey,
      callbackHost: 'localhost',
      signal: io.signal,
      onStep: (step) => io.err(`→ ${provisionStepText(step)}…`),
    });
    io.out(`✓ ${l10n.t('New {0} credentials:', PRODUCT_LABELS.collection)}`);
    io.out(
      table([
        [l10n.t('API user'), credentials.apiUser],
        [l10n.t('API key'), credentials.apiKey],
        [l10n.t('Target environment'), credentials.targetEnvironment],
        [l10n.t('Base URL'), credentials.baseUrl],
      ]),
    );
    io.out('');
    const report = await verifyCredentials({
      baseUrl: emulator.url,
      product: 'collection',
      subscriptionKey,
      apiUser: credentials.apiUser,
      apiKey: credentials.apiKey,
      signal: io.signal,
    });
    io.out(l10n.t('Verify:'));
    printVerifyReport(report, io, []);
    if (!report.ok) {
      await emulator.close();
      return report.steps.some((s) => s.error?.kind === 'cancelled') ? EXIT_CANCELLED : EXIT_FAILED;
    }
    return { emulator, credentials, subscriptionKey };
  } catch (err) {
    const error = classifyError(err, { host: new URL(emulator.url).host, operation: 'provision' });
    io.err(formatMomoError(error, []));
    await emulator.close();
    return error.kind === 'cancelled' ? EXIT_CANCELLED : EXIT_FAILED;
  }
}

export const demoCommand: Command = {
  name: 'demo',
  summary: () => l10n.t('Provision and verify against a local emulator, end to end'),
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const values = parseOptions(args, {});
    if (flag(values, 'help')) {
      io.out(usage());
      return EXIT_OK;
    }
    const outcome = await provisionOnEmulator(io);
    if (typeof outcome === 'number') return outcome;
    destroyAgents();
    await outcome.emulator.close();
    io.out('');
    io.out(l10n.t('Demo done: the emulator is stopped. Run `momo-credentials emulator` to keep one running.'));
    return EXIT_OK;
  },
};
