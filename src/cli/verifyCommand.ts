/**
 * `momo-credentials verify`: gets a token with the API user and key, then reads the balance,
 * reporting each step. The cheapest proof that a set of credentials works end to end.
 */
import { findEnvironment, SANDBOX_BASE_URL } from '../core/momo/environments';
import { PRODUCT_LABELS } from '../core/momo/products';
import { redactSecrets } from '../core/momo/redact';
import { verifyCredentials } from '../core/momo/verify';
import { CREDENTIAL_OPTIONS, flag, parseOptions } from './args';
import { formatMomoError } from './format';
import { Command } from './command';
import { readApiKey, readApiUser, readBaseUrl, readProduct, readSubscriptionKey, readTargetEnvironment } from './inputs';
import { CliIo, EXIT_CANCELLED, EXIT_FAILED, EXIT_OK } from './io';
import { printVerifyReport, verifyReportJson } from './verifyReport';

const USAGE = `Usage: momo-credentials verify --subscription-key KEY --api-user ID --api-key KEY [options]

Checks credentials: gets an access token, then reads the account balance.

Options:
  --subscription-key KEY    the product's subscription key (or MOMO_SUBSCRIPTION_KEY)
  --api-user ID             the API user id (a UUID v4)
  --api-key KEY             the API user's key (or MOMO_API_KEY; flags end up in shell history)
  --product P               collection (default), disbursement or remittance
  --base-url URL            API base URL (default: ${SANDBOX_BASE_URL})
  --target-environment ENV  sandbox (default), or mtn<country> in production, e.g. mtnuganda
  --json                    print one JSON object {"ok","product","baseUrl","targetEnvironment","apiUser","steps",...}
  -h, --help                show this help

Exit codes: 0 all checks passed, 1 a check failed (explanation on stderr), 2 wrong options, 130 interrupted.`;

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'Check an API user and key: get a token, read the balance',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const values = parseOptions(args, CREDENTIAL_OPTIONS);
    if (flag(values, 'help')) {
      io.out(USAGE);
      return EXIT_OK;
    }
    const subscriptionKey = readSubscriptionKey(values, io);
    const apiUser = readApiUser(values, io, true) as string;
    const apiKey = readApiKey(values, io);
    const product = readProduct(values);
    const targetEnvironment = readTargetEnvironment(values, io);
    const production = findEnvironment(targetEnvironment)?.production ?? targetEnvironment !== 'sandbox';
    const baseUrl = readBaseUrl(values, io, production);
    const secrets = [subscriptionKey, apiKey];

    const json = flag(values, 'json');
    if (!json) io.out(`Verifying ${PRODUCT_LABELS[product]} credentials of ${apiUser} on ${baseUrl} (${targetEnvironment})`);
    const report = await verifyCredentials({ baseUrl, product, subscriptionKey, apiUser, apiKey, targetEnvironment, signal: io.signal });
    if (json) {
      const output = { ok: report.ok, product, baseUrl, targetEnvironment, apiUser, ...verifyReportJson(report) };
      io.out(redactSecrets(JSON.stringify(output), secrets));
      // stdout stays one JSON object; people still get the explanation.
      for (const step of report.steps) if (step.error) io.err(formatMomoError(step.error, secrets));
    } else {
      printVerifyReport(report, io, secrets);
      if (report.ok) io.out('All checks passed: these credentials work.');
    }
    if (report.ok) return EXIT_OK;
    return report.steps.some((s) => s.error?.kind === 'cancelled') ? EXIT_CANCELLED : EXIT_FAILED;
  },
};
