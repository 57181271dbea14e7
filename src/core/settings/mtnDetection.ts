/**
 * Telling MTN MoMo from Vietnam's MoMo wallet. `MOMO_*` alone proves nothing: only MTN names
 * (API user, subscription key, target environment) or MTN hosts/headers make a file MTN's.
 */
import { classifyName } from './names/classify';

/**
 * Host names, headers and paths that only MTN's API uses, and the per-product Credential Token
 * names of System Credentials (COLLECTION_CREDENTIAL_TOKEN), which name no vendor.
 */
const MTN_MARKERS = /momodeveloper|momoapi\.mtn|momoapi\.momo\.africa|\b(?:collection|disbursement|remittance)s?_(?:new_)?credential_token\b|ocp-apim|apiuser|x-target-environment|ericssonbasicapi|\bmtn(?:uganda|ghana|ivorycoast|zambia|cameroon|benin|congo|swaziland|guineaconakry|southafrica|liberia|rwanda)\b/i;

/** Vietnam's MoMo wallet: names and its host. */
const VIETNAM_MARKERS = /momo\.vn|\bMOMO_(?:PARTNER_CODE|ACCESS_KEY|SECRET_KEY)\b/i;

const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/g;

export interface MtnEvidence {
  mtn: boolean;
  /** The file also (or only) holds Vietnam MoMo wallet settings. */
  vietnam: boolean;
}

/** One linear pass over identifiers; names are classified only when they mention MoMo/MTN. */
export function mtnEvidence(text: string): MtnEvidence {
  const vietnam = VIETNAM_MARKERS.test(text);
  if (MTN_MARKERS.test(text)) return { mtn: true, vietnam };
  let momoMentioned = false;
  let strongName = false;
  let apiKeyName = false;
  let sectionCredential = false;
  IDENTIFIER.lastIndex = 0;
  for (let match = IDENTIFIER.exec(text); match; match = IDENTIFIER.exec(text)) {
    const word = match[0];
    const lower = word.toLowerCase();
    if (!lower.includes('momo') && !lower.includes('mtn')) {
      // JSON sections (MomoApiOptions: { ApiUser, SubscriptionKey }) name the role without the vendor.
      if (word === 'ApiUser' || word === 'SubscriptionKey' || word === 'TargetEnvironment') sectionCredential = true;
      continue;
    }
    momoMentioned = true;
    if (/\bmtn/i.test(word) && /momo/i.test(word)) return { mtn: true, vietnam };
    const info = classifyName(word);
    if (!info.isMomo || info.vietnam) continue;
    // MOMO_ENVIRONMENT is generic (Vietnam projects have it too); a TARGET environment is MTN's header.
    const targetHeader = info.role === 'targetEnvironment' && info.parts.tokens.includes('TARGET');
    if (info.role === 'apiUser' || info.role === 'subscriptionKey' || targetHeader) strongName = true;
    if (info.role === 'apiKey') apiKeyName = true;
  }
  if (strongName) return { mtn: true, vietnam };
  if (momoMentioned && sectionCredential) return { mtn: true, vietnam };
  // An API key name alone is MTN's unless Vietnam's names are present.
  return { mtn: apiKeyName && !vietnam, vietnam };
}

export function isMtnMomoDocument(text: string): boolean {
  return mtnEvidence(text).mtn;
}
