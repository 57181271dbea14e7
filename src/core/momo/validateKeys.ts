/**
 * Subscription keys, API keys and API user ids. The messages name what the value looks like
 * instead, because pasting one credential into another's field is the usual mistake.
 */
import * as l10n from '@vscode/l10n';
import {
  accept,
  cleanPasted,
  HEX32_PATTERN,
  isTooLong,
  looksLikeAccessToken,
  looksLikeBasicCredential,
  Notice,
  refuse,
  UUID_PATTERN,
  Validation,
} from './validationCommon';

/** Values from MTN's own documentation, copied into many repositories. */
export const DOCUMENTATION_API_USERS = ['81660f34-0fda-4873-9fbd-057d8ecf1b98', 'c72025f5-5cd1-4630-99e4-8ba4722fad56'];
export const DOCUMENTATION_API_KEYS = ['f1db798c98df4bcf83b538175893bbf0'];

export function validateSubscriptionKey(raw: string): Validation {
  return validateHexKey(raw, {
    label: l10n.t('subscription key'),
    aLabel: l10n.t('a subscription key'),
    whereToFind: l10n.t('copy the Primary key of your product subscription from momodeveloper.mtn.com (Profile → Subscriptions)'),
  });
}

export function validateApiKey(raw: string): Validation {
  const result = validateHexKey(raw, {
    label: l10n.t('API key'),
    aLabel: l10n.t('an API key'),
    whereToFind: l10n.t('it was shown once when the API user got its key; create a new key if it is lost'),
  });
  if (result.ok && DOCUMENTATION_API_KEYS.includes(result.value)) {
    const example: Notice = { code: 'documentationExample', message: l10n.t("This is the example API key from MTN's documentation, not yours.") };
    return accept(result.value, [...(result.notices ?? []), example]);
  }
  return result;
}

/** "Ocp-Apim-Subscription-Key: …" or "MOMO_API_KEY=…" pasted whole: keep only the value. */
function dropNamePrefix(value: string): { value: string; dropped: boolean } {
  const match = /^([A-Za-z_][A-Za-z0-9_-]*)\s*[:=]\s*([^=\s].*)$/.exec(value);
  if (!match || /^(basic|bearer)$/i.test(match[1]) || UUID_PATTERN.test(match[1])) return { value, dropped: false };
  return { value: cleanPasted(match[2]).value, dropped: true };
}

export const namePrefixDropped = (): Notice => ({ code: 'namePrefixDropped', message: l10n.t('Kept only the value after the name.') });
export const lowercased = (): Notice => ({ code: 'lowercased', message: l10n.t('Converted to lowercase.') });

/** Both hex keys are a "clé" in French, so the messages take the bare label. */
function validateHexKey(raw: string, o: { label: string; aLabel: string; whereToFind: string }): Validation {
  const { label, aLabel } = o;
  const tooLong = (length: number) =>
    l10n.t('{0} characters: {1} has exactly 32 hexadecimal characters (0-9, a-f), so something extra was copied with it.', length, aLabel);
  if (isTooLong(raw)) return refuse(tooLong(raw.length));
  const cleaned = cleanPasted(raw);
  const notices = [...cleaned.notices];
  const prefix = dropNamePrefix(cleaned.value);
  if (prefix.dropped) notices.push(namePrefixDropped());
  const value = prefix.value;
  if (!value) return refuse(l10n.t('Enter the {0}: {1}.', label, o.whereToFind));
  if (HEX32_PATTERN.test(value)) {
    if (value !== value.toLowerCase()) notices.push(lowercased());
    return accept(value.toLowerCase(), notices);
  }
  if (looksLikeAccessToken(value)) {
    return refuse(l10n.t('This is an access token (a JWT from the token endpoint), not {0}: {1}.', aLabel, o.whereToFind));
  }
  if (UUID_PATTERN.test(value)) {
    return refuse(l10n.t('36 characters with dashes: this looks like an API user id, not {0}.', aLabel));
  }
  if (looksLikeBasicCredential(value)) {
    return refuse(l10n.t('This is a Basic authorization value (API user and API key encoded together), not {0}.', aLabel));
  }
  if (/\s/.test(value)) return refuse(l10n.t('The {0} contains spaces; copy it again in one piece.', label));
  if (/^[0-9a-f]+$/i.test(value)) {
    if (value.length > 32) return refuse(tooLong(value.length));
    return refuse(l10n.t('{0} characters: {1} has exactly 32 hexadecimal characters (0-9, a-f), so part of it is missing.', value.length, aLabel));
  }
  const stranger = [...value].find((c) => !/[0-9a-f]/i.test(c));
  return refuse(l10n.t('{0} characters including "{1}": {2} has exactly 32 hexadecimal characters (0-9, a-f).', value.length, stranger ?? '', aLabel));
}

const EXAMPLE_UUID = '3f2b8c1e-7d4a-4e6b-9c0d-5a1b2c3d4e5f';

export function validateApiUser(raw: string): Validation {
  const wrongLength = (length: number) => l10n.t('{0} characters: an API user id has 36 (8-4-4-4-12 hexadecimal digits with dashes).', length);
  if (isTooLong(raw)) return refuse(wrongLength(raw.length));
  const cleaned = cleanPasted(raw);
  const notices = [...cleaned.notices];
  let value = cleaned.value;
  // .NET and registry tools write GUIDs in braces.
  if (/^\{.*\}$/.test(value)) {
    value = value.slice(1, -1).trim();
    notices.push({ code: 'bracesRemoved', message: l10n.t('Removed the braces.') });
  }
  if (!value) return refuse(l10n.t('Enter the API user id: a UUID version 4 such as {0}.', EXAMPLE_UUID));
  if (looksLikeAccessToken(value)) return refuse(l10n.t('This is an access token (a JWT), not an API user id.'));
  if (HEX32_PATTERN.test(value)) {
    return refuse(
      l10n.t('32 hexadecimal characters without dashes: this looks like a key (subscription key or API key), not an API user id.'),
    );
  }
  if (looksLikeBasicCredential(value)) {
    return refuse(l10n.t('This is a Basic authorization value; the API user id is only the part before the colon, once decoded.'));
  }
  if (UUID_PATTERN.test(value)) {
    const version = value[14];
    if (version !== '4') {
      return refuse(l10n.t('This is a UUID version {0}, but MoMo requires version 4 (the third group starts with 4).', version));
    }
    if (!/[89ab]/i.test(value[19])) {
      return refuse(l10n.t('This UUID has a non-standard variant (the fourth group must start with 8, 9, a or b), so MoMo refuses it.'));
    }
    if (value !== value.toLowerCase()) notices.push(lowercased());
    const id = value.toLowerCase();
    if (DOCUMENTATION_API_USERS.includes(id)) {
      notices.push({ code: 'documentationExample', message: l10n.t("This is the example API user from MTN's documentation, not yours.") });
    }
    return accept(id, notices);
  }
  if (/^[0-9a-f-]+$/i.test(value) && value.includes('-')) return refuse(wrongLength(value.length));
  return refuse(l10n.t('An API user id is a UUID version 4 such as {0}; this is not a UUID.', EXAMPLE_UUID));
}
