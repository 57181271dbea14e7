/**
 * node:util parseArgs with messages for people: an unknown flag or a missing value becomes a
 * UsageError naming the flag. Values are never echoed, since they may be keys.
 */
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
  if (flag && /^--?[a-z][a-z-]{0,30}$/i.test(flag)) return `Unknown option ${flag}.`;
  const glued = flag && Object.keys(spec).find((name) => flag.startsWith(`--${name}`));
  if (glued) return `Unknown option starting with --${glued} (not shown: it may hold a secret): put a space or = between --${glued} and its value.`;
  return 'Unknown option (not shown: it may hold a secret).';
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
      if (flag && flag.length <= 40 && /does not take an argument/.test(message)) return `${flag} takes no value.`;
      return flag && flag.length <= 40 ? `${flag} needs a value.` : 'An option is missing its value.';
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return 'Unexpected argument: every value goes after its --option.';
    default:
      return 'The options could not be read.';
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
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}.`);
  return n;
}
