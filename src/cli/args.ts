/**
 * node:util parseArgs with messages for people: an unknown flag or a missing value becomes a
 * UsageError naming the flag. Values are never echoed, since they may be keys.
 */
import * as l10n from '@vscode/l10n';
import { parseArgs } from 'node:util';
import { UsageError } from './io';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;
export type ParsedOptions = Record<string, string | boolean | undefined>;

/** The options of the commands that check existing credentials (verify, doctor). */
export const CREDENTIAL_OPTIONS: OptionSpec = {
  'subscription-key': { type: 'string' },
  'api-user': { type: 'string' },
  'api-key': { type: 'string' },
  'credential-kind': { type: 'string' },
  product: { type: 'string' },
  'base-url': { type: 'string' },
  'target-environment': { type: 'string' },
  json: { type: 'boolean' },
};

export function parseOptions(args: string[], spec: OptionSpec): ParsedOptions {
  try {
    const { values } = parseArgs({ args, options: { ...spec, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
    return values as ParsedOptions;
  } catch (err) {
    throw new UsageError(describeParseError(err, spec));
  }
}

/**
 * An unknown option is named only when it looks like an option name: `--subscription-key<KEY>`
 * (the space forgotten) must not print the key.
 */
function unknownOption(flag: string | undefined, spec: OptionSpec): string {
  if (flag && /^--?[a-z][a-z-]{0,30}$/i.test(flag)) return l10n.t('Unknown option {0}.', flag);
  const glued = flag && Object.keys(spec).find((name) => flag.startsWith(`--${name}`));
  if (glued) return l10n.t('Unknown option starting with --{0} (not shown: it may hold a secret): put a space or = between --{0} and its value.', glued);
  return l10n.t('Unknown option (not shown: it may hold a secret).');
}

function describeParseError(err: unknown, spec: OptionSpec): string {
  const code = (err as { code?: string }).code;
  // Only the start is read: the option name comes first, and the rest may be a long pasted value.
  const message = (err instanceof Error ? err.message : String(err)).slice(0, 300);
  const flag = /'(-{1,2}[\w-]+)/.exec(message)?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return unknownOption(flag, spec);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (flag && flag.length <= 40 && /does not take an argument/.test(message)) return l10n.t('{0} takes no value.', flag);
      return flag && flag.length <= 40 ? l10n.t('{0} needs a value.', flag) : l10n.t('An option is missing its value.');
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return l10n.t('Unexpected argument: every value goes after its --option.');
    default:
      return l10n.t('The options could not be read.');
  }
}

export function stringOption(values: ParsedOptions, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export function flag(values: ParsedOptions, name: string): boolean {
  return values[name] === true;
}

/** A whole number within bounds, for ports, latencies and timeouts. */
export function integerOption(values: ParsedOptions, name: string, min: number, max: number): number | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  const n = Number(raw.trim());
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(l10n.t('--{0} must be a whole number from {1} to {2}.', name, min, max));
  return n;
}
