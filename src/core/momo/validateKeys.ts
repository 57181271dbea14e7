/**
 * Subscription keys, API keys and API user ids. The messages name what the value looks like
 * instead, because pasting one credential into another's field is the usual mistake.
 */
import {
  accept,
  cleanPasted,
  HEX32_PATTERN,
  isTooLong,
  looksLikeAccessToken,
  looksLikeBasicCredential,
  refuse,
  UUID_PATTERN,
  Validation,
} from './validationCommon';

/** Values from MTN's own documentation, copied into many repositories. */
export const DOCUMENTATION_API_USERS = ['81660f34-0fda-4873-9fbd-057d8ecf1b98', 'c72025f5-5cd1-4630-99e4-8ba4722fad56'];
export const DOCUMENTATION_API_KEYS = ['f1db798c98df4bcf83b538175893bbf0'];

export function validateSubscriptionKey(raw: string): Validation {
  return validateHexKey(raw, {
    label: 'subscription key',
    whereToFind: 'copy the Primary key of your product subscription from momodeveloper.mtn.com (Profile → Subscriptions)',
  });
}

export function validateApiKey(raw: string): Validation {
  const result = validateHexKey(raw, {
    label: 'API key',
    whereToFind: 'it was shown once when the API user got its key; create a new key if it is lost',
  });
  if (result.ok && DOCUMENTATION_API_KEYS.includes(result.value)) {
    return accept(result.value, [result.notice ?? '', "This is the example API key from MTN's documentation, not yours."]);
  }
  return result;
}

/** "Ocp-Apim-Subscription-Key: …" or "MOMO_API_KEY=…" pasted whole: keep only the value. */
function dropNamePrefix(value: string): { value: string; dropped: boolean } {
  const match = /^([A-Za-z_][A-Za-z0-9_-]*)\s*[:=]\s*([^=\s].*)$/.exec(value);
  if (!match || /^(basic|bearer)$/i.test(match[1]) || UUID_PATTERN.test(match[1])) return { value, dropped: false };
  return { value: cleanPasted(match[2]).value, dropped: true };
}

function validateHexKey(raw: string, o: { label: string; whereToFind: string }): Validation {
  const { label } = o;
  const aLabel = `${/^[aeiou]/i.test(label) ? 'an' : 'a'} ${label}`;
  const expected = `${aLabel} has exactly 32 hexadecimal characters (0-9, a-f)`;
  if (isTooLong(raw)) return refuse(`${raw.length} characters: ${expected}, so something extra was copied with it.`);
  const cleaned = cleanPasted(raw);
  const notices = [...cleaned.notices];
  const prefix = dropNamePrefix(cleaned.value);
  if (prefix.dropped) notices.push('Kept only the value after the name.');
  const value = prefix.value;
  if (!value) return refuse(`Enter the ${label}: ${o.whereToFind}.`);
  if (HEX32_PATTERN.test(value)) {
    if (value !== value.toLowerCase()) notices.push('Converted to lowercase.');
    return accept(value.toLowerCase(), notices);
  }
  if (looksLikeAccessToken(value)) {
    return refuse(`This is an access token (a JWT from the token endpoint), not ${aLabel}: ${o.whereToFind}.`);
  }
  if (UUID_PATTERN.test(value)) {
    return refuse(`36 characters with dashes: this looks like an API user id, not ${aLabel}.`);
  }
  if (looksLikeBasicCredential(value)) {
    return refuse(`This is a Basic authorization value (API user and API key encoded together), not ${aLabel}.`);
  }
  if (/\s/.test(value)) return refuse(`The ${label} contains spaces; copy it again in one piece.`);
  if (/^[0-9a-f]+$/i.test(value)) {
    const hint = value.length < 32 ? 'part of it is missing' : 'something extra was copied with it';
    return refuse(`${value.length} characters: ${expected}, so ${hint}.`);
  }
  const stranger = [...value].find((c) => !/[0-9a-f]/i.test(c));
  return refuse(`${value.length} characters including "${stranger}": ${expected}.`);
}

export function validateApiUser(raw: string): Validation {
  if (isTooLong(raw)) return refuse(`${raw.length} characters: an API user id has 36 (8-4-4-4-12 hexadecimal digits with dashes).`);
  const cleaned = cleanPasted(raw);
  const notices = [...cleaned.notices];
  let value = cleaned.value;
  // .NET and registry tools write GUIDs in braces.
  if (/^\{.*\}$/.test(value)) {
    value = value.slice(1, -1).trim();
    notices.push('Removed the braces.');
  }
  const example = 'a UUID version 4 such as 3f2b8c1e-7d4a-4e6b-9c0d-5a1b2c3d4e5f';
  if (!value) return refuse(`Enter the API user id: ${example}.`);
  if (looksLikeAccessToken(value)) return refuse('This is an access token (a JWT), not an API user id.');
  if (HEX32_PATTERN.test(value)) {
    return refuse(
      '32 hexadecimal characters without dashes: this looks like a key (subscription key or API key), not an API user id.',
    );
  }
  if (looksLikeBasicCredential(value)) {
    return refuse('This is a Basic authorization value; the API user id is only the part before the colon, once decoded.');
  }
  if (UUID_PATTERN.test(value)) {
    const version = value[14];
    if (version !== '4') {
      return refuse(`This is a UUID version ${version}, but MoMo requires version 4 (the third group starts with 4).`);
    }
    if (!/[89ab]/i.test(value[19])) {
      return refuse('This UUID has a non-standard variant (the fourth group must start with 8, 9, a or b), so MoMo refuses it.');
    }
    if (value !== value.toLowerCase()) notices.push('Converted to lowercase.');
    const id = value.toLowerCase();
    if (DOCUMENTATION_API_USERS.includes(id)) notices.push("This is the example API user from MTN's documentation, not yours.");
    return accept(id, notices);
  }
  if (/^[0-9a-f-]+$/i.test(value) && value.includes('-')) {
    return refuse(`${value.length} characters: an API user id has 36 (8-4-4-4-12 hexadecimal digits with dashes).`);
  }
  return refuse(`An API user id is ${example}; this is not a UUID.`);
}
