/**
 * What a value looks like: a placeholder to replace, MTN's documentation example (a
 * placeholder, never a leak), or a real-looking secret (32 hex, or an API-user UUID).
 */

/** Values printed in MTN's documentation and copied into many repositories. */
export const DOCUMENTATION_EXAMPLE_VALUES: readonly string[] = [
  '81660f34-0fda-4873-9fbd-057d8ecf1b98',
  'c72025f5-5cd1-4630-99e4-8ba4722fad56',
  'f1db798c98df4bcf83b538175893bbf0',
];

const HEX32 = /^[0-9a-f]{32}$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Words people leave in place of a value; matched against the whole value, loosely. */
const PLACEHOLDER_PATTERNS: readonly RegExp[] = [
  /^your[-_ ]?/i, // your-api-user-id, your_api_key, YOUR KEY
  /^<.*>$/, // <api-key>
  /^\{\{.*\}\}$/, // {{API_KEY}}
  /^\$\{.*\}$/, // ${MOMO_API_KEY} (an unexpanded reference)
  /^[x*.•-]{3,}$/i, // xxx, ***, ..., ---
  /^change[-_ ]?me$/i,
  /^change[-_ ]?this$/i,
  /^replace[-_ ]?(me|this|with.*)$/i,
  /^(todo|tbd|fixme|placeholder|example|sample|dummy|test|secret|none|null|undefined|empty)$/i,
  /^(insert|enter|put|add|set)[-_ ]?(your|the|api|key|here)/i,
  /^(api[-_ ]?(user|key)|subscription[-_ ]?key|primary[-_ ]?key)([-_ ]?(id|here|value))?$/i,
  /[-_ ]here$/i, // key-here, paste_here
  /^0{8}-0{4}-0{4}-0{4}-0{12}$/,
  /^0{32}$/,
];

export function isDocumentationExample(value: string): boolean {
  return DOCUMENTATION_EXAMPLE_VALUES.includes(value.trim().toLowerCase());
}

export function isPlaceholderValue(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed === '') return true;
  if (isDocumentationExample(trimmed)) return true;
  return PLACEHOLDER_PATTERNS.some((pattern) => pattern.test(trimmed));
}

/** All one character repeated (aaaa..., 1111...) is a placeholder even when hex-shaped. */
function isRepetitive(value: string): boolean {
  const compact = value.replace(/-/g, '').toLowerCase();
  return compact.length > 0 && compact.split('').every((c) => c === compact[0]);
}

export type SecretShape = 'hex32' | 'uuid' | 'credentialToken';

/**
 * A Credential Token of System Credentials (MTN's new platform): printable ASCII without
 * spaces, 20 to 256 characters, mixing upper case, lower case, digits and punctuation, and
 * not a URL or a reference. Words, paths and placeholders never mix all four.
 */
function looksLikeCredentialToken(value: string): boolean {
  if (value.length < 20 || value.length > 256 || !/^[!-~]+$/.test(value)) return false;
  if (value.includes('://') || /^[$<{%]/.test(value) || isPlaceholderValue(value)) return false;
  return /[A-Z]/.test(value) && /[a-z]/.test(value) && /[0-9]/.test(value) && /[-._~!=+/*@#^&]/.test(value);
}

/** A value shaped like a real MoMo secret that is not a documented example. */
export function realSecretShape(value: string): SecretShape | undefined {
  const trimmed = value.trim();
  if (isDocumentationExample(trimmed) || isRepetitive(trimmed)) return undefined;
  if (HEX32.test(trimmed)) return 'hex32';
  if (UUID.test(trimmed)) return 'uuid';
  if (looksLikeCredentialToken(trimmed)) return 'credentialToken';
  return undefined;
}

export function looksLikeRealSecret(value: string, knownProductionSecrets: readonly string[] = []): boolean {
  return realSecretShape(value) !== undefined || knownProductionSecrets.includes(value.trim());
}
