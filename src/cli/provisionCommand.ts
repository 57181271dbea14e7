/**
 * `momo-credentials provision`: creates a sandbox API user and key. With --json, stdout is
 * exactly one JSON object; otherwise a summary with next steps. A failure after the user was
 * created prints its id and the command that resumes with the key step only.
 */
import * as l10n from '@vscode/l10n';
import { SANDBOX_BASE_URL } from '../core/momo/environments';
import { classifyError, MomoError } from '../core/momo/errors';
import { PRODUCT_LABELS, Product } from '../core/momo/products';
import { provision, ProvisionResult, ProvisionStep } from '../core/momo/provision';
import { flag, integerOption, parseOptions } from './args';
import { Command } from './command';
import { formatMomoError, table } from './format';
import { readApiUser, readBaseUrl, readCallbackHost, readOptionalProduct, readSubscriptionKey } from './inputs';
import { productOfKey } from './productOfKey';
import { CliIo, EXIT_CANCELLED, EXIT_FAILED, EXIT_OK } from './io';

/** The --help text, in the CLI's language. */
const usage = (): string =>
  l10n.t(
    `Usage: momo-credentials provision --subscription-key KEY [options]

Creates an API user and its API key in the MTN MoMo sandbox (the Provisioning API exists
only there; production users are created in the MTN Partner Portal).

Options:
  --subscription-key KEY  Primary key of your product subscription (momodeveloper.mtn.com → Profile).
                          Prefer the MOMO_SUBSCRIPTION_KEY environment variable: flags end up in shell history.
  --product P             collection, disbursement or remittance; without it the key's own product
                          is found (one token request per product, nothing is created)
  --callback-host HOST    provider callback host, a host name (default: localhost)
  --base-url URL          API base URL (default: {0})
  --api-user ID           resume: the API user exists already, only create its key
  --timeout SECONDS       deadline of each request, connect to last byte (default 15, at most 300)
  --json                  print only {"apiUser","apiKey","product","callbackHost","baseUrl","targetEnvironment"}
  -h, --help              show this help

Exit codes: 0 created, 1 failed (explanation on stderr; also when the key is of another product
than --product), 2 wrong options, 130 interrupted.`, SANDBOX_BASE_URL,
  );

/** The progress line of a provisioning step ("Creating the API user"). */
export function provisionStepText(step: ProvisionStep): string {
  switch (step) {
    case 'createUser':
      return l10n.t('Creating the API user');
    case 'confirmUser':
      return l10n.t('Reading the API user back');
    case 'createKey':
      return l10n.t('Creating the API key');
  }
}

