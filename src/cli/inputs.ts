/**
 * Reads and validates the values commands share (keys, ids, hosts, product), with the same
 * validators the extension uses. A refusal is a UsageError naming where the value came from;
 * a notice ("Removed the surrounding quotes.") is shown on stderr and the clean value is used.
 */
import { SANDBOX_BASE_URL } from '../core/momo/environments';
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

function checked(result: Validation, source: string, io: CliIo): string {
  if (!result.ok) throw new UsageError(`${source}: ${result.message}`);
  if (result.notice) io.err(`Note (${source}): ${result.notice}`);
  return result.value;
}

/** A secret from its flag or, better (it stays out of shell history), from the environment. */
function secretInput(
  values: ParsedOptions,
  io: CliIo,
  secret: { option: string; label: string; envName: string; validate: (raw: string) => Validation },
): string {
  const { option, envName } = secret;
  const fromFlag = stringOption(values, option);
  const raw = fromFlag ?? io.env[envName];
  if (raw === undefined || raw.trim() === '') {
    throw new UsageError(`Give the ${secret.label} with --${option} or the ${envName} environment variable.`);
  }
  return checked(secret.validate(raw), fromFlag !== undefined ? `--${option}` : envName, io);
}

export function readSubscriptionKey(values: ParsedOptions, io: CliIo): string {
  return secretInput(values, io, {
    option: 'subscription-key',
    label: 'subscription key',
    envName: SUBSCRIPTION_KEY_ENV,
    validate: validateSubscriptionKey,
  });
}

export function readApiKey(values: ParsedOptions, io: CliIo): string {
  return secretInput(values, io, { option: 'api-key', label: 'API key', envName: API_KEY_ENV, validate: validateApiKey });
}

export function readApiUser(values: ParsedOptions, io: CliIo, required: boolean): string | undefined {
  const raw = stringOption(values, 'api-user');
  if (raw === undefined) {
    if (required) throw new UsageError('Give the API user id with --api-user ID.');
    return undefined;
  }
  return checked(validateApiUser(raw), '--api-user', io);
}

export function readProduct(values: ParsedOptions): Product {
  const raw = (stringOption(values, 'product') ?? 'collection').trim().toLowerCase();
  if (isProduct(raw)) return raw;
  // People write the portal's product names ("Collections") as often as the API's.
  const singular = raw.replace(/s$/, '');
  if (isProduct(singular)) return singular;
  throw new UsageError(`--product must be one of ${PRODUCTS.join(', ')}.`);
}

export function readBaseUrl(values: ParsedOptions, io: CliIo, production: boolean | undefined): string {
  return checked(validateBaseUrl(stringOption(values, 'base-url') ?? SANDBOX_BASE_URL, { production }), '--base-url', io);
}

export function readCallbackHost(values: ParsedOptions, io: CliIo): string {
  return checked(validateCallbackHost(stringOption(values, 'callback-host') ?? 'localhost', { production: false }), '--callback-host', io);
}

export function readTargetEnvironment(values: ParsedOptions, io: CliIo): string {
  return checked(validateTargetEnvironment(stringOption(values, 'target-environment') ?? 'sandbox'), '--target-environment', io);
}
