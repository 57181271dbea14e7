/**
 * `momo-credentials doctor`: the extension's doctor from a terminal, for CI pipelines. Runs
 * every check the given values allow, creates nothing, prints each finding (or one JSON
 * object) and exits 1 when any check fails. Values are NOT refused for their shape here, as
 * the other commands do: a key with a stray newline is exactly what the doctor must report.
 */
import * as l10n from '@vscode/l10n';
import { PRODUCTION_BASE_URL, SANDBOX_BASE_URL } from '../core/momo/environments';
import { redactSecrets } from '../core/momo/redact';
import { hostKindOf, renderDoctorText, runDoctor } from '../core/doctor';
import type { DoctorInput, DoctorReport } from '../core/doctor';
import { CREDENTIAL_OPTIONS, flag, OptionSpec, parseOptions, ParsedOptions, stringOption } from './args';
import { Command } from './command';
import { findEnvironment } from '../core/momo/environments';
import { MIN_PRODUCTION_TOKEN_TIMEOUT_MS } from '../core/momo/tokenDeadline';
import { API_KEY_ENV, CREDENTIAL_TOKEN_ENV, readCredentialKind, readProduct, SUBSCRIPTION_KEY_ENV } from './inputs';
import { CliIo, EXIT_CANCELLED, EXIT_FAILED, EXIT_OK, UsageError } from './io';

/** The --help text, in the CLI's language. */
const usage = (): string =>
  l10n.t(
    `Usage: momo-credentials doctor [options]

Checks MoMo settings without creating anything: the base URL, the subscription key (does the
gateway accept it, and for which product), the API user and key (does the pair get a token),
the target environment and currency. Runs every check the given values allow.

Options:
  --subscription-key KEY    a subscription key (or MOMO_SUBSCRIPTION_KEY)
  --api-user ID             an API user id (a UUID v4), or the User ID of System Credentials
  --api-key KEY             that user's API key or Credential Token (or MOMO_API_KEY / MOMO_CREDENTIAL_TOKEN;
                            flags end up in shell history)
  --credential-kind K       api-key or system (System Credentials, MTN's new platform); default: from --api-user
  --product P               collection, disbursement or remittance (default with --api-user: collection)
  --base-url URL            API base URL (default: {0}, or {1} for mtn<country>)
  --target-environment ENV  sandbox, or mtn<country> in production, e.g. mtnuganda
  --currency CUR            the currency your app sends (EUR in the sandbox)
  --explain TEXT            explain an error body or status line you got elsewhere
  --json                    print {"findings": [{"check", "ok", "message", "next"}]} on stdout
  -h, --help                show this help

Exit codes: 0 no check failed, 1 a check failed, 2 wrong options, 130 interrupted.`, SANDBOX_BASE_URL, PRODUCTION_BASE_URL,
  );

const OPTIONS: OptionSpec = {
  ...CREDENTIAL_OPTIONS,
  currency: { type: 'string' },
  explain: { type: 'string' },
};

export const doctorCommand: Command = {
  name: 'doctor',
  summary: () => l10n.t('Check settings and credentials without changing anything (for CI)'),
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const values = parseOptions(args, OPTIONS);
    if (flag(values, 'help')) {
      io.out(usage());
      return EXIT_OK;
    }
    const input = readDoctorInput(values, io);
    const secrets = [...(input.subscriptionKeys ?? []).map((k) => k.key), ...(input.apiUsers ?? []).map((u) => u.apiKey ?? '')];
    const report = await runDoctor(input, { signal: io.signal });
    const text = flag(values, 'json') ? JSON.stringify(doctorJson(report)) : renderDoctorText(report).trimEnd();
    io.out(redactSecrets(text, secrets.map((s) => s.trim()).filter(Boolean)));
    if (report.cancelled) return EXIT_CANCELLED;
    return report.ok ? EXIT_OK : EXIT_FAILED;
  },
};

/** The fixed --json shape: exactly check, ok, message and next (null when there is none). */
export interface DoctorJson {
  findings: Array<{ check: string; ok: boolean; message: string; next: string | null }>;
}

function doctorJson(report: DoctorReport): DoctorJson {
  return {
    findings: report.findings.map((f) => ({
      check: f.check,
      ok: f.ok,
      message: f.subject ? `${f.subject}: ${f.message}` : f.message,
      next: f.next ?? null,
    })),
  };
}

/** Raw values, as given: checking their shape is the doctor's job, not a usage error. */
function readDoctorInput(values: ParsedOptions, io: CliIo): DoctorInput {
  const given = (option: string, envName?: string): string | undefined => {
    const raw = stringOption(values, option) ?? (envName ? io.env[envName] : undefined);
    return raw === undefined || raw.trim() === '' ? undefined : raw;
  };
  const subscriptionKey = given('subscription-key', SUBSCRIPTION_KEY_ENV);
  const apiUser = given('api-user');
  const targetEnvironment = given('target-environment');
  const baseUrl = given('base-url');
  const target = targetEnvironment === undefined ? undefined : findEnvironment(targetEnvironment);
  const production = target ? target.production : baseUrl !== undefined && hostKindOf(baseUrl) === 'production';
  const credentialKind = readCredentialKind(values, production);
  const tokenEnv = credentialKind === 'system' && io.env[CREDENTIAL_TOKEN_ENV] !== undefined ? CREDENTIAL_TOKEN_ENV : API_KEY_ENV;
  // MOMO_API_KEY may be set for the app in a CI job that only checks the key: use it only with a user.
  const apiKey = apiUser ? given('api-key', tokenEnv) : undefined;
  if (!apiUser && stringOption(values, 'api-key') !== undefined) {
    throw new UsageError(l10n.t('--api-key needs --api-user: a key is checked together with its user.'));
  }
  const productGiven = stringOption(values, 'product') !== undefined;
  const product = readProduct(values);
  const input: DoctorInput = {
    baseUrl,
    targetEnvironment,
    ...(production ? { tokenTimeoutMs: MIN_PRODUCTION_TOKEN_TIMEOUT_MS } : {}),
    currency: given('currency'),
    errorText: given('explain'),
  };
  if (subscriptionKey) input.subscriptionKeys = [{ key: subscriptionKey, product: productGiven || apiUser ? product : undefined }];
  if (apiUser) input.apiUsers = [{ apiUser, apiKey, product, subscriptionKey, credentialKind }];
  const nothing = !subscriptionKey && !apiUser && Object.values(input).every((v) => v === undefined);
  if (nothing) {
    throw new UsageError(
      l10n.t('Nothing to check: give at least one of --subscription-key (or MOMO_SUBSCRIPTION_KEY), --api-user, --base-url, --target-environment, --currency or --explain.'),
    );
  }
  return input;
}
