/**
 * Reads and validates the values commands share (keys, ids, hosts, product), with the same
 * validators the extension uses. A refusal is a UsageError naming where the value came from;
 * a notice ("Removed the surrounding quotes.") is shown on stderr and the clean value is used.
 */
import * as l10n from '@vscode/l10n';
import { SANDBOX, SANDBOX_BASE_URL } from '../core/momo/environments';
import { detectCredentialKind, validateSecretOf, validateUserIdOf, type CredentialKind } from '../core/momo/credentialKind';
import { isProduct, Product, PRODUCTS } from '../core/momo/products';
import {
  Validation,
  validateApiKey,
  validateApiUser,
  validateBaseUrl,
  validateCallbackHost,
  validateSubscriptionKey,
  validateTargetEnvironment,
} from '../core/momo/validation';
import { ParsedOptions, stringOption } from './args';
import { CliIo, UsageError } from './io';

export const SUBSCRIPTION_KEY_ENV = 'MOMO_SUBSCRIPTION_KEY';
export const API_KEY_ENV = 'MOMO_API_KEY';
/** System Credentials' token may come from here too (MOMO_API_KEY also works). */
export const CREDENTIAL_TOKEN_ENV = 'MOMO_CREDENTIAL_TOKEN';

function checked(result: Validation, source: string, io: CliIo): string {
  if (!result.ok) throw new UsageError(l10n.t('{0}: {1}', source, result.message));
  if (result.notice) io.err(l10n.t('Note ({0}): {1}', source, result.notice));
  return result.value;
}

/** A secret from its flag or, better (it stays out of shell history), from the environment. */
function secretInput(
  values: ParsedOptions,
  io: CliIo,
  secret: { option: string; /** "the subscription key", translated. */ theLabel: string; envName: string; validate: (raw: string) => Validation },
): string {
  const { option, envName } = secret;
  const fromFlag = stringOption(values, option);
  const raw = fromFlag ?? io.env[envName];
  if (raw === undefined || raw.trim() === '') {
    throw new UsageError(l10n.t('Give {0} with --{1} or the {2} environment variable.', secret.theLabel, option, envName));
  }
  return checked(secret.validate(raw), fromFlag !== undefined ? `--${option}` : envName, io);
}

export function readSubscriptionKey(values: ParsedOptions, io: CliIo): string {
  return secretInput(values, io, {
    option: 'subscription-key',
    theLabel: l10n.t('the subscription key'),
    envName: SUBSCRIPTION_KEY_ENV,
    validate: validateSubscriptionKey,
  });
}

export function readApiKey(values: ParsedOptions, io: CliIo, kind: CredentialKind = 'apiKey'): string {
  if (kind === 'system') {
    const envName = io.env[CREDENTIAL_TOKEN_ENV] !== undefined ? CREDENTIAL_TOKEN_ENV : API_KEY_ENV;
    return secretInput(values, io, { option: 'api-key', theLabel: l10n.t('the Credential Token'), envName, validate: (raw) => validateSecretOf('system', raw) });
  }
  return secretInput(values, io, { option: 'api-key', theLabel: l10n.t('the API key'), envName: API_KEY_ENV, validate: validateApiKey });
}

export function readApiUser(values: ParsedOptions, io: CliIo, required: boolean, kind: CredentialKind = 'apiKey'): string | undefined {
  const raw = stringOption(values, 'api-user');
  if (raw === undefined) {
    if (required) throw new UsageError(l10n.t('Give the API user id (or the System Credentials User ID) with --api-user ID.'));
    return undefined;
  }
  return checked(kind === 'system' ? validateUserIdOf('system', raw) : validateApiUser(raw), '--api-user', io);
}

/**
 * --credential-kind api-key|system; without it, in production the kind the --api-user value's
 * shape says (a UUID is an API user, anything else System Credentials), and in the sandbox an
 * API user (System Credentials exist only in production, so a malformed id is explained as one).
 */
export function readCredentialKind(values: ParsedOptions, production: boolean): CredentialKind {
  const given = stringOption(values, 'credential-kind')?.trim().toLowerCase();
  if (given === 'api-key' || given === 'apikey') return 'apiKey';
  if (given === 'system') return 'system';
  if (given !== undefined) throw new UsageError(l10n.t('--credential-kind must be api-key (API user + API key) or system (System Credentials: User ID + Credential Token).'));
  const user = stringOption(values, 'api-user');
  return production && user !== undefined ? detectCredentialKind(user) : 'apiKey';
}

export function readProduct(values: ParsedOptions): Product {
  return readOptionalProduct(values) ?? 'collection';
}

/** --product when given (undefined when not: the key's own product is then found by a probe). */
export function readOptionalProduct(values: ParsedOptions): Product | undefined {
  const given = stringOption(values, 'product');
  if (given === undefined) return undefined;
  const raw = given.trim().toLowerCase();
  if (isProduct(raw)) return raw;
  // People write the portal's product names ("Collections") as often as the API's.
  const singular = raw.replace(/s$/, '');
  if (isProduct(singular)) return singular;
  throw new UsageError(l10n.t('--product must be one of {0}.', PRODUCTS.join(', ')));
}

export function readBaseUrl(values: ParsedOptions, io: CliIo, production: boolean | undefined, defaultUrl = SANDBOX_BASE_URL): string {
  return checked(validateBaseUrl(stringOption(values, 'base-url') ?? defaultUrl, { production }), '--base-url', io);
}

export function readCallbackHost(values: ParsedOptions, io: CliIo): string {
  return checked(validateCallbackHost(stringOption(values, 'callback-host') ?? 'localhost', { production: false }), '--callback-host', io);
}

export function readTargetEnvironment(values: ParsedOptions, io: CliIo): string {
  return checked(validateTargetEnvironment(stringOption(values, 'target-environment') ?? SANDBOX), '--target-environment', io);
}