export const provisionCommand: Command = {
  name: 'provision',
  summary: () => l10n.t('Create a sandbox API user and API key'),
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const values = parseOptions(args, {
      'subscription-key': { type: 'string' },
      product: { type: 'string' },
      'callback-host': { type: 'string' },
      'base-url': { type: 'string' },
      'api-user': { type: 'string' },
      timeout: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (flag(values, 'help')) {
      io.out(usage());
      return EXIT_OK;
    }
    const json = flag(values, 'json');
    const subscriptionKey = readSubscriptionKey(values, io);
    const given = readOptionalProduct(values);
    const callbackHost = readCallbackHost(values, io);
    const baseUrl = readBaseUrl(values, io, false);
    const existingApiUser = readApiUser(values, io, false);
    const timeoutSeconds = integerOption(values, 'timeout', 1, 300);

    const found = await productOfKey(baseUrl, subscriptionKey, given, io);
    if ('mismatch' in found) {
      io.err(`✗ ${found.mismatch}`);
      return EXIT_FAILED;
    }
    if ('error' in found) {
      io.err(formatMomoError(found.error, [subscriptionKey]));
      return found.error.kind === 'cancelled' ? EXIT_CANCELLED : EXIT_FAILED;
    }
    const product = found.product;
    if (found.found) io.err(`→ ${l10n.t('The subscription key belongs to {0}.', PRODUCT_LABELS[product])}`);

    try {
      const result = await provision({
        baseUrl,
        product,
        subscriptionKey,
        callbackHost,
        existingApiUser,
        signal: io.signal,
        timeoutMs: timeoutSeconds === undefined ? undefined : timeoutSeconds * 1000,
        onStep: json ? undefined : (step, attempt) => io.err(`→ ${attempt > 1 ? l10n.t('{0} (try {1})', provisionStepText(step), attempt) : provisionStepText(step)}…`),
      });
      io.out(json ? JSON.stringify(jsonResult(result)) : summary(result));
      return EXIT_OK;
    } catch (err) {
      const error = err instanceof MomoError ? err : classifyError(err, { host: new URL(baseUrl).host, operation: 'provision' });
      io.err(formatMomoError(error, [subscriptionKey]));
      if (error.createdApiUser) io.err(resumeHint(error.createdApiUser, !error.apiUserUnconfirmed, product, baseUrl));
      return error.kind === 'cancelled' ? EXIT_CANCELLED : EXIT_FAILED;
    }
  },
};

/** Fixed key order: scripts and tests read this object. */
function jsonResult(r: ProvisionResult): ProvisionResult {
  return {
    apiUser: r.apiUser,
    apiKey: r.apiKey,
    product: r.product,
    callbackHost: r.callbackHost,
    baseUrl: r.baseUrl,
    targetEnvironment: r.targetEnvironment,
  };
}

/** The flags, beyond the defaults, that point another command at the same place. */
function sameTargetFlags(product: Product, baseUrl: string): string {
  return `${product === 'collection' ? '' : ` --product ${product}`}${baseUrl === SANDBOX_BASE_URL ? '' : ` --base-url ${baseUrl}`}`;
}

function summary(r: ProvisionResult): string {
  const target = sameTargetFlags(r.product, r.baseUrl);
  return [
    `✓ ${l10n.t('Created an API user and API key for {0} on {1}.', PRODUCT_LABELS[r.product], r.baseUrl)}`,
    '',
    table([
      [l10n.t('API user'), r.apiUser],
      [l10n.t('API key'), r.apiKey],
      [l10n.t('Product'), r.product],
      [l10n.t('Target environment'), r.targetEnvironment],
      [l10n.t('Callback host'), r.callbackHost],
      [l10n.t('Base URL'), r.baseUrl],
    ]),
    '',
    l10n.t('The API key is shown only now: MoMo cannot show it again (a new key would replace it).'),
    '',
    l10n.t('Next steps:'),
    `  1. ${l10n.t('Store both where your app reads them, for example in .env (keep it out of git):')}`,
    `       MOMO_API_USER=${r.apiUser}`,
    `       MOMO_API_KEY=${r.apiKey}`,
    `       MOMO_TARGET_ENVIRONMENT=${r.targetEnvironment}`,
    `  2. ${l10n.t('Check that they work (with MOMO_SUBSCRIPTION_KEY and MOMO_API_KEY set):')}`,
    `       momo-credentials verify --api-user ${r.apiUser}${target}`,
  ].join('\n');
}

function resumeHint(apiUser: string, confirmed: boolean, product: Product, baseUrl: string): string {
  const said = confirmed
    ? [l10n.t('The API user {0} was created before the failure; keep this id, nothing is lost.', apiUser)]
    : [
        l10n.t('The API user {0} may have been created: a try may have reached the server, and reading it back failed too.', apiUser),
        l10n.t('Keep this id. Do not run the same command again: that would create a second API user.'),
      ];
  return [
    '',
    ...said,
    l10n.t('To create only its key, run (with MOMO_SUBSCRIPTION_KEY set or --subscription-key):'),
    `  momo-credentials provision --api-user ${apiUser}${sameTargetFlags(product, baseUrl)}`,
    ...(confirmed ? [] : [l10n.t('If the user was never created, that command says so; only then run provision without --api-user.')]),
  ].join('\n');
}
