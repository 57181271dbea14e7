/**
 * `momo-credentials verify`: gets a token with the API user and key, then reads the balance,
 * reporting each step. The cheapest proof that a set of credentials works end to end.
 */
import * as l10n from '@vscode/l10n';
import { MIN_PRODUCTION_TOKEN_TIMEOUT_MS } from '../core/momo/tokenDeadline';
import { findEnvironment, SANDBOX, SANDBOX_BASE_URL } from '../core/momo/environments';
import { describePlatform, platformBaseUrl, platformForKind } from '../core/momo/platforms';
import { PRODUCT_LABELS } from '../core/momo/products';
import { redactSecrets } from '../core/momo/redact';
import { verifyCredentials } from '../core/momo/verify';
import { CREDENTIAL_OPTIONS, flag, parseOptions } from './args';
import { formatMomoError } from './format';
import { Command } from './command';
import { readApiKey, readApiUser, readBaseUrl, readCredentialKind, readProduct, readSubscriptionKey, readTargetEnvironment } from './inputs';
import { CliIo, EXIT_CANCELLED, EXIT_FAILED, EXIT_OK, UsageError } from './io';
import { printVerifyReport, verifyReportJson } from './verifyReport';

/** The --help text, in the CLI's language. */
const usage = (): string =>
  l10n.t(
    `Usage: momo-credentials verify --subscription-key KEY --api-user ID --api-key KEY [options]

Checks credentials: gets an access token, then reads the account balance.

Options:
  --subscription-key KEY    the product's subscription key (or MOMO_SUBSCRIPTION_KEY)
  --api-user ID             the API user id (a UUID v4), or the User ID of System Credentials
  --api-key KEY             the API user's key or the Credential Token (or MOMO_API_KEY / MOMO_CREDENTIAL_TOKEN;
                            flags end up in shell history)
  --credential-kind K       api-key (API user + API key) or system (System Credentials, MTN's new platform);
                            default: recognised from --api-user (a UUID is an API user)
  --product P               collection (default), disbursement or remittance
  --base-url URL            API base URL (default: {0}; in production the platform's host:
                            proxy.momoapi.mtn.com, or momoapi.momo.africa for System Credentials)
  --target-environment ENV  sandbox (default), or mtn<country> in production, e.g. mtnuganda
  --json                    print one JSON object {"ok","product","baseUrl","targetEnvironment","apiUser","steps",...}
  -h, --help                show this help

Exit codes: 0 all checks passed, 1 a check failed (explanation on stderr), 2 wrong options, 130 interrupted.`, SANDBOX_BASE_URL,
  );

export const verifyCommand: Command = {
  name: 'verify',
  summary: () => l10n.t('Check an API user and key: get a token, read the balance'),
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const values = parseOptions(args, CREDENTIAL_OPTIONS);
    if (flag(values, 'help')) {
      io.out(usage());
      return EXIT_OK;
    }
    const subscriptionKey = readSubscriptionKey(values, io);
    const targetEnvironment = readTargetEnvironment(values, io);
    const environment = findEnvironment(targetEnvironment);
    const production = environment?.production ?? targetEnvironment !== SANDBOX;
    const kind = readCredentialKind(values, production);
    const apiUser = readApiUser(values, io, true, kind) as string;
    const apiKey = readApiKey(values, io, kind);
    const product = readProduct(values);
    if (kind === 'system' && !production) {
      throw new UsageError(l10n.t("System Credentials are production credentials of MTN's new platform: give --target-environment mtn<country>, such as mtnuganda."));
    }
    const platform = production ? platformForKind(kind) : undefined;
    const baseUrl = readBaseUrl(values, io, production, environment && platform ? platformBaseUrl(environment, platform) : SANDBOX_BASE_URL);
    const secrets = [subscriptionKey, apiKey];

    const json = flag(values, 'json');
    const where = platform ? `${targetEnvironment}, ${describePlatform(platform)}` : targetEnvironment;
    if (!json) io.out(l10n.t('Verifying {0} credentials of {1} on {2} ({3})', PRODUCT_LABELS[product], apiUser, baseUrl, where));
    const report = await verifyCredentials({
      baseUrl,
      product,
      subscriptionKey,
      apiUser,
      apiKey,
      targetEnvironment,
      platform,
      // Production tokens can take 10–20 s on the new platform.
      ...(production ? { tokenTimeoutMs: MIN_PRODUCTION_TOKEN_TIMEOUT_MS } : {}),
      signal: io.signal,
    });
    if (json) {
      const credentialKind = kind === 'system' ? 'system' : 'api-key';
      const output = { ok: report.ok, product, baseUrl, targetEnvironment, apiUser, credentialKind, ...(platform ? { platform } : {}), ...verifyReportJson(report) };
      io.out(redactSecrets(JSON.stringify(output), secrets));
      // stdout stays one JSON object; people still get the explanation.
      for (const step of report.steps) if (step.error) io.err(formatMomoError(step.error, secrets));
    } else {
      printVerifyReport(report, io, secrets);
      if (report.ok) io.out(l10n.t('All checks passed: these credentials work.'));
    }
    if (report.ok) return EXIT_OK;
    return report.steps.some((s) => s.error?.kind === 'cancelled') ? EXIT_CANCELLED : EXIT_FAILED;
  },
};
