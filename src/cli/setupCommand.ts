/**
 * `momo-credentials setup`: Set Up MoMo from a terminal. Finds the key's product (unless
 * --product), provisions a sandbox API user, writes it into the settings file (filling an empty
 * or placeholder subscription-key slot, warning about a different key there), verifies it (token
 * and balance) and, with --test-payment, sends one payment to the sandbox's success number.
 * Stops at the first failed step; exit 0 only when every step passed.
 */
import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { SANDBOX_BASE_URL } from '../core/momo/environments';
import { classifyError, MomoError } from '../core/momo/errors';
import { maskSecret, redactSecrets } from '../core/momo/redact';
import { PRODUCT_LABELS, type Product } from '../core/momo/products';
import { provision, type ProvisionResult } from '../core/momo/provision';
import { verifyCredentials } from '../core/momo/verify';
import { sendTestPayment } from '../core/payments';
import { isFillableSlot, subscriptionKeySlot, type SubscriptionKeySlot, type WriteMode } from '../core/settings';
import { flag, parseOptions, stringOption } from './args';
import { Command } from './command';
import { formatMomoError } from './format';
import { readBaseUrl, readCallbackHost, readOptionalProduct, readSubscriptionKey } from './inputs';
import { CliIo, EXIT_CANCELLED, EXIT_FAILED, EXIT_OK, UsageError } from './io';
import { productOfKey } from './productOfKey';
import { readIfExists } from './settingsFileSystem';
import { verifyReportJson } from './verifyReport';
import { writeSettings } from './writeSettings';

/** The --help text, in the CLI's language. */
const usage = (): string =>
  l10n.t(
    `Usage: momo-credentials setup --file PATH [options]

From a subscription key to working credentials in your settings file, in one command: finds
which product the key belongs to, creates a sandbox API user and key, writes them into the
file (and the subscription key too when its slot is empty or a placeholder), verifies them
(token and balance) and, with --test-payment, sends a sandbox payment to the success number.

Options:
  --file PATH               the settings file (settings.py, .env*, appsettings*.json)
  --subscription-key KEY    any product's subscription key (or MOMO_SUBSCRIPTION_KEY, which
                            stays out of shell history)
  --product P               collection, disbursement or remittance; default: the key's own product
  --callback-host HOST      provider callback host, a host name (default: localhost)
  --base-url URL            API base URL (default: {0})
  --mode M                  reference (values in .env, read from the environment) or value
                            (written into the file); default as write-settings
  --test-payment            also send a test payment (5 EUR to 46733123460) and wait for its status
  --json                    print one JSON object {"ok","product","apiUser","steps":[...]}
  -h, --help                show this help

Exit codes: 0 every step passed, 1 a step failed (explanation on stderr), 2 wrong options,
130 interrupted.`, SANDBOX_BASE_URL,
  );

type StepName = 'product' | 'provision' | 'settings' | 'verify' | 'testPayment';

interface StepResult {
  name: StepName;
  ok: boolean;
  [detail: string]: unknown;
}

interface Run {
  io: CliIo;
  json: boolean;
  secrets: string[];
  steps: StepResult[];
}

