/**
 * The two kinds of production credential MTN hands out, and how each is checked.
 * - 'apiKey': an API user (UUID v4) + API key (32 hex): the sandbox and the legacy platform.
 * - 'system': System Credentials, a User ID + Credential Token from the Partner Portal
 *   (System and device credentials): the new platform. User IDs look like base64 (often
 *   ending in `=`), tokens contain punctuation; both are case-sensitive and sent exactly as
 *   given, so nothing here changes their case or characters.
 */
import * as l10n from '@vscode/l10n';
import { namePrefixDropped, validateApiKey, validateApiUser } from './validateKeys';
import { accept, cleanPasted, looksLikeAccessToken, refuse, UUID_PATTERN, HEX32_PATTERN, type Notice, type Validation } from './validationCommon';

export type CredentialKind = 'apiKey' | 'system';

export function isCredentialKind(value: unknown): value is CredentialKind {
  return value === 'apiKey' || value === 'system';
}

/** One sentence on how to tell the two apart, for the question that asks which kind MTN gave. */
export const CREDENTIAL_KIND_HINT =
  'An API user is a UUID such as 3f2b8c1e-7d4a-4e6b-9c0d-5a1b2c3d4e5f with a 32-character hexadecimal API key; ' +
  'System Credentials (Partner Portal → System and device credentials) are a User ID that is not a UUID, often ending in "=", ' +
  'with a Credential Token that contains punctuation.';

export const CREDENTIAL_KIND_LABELS: Readonly<Record<CredentialKind, string>> = {
  apiKey: 'API user + API key',
  system: 'System Credentials (User ID + Credential Token)',
};

/** The names of the two halves, as people see them. */
export const CREDENTIAL_PART_NAMES: Readonly<Record<CredentialKind, { user: string; secret: string }>> = {
  apiKey: { user: 'API user id', secret: 'API key' },
  system: { user: 'User ID', secret: 'Credential Token' },
};

export const SYSTEM_USER_ID_LENGTH = { min: 8, max: 128 };
const CREDENTIAL_TOKEN_LENGTH = { min: 16, max: 256 };

/** The kind a pair's shape says: a UUID user id is an API user, anything else System Credentials. */
export function detectCredentialKind(userId: string): CredentialKind {
  const cleaned = cleanPasted(userId.slice(0, 300)).value;
  const unbraced = /^\{.*\}$/.test(cleaned) ? cleaned.slice(1, -1).trim() : cleaned;
  return UUID_PATTERN.test(unbraced) ? 'apiKey' : 'system';
}

export function validateUserIdOf(kind: CredentialKind, raw: string): Validation {
  return kind === 'system' ? validateSystemUserId(raw) : validateApiUser(raw);
}

export function validateSecretOf(kind: CredentialKind, raw: string): Validation {
  return kind === 'system' ? validateCredentialToken(raw) : validateApiKey(raw);
}

export function validateSystemUserId(raw: string): Validation {
  return validatePrintable(raw, {
    label: l10n.t('User ID'),
    theLabel: l10n.t('the User ID'),
    length: SYSTEM_USER_ID_LENGTH,
    whereToFind: l10n.t('copy it from the Partner Portal (System and device credentials), where it was shown when the credentials were created'),
    uuidNotice: () => ({
      code: 'looksLikeApiUser',
      message: l10n.t('This looks like an API user id (a UUID); if MTN gave you an API user and an API key, choose that kind instead.'),
    }),
  });
}

export function validateCredentialToken(raw: string): Validation {
  return validatePrintable(raw, {
    label: l10n.t('Credential Token'),
    theLabel: l10n.t('the Credential Token'),
    length: CREDENTIAL_TOKEN_LENGTH,
    whereToFind: l10n.t('it was shown once in the Partner Portal when the System Credentials were created; create new ones if it is lost'),
    hexNotice: () => ({
      code: 'looksLikeApiKey',
      message: l10n.t('This looks like an API key (32 hexadecimal characters); if MTN gave you an API user and an API key, choose that kind instead.'),
    }),
  });
}

interface PrintableRules {
  /** "User ID"; `theLabel` is "the User ID" (French needs the article's form). */
  label: string;
  theLabel: string;
  length: { min: number; max: number };
  whereToFind: string;
  uuidNotice?: () => Notice;
  hexNotice?: () => Notice;
}

/** Upper-case variable names only, so a token's own `=` is never taken for `NAME=value`. */
const NAME_PREFIX = /^([A-Z][A-Z0-9_]{1,60}(?:USER_?ID|TOKEN|SECRET|KEY))\s*[:=]\s*(\S.*)$/;

/**
 * Printable ASCII without whitespace, within a sensible length. Punctuation is the point of
 * these values (`=`, `.`, `-`, `_`, `~`, `!` and the rest), so no character class beyond that
 * is asked for. Messages never repeat the value or any of its characters.
 */
function validatePrintable(raw: string, rules: PrintableRules): Validation {
  const bounded = typeof raw === 'string' ? raw.slice(0, rules.length.max * 4 + 100) : '';
  const cleaned = cleanPasted(bounded);
  const notices = [...cleaned.notices];
  let value = cleaned.value;
  const prefixed = NAME_PREFIX.exec(value);
  if (prefixed) {
    value = cleanPasted(prefixed[2]).value;
    notices.push(namePrefixDropped());
  }
  const { label, theLabel } = rules;
  if (!value) return refuse(l10n.t('Enter {0}: {1}.', theLabel, rules.whereToFind));
  if (looksLikeAccessToken(value)) return refuse(l10n.t('This is an access token (a JWT from the token endpoint), not {0}: {1}.', theLabel, rules.whereToFind));
  if (/\s/.test(value)) return refuse(l10n.t('The {0} contains spaces or a line break; copy it again in one piece.', label));
  const bad = [...value].findIndex((c) => c < '!' || c > '~');
  if (bad >= 0) {
    return refuse(
      l10n.t(
        'Character {0} of the {1} is not a printable ASCII character (a letter, digit or punctuation); copy it again from the Partner Portal.',
        bad + 1,
        label,
      ),
    );
  }
  const { min, max } = rules.length;
  if (value.length < min) return refuse(l10n.t('{0} characters is too short for a {1} (at least {2}); part of it is missing.', value.length, label, min));
  if (value.length > max) {
    return refuse(l10n.t('{0} characters is too long for a {1} (at most {2}); something extra was copied with it.', value.length, label, max));
  }
  if (rules.uuidNotice && UUID_PATTERN.test(value)) notices.push(rules.uuidNotice());
  if (rules.hexNotice && HEX32_PATTERN.test(value)) notices.push(rules.hexNotice());
  return accept(value, notices);
}