export const setupCommand: Command = {
  name: 'setup',
  summary: () => l10n.t('Key to working credentials in a settings file: product, provision, write, verify'),
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const values = parseOptions(args, {
      file: { type: 'string' },
      'subscription-key': { type: 'string' },
      product: { type: 'string' },
      'callback-host': { type: 'string' },
      'base-url': { type: 'string' },
      mode: { type: 'string' },
      'test-payment': { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (flag(values, 'help')) {
      io.out(usage());
      return EXIT_OK;
    }
    const file = stringOption(values, 'file')?.trim();
    if (!file) throw new UsageError(l10n.t('Give the settings file with --file PATH.'));
    const mode = stringOption(values, 'mode')?.trim().toLowerCase();
    if (mode !== undefined && mode !== 'value' && mode !== 'reference') throw new UsageError(l10n.t('--mode must be reference or value.'));
    const subscriptionKey = readSubscriptionKey(values, io);
    const given = readOptionalProduct(values);
    const callbackHost = readCallbackHost(values, io);
    const baseUrl = readBaseUrl(values, io, false);
    const run: Run = { io, json: flag(values, 'json'), secrets: [subscriptionKey], steps: [] };

    const code = await steps(run, {
      file: path.resolve(file),
      subscriptionKey,
      given,
      callbackHost,
      baseUrl,
      mode: mode as WriteMode | undefined,
      testPayment: flag(values, 'test-payment'),
    });
    const apiUser = run.steps.find((s) => s.name === 'provision')?.apiUser;
    const product = run.steps.find((s) => s.name === 'product')?.product;
    if (run.json) {
      io.out(redactSecrets(JSON.stringify({ ok: code === EXIT_OK, product, apiUser, steps: run.steps }), run.secrets));
    } else if (code === EXIT_OK) {
      io.out(`✓ ${l10n.t('Set up: {0} is in {1} and works.', String(apiUser), file)}`);
    }
    return code;
  },
};

interface SetupInput {
  file: string;
  subscriptionKey: string;
  given?: Product;
  callbackHost: string;
  baseUrl: string;
  mode?: WriteMode;
  testPayment: boolean;
}

async function steps(run: Run, input: SetupInput): Promise<number> {
  const { io } = run;
  const found = await productOfKey(input.baseUrl, input.subscriptionKey, input.given, io);
  if ('mismatch' in found) return failStep(run, 'product', found.mismatch);
  if ('error' in found) return failWithError(run, 'product', found.error);
  const product = found.product;
  report(run, { name: 'product', ok: true, product, recognised: found.found }, l10n.t('The subscription key belongs to {0}.', PRODUCT_LABELS[product]));

  let created: ProvisionResult;
  try {
    created = await provision({ baseUrl: input.baseUrl, product, subscriptionKey: input.subscriptionKey, callbackHost: input.callbackHost, signal: io.signal });
  } catch (err) {
    const error = err instanceof MomoError ? err : classifyError(err, { host: new URL(input.baseUrl).host, operation: 'provision' });
    return failWithError(run, 'provision', error, error.createdApiUser ? { apiUser: error.createdApiUser } : {});
  }
  run.secrets.push(created.apiKey);
  report(run, { name: 'provision', ok: true, apiUser: created.apiUser, callbackHost: created.callbackHost }, l10n.t('Created API user {0} and its key.', created.apiUser));

  const slot = await slotOf(input.file, input.subscriptionKey);
  const written = await writeInto(run, input, created, product, isFillableSlot(slot));
  if (!written) return EXIT_FAILED;
  const warning =
    slot === 'different'
      ? l10n.t(
          '{0} holds a different subscription key from the one this API user was created with ({1}); put the same key there.',
          input.file,
          maskSecret(input.subscriptionKey),
        )
      : undefined;
  report(run, { name: 'settings', ok: true, ...written, subscriptionKeySlot: slot, subscriptionKeyWritten: isFillableSlot(slot), ...(warning ? { warning } : {}) }, l10n.t('Wrote the credentials into {0}.', written.file));
  if (warning) io.err(`⚠ ${warning}`);

  const verified = await verifyCredentials({ baseUrl: input.baseUrl, product, subscriptionKey: input.subscriptionKey, apiUser: created.apiUser, apiKey: created.apiKey, signal: io.signal });
  const verifyStep = { name: 'verify' as const, ...verifyReportJson(verified) } as StepResult;
  if (!verified.ok) {
    const error = verified.steps.find((s) => s.error)?.error;
    return error ? failWithError(run, 'verify', error, verifyStep) : failStep(run, 'verify', l10n.t('Verification failed.'), verifyStep);
  }
  report(run, verifyStep, l10n.t('Verified: {0}.', verified.steps.map((s) => s.summary).join('; ')));
  if (!input.testPayment) return EXIT_OK;

  try {
    const paid = await sendTestPayment({ baseUrl: input.baseUrl, product, subscriptionKey: input.subscriptionKey, apiUser: created.apiUser, apiKey: created.apiKey, outcome: 'success', amount: '5', signal: io.signal });
    const details = { referenceId: paid.referenceId, status: paid.status, amount: paid.amount, currency: paid.currency, partyId: paid.partyId, finishedAt: new Date().toISOString() };
    if (paid.status !== 'SUCCESSFUL') return failStep(run, 'testPayment', paid.summary, details);
    report(run, { name: 'testPayment', ok: true, ...details }, l10n.t('Test payment {0}: SUCCESSFUL.', paid.referenceId));
    return EXIT_OK;
  } catch (err) {
    return failWithError(run, 'testPayment', err instanceof MomoError ? err : classifyError(err, { host: new URL(input.baseUrl).host, operation: 'requestToPay' }));
  }
}

async function slotOf(file: string, key: string): Promise<SubscriptionKeySlot> {
  const text = await readIfExists(file);
  return text === undefined ? 'none' : subscriptionKeySlot({ text, fileName: file }, key);
}

/** write-settings with its JSON captured; its notes still reach stderr. */
async function writeInto(run: Run, input: SetupInput, created: ProvisionResult, product: Product, fill: boolean): Promise<{ file: string; mode: string; changed: boolean } | undefined> {
  let captured = '';
  const quiet: CliIo = { ...run.io, out: (text) => (captured += text) };
  const parsed = parseOptions(['--json'], { json: { type: 'boolean' } });
  const request = {
    file: input.file,
    apiUser: created.apiUser,
    apiKey: created.apiKey,
    ...(fill ? { subscriptionKey: input.subscriptionKey } : {}),
    product,
    ...(input.mode ? { mode: input.mode } : {}),
    production: false,
    credentialKind: 'apiKey' as const, // sandbox provisioning makes an API user and API key
    values: parsed,
  };
  const say = (text: string): void => run.io.err(redactSecrets(text, run.secrets));
  let code: number;
  try {
    code = await writeSettings(request, say, quiet, run.secrets);
  } catch (err) {
    say(`✗ ${l10n.t('Nothing was written: {0}', err instanceof Error ? err.message : String(err))}`);
    code = EXIT_FAILED;
  }
  if (code !== EXIT_OK) {
    const notWritten = l10n.t('The credentials were not written into {0}; API user {1} exists and can be written with write-settings.', input.file, created.apiUser);
    failStep(run, 'settings', notWritten, { apiUser: created.apiUser });
    return undefined;
  }
  const result = JSON.parse(captured) as { file: string; mode: string; changed: boolean };
  return { file: result.file, mode: result.mode, changed: result.changed };
}

function report(run: Run, step: StepResult, line: string): void {
  run.steps.push(step);
  if (!run.json) run.io.out(redactSecrets(`✓ ${line}`, run.secrets));
}

function failStep(run: Run, name: StepName, message: string, details: object = {}): number {
  run.steps.push({ name, ok: false, ...details, error: { message } });
  run.io.err(redactSecrets(`✗ ${message}`, run.secrets));
  return EXIT_FAILED;
}

function failWithError(run: Run, name: StepName, error: MomoError, details: object = {}): number {
  run.steps.push({ name, ok: false, ...details, error: { kind: error.kind, status: error.status, message: error.message } });
  run.io.err(formatMomoError(error, run.secrets));
  return error.kind === 'cancelled' ? EXIT_CANCELLED : EXIT_FAILED;
}
