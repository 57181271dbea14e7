/**
 * Which names to write: the file's own names first (matching the product when the file is
 * split per product), then a name derived from its partner (MOMO_COLLECTION_ID →
 * MOMO_COLLECTION_SECRET), and only then the configured defaults.
 */
import * as l10n from '@vscode/l10n';
import type { CredentialKind } from '../../momo/credentialKind';
import type { Product } from '../../momo/products';
import type { CredentialNames, CredentialRole } from '../types';
import type { NameInfo } from './classify';
import { productToken } from './classify';
import { formatName } from './nameParts';

export interface ChosenName {
  name: string;
  /** The file already has this name (an assignment to update rather than a line to insert). */
  existing: boolean;
  /** The existing variable it was taken from or derived from. */
  source?: NameInfo;
}

export interface ChosenNames {
  byRole: Partial<Record<CredentialRole, ChosenName>>;
  notices: string[];
}

/** Replaces the role tokens (and optionally the product, and drops a browser prefix). */
export function deriveName(info: NameInfo, field: readonly string[], product?: Product): string {
  const tokens: string[] = [];
  const firstField = info.fieldIndexes[0];
  info.parts.tokens.forEach((token, i) => {
    if (i < info.browserPrefixTokens) return;
    if (info.fieldIndexes.includes(i)) {
      if (i === firstField) tokens.push(...field);
    } else if (i === info.productIndex && product) {
      tokens.push(productToken(product, token.endsWith('S')));
    } else {
      tokens.push(token);
    }
  });
  if (firstField === undefined) tokens.push(...field);
  return formatName(tokens, info.parts.style);
}

function fieldOf(info: NameInfo): string {
  return info.fieldIndexes.map((i) => info.parts.tokens[i]).join('_');
}

/** The partner's field for a role, keeping pairs such as CLIENT_ID / CLIENT_SECRET together. */
function partnerField(role: CredentialRole, partner: NameInfo, kind: CredentialKind): string[] {
  const field = fieldOf(partner);
  if (kind === 'system' && role !== 'subscriptionKey') {
    // USER_ID ↔ CREDENTIAL_TOKEN, NEW_USER_ID ↔ NEW_CREDENTIAL_TOKEN.
    const fresh = field.startsWith('NEW_') ? ['NEW'] : [];
    return role === 'apiUser' ? [...fresh, 'USER', 'ID'] : [...fresh, 'CREDENTIAL', 'TOKEN'];
  }
  if (role === 'apiUser') return field === 'CLIENT_SECRET' ? ['CLIENT', 'ID'] : field === 'SECRET' ? ['ID'] : ['API', 'USER'];
  if (role === 'apiKey') return field === 'CLIENT_ID' ? ['CLIENT', 'SECRET'] : field === 'ID' ? ['SECRET'] : ['API', 'KEY'];
  return ['SUBSCRIPTION', 'KEY'];
}

function pick(candidates: NameInfo[], product: Product | undefined): { info: NameInfo; swapProduct: boolean } | undefined {
  const primaryFirst = [...candidates].sort((a, b) => Number(a.secondary) - Number(b.secondary));
  if (product) {
    const exact = primaryFirst.find((c) => c.product === product);
    if (exact) return { info: exact, swapProduct: false };
  }
  const generic = primaryFirst.find((c) => c.product === undefined);
  if (generic) return { info: generic, swapProduct: false };
  const other = primaryFirst[0];
  if (!other) return undefined;
  // Only per-product names of another product exist: follow their pattern for this product.
  return { info: other, swapProduct: product !== undefined };
}

/**
 * System Credentials go under the file's System Credentials names first (`*_NEW_USER_ID`,
 * `*_CREDENTIAL_TOKEN`), then its general ones; an API user + API key never goes under a
 * System Credentials name.
 */
function forKind(candidates: NameInfo[], kind: CredentialKind): NameInfo[] {
  if (kind === 'apiKey') return candidates.filter((c) => !c.system);
  const system = candidates.filter((c) => c.system);
  return system.length > 0 ? system : candidates;
}

export function chooseNames(
  existing: readonly NameInfo[],
  roles: readonly CredentialRole[],
  product: Product | undefined,
  defaults: CredentialNames,
  kind: CredentialKind = 'apiKey',
): ChosenNames {
  const notices: string[] = [];
  const byRole: Partial<Record<CredentialRole, ChosenName>> = {};
  const usable = existing.filter((v) => v.isMomo && !v.vietnam);
  const exposed = usable.filter((v) => v.browserPrefix !== undefined);
  const safe = usable.filter((v) => v.browserPrefix === undefined);
  const order: CredentialRole[] = ['apiUser', 'apiKey', 'subscriptionKey'];

  for (const role of order) {
    const picked = pick(forKind(safe.filter((v) => v.role === role), kind), product);
    if (!picked) continue;
    const name = picked.swapProduct ? deriveName(picked.info, picked.info.fieldIndexes.map((i) => picked.info.parts.tokens[i]), product) : picked.info.name;
    byRole[role] = { name, existing: !picked.swapProduct, source: picked.info };
  }
  // Every role the file has can serve as a partner; only the requested ones get a fallback.
  for (const role of order) {
    if (byRole[role] || !roles.includes(role)) continue;
    const partnerRoles: CredentialRole[] = role === 'subscriptionKey' ? ['apiUser', 'apiKey'] : [role === 'apiUser' ? 'apiKey' : 'apiUser'];
    const partner = partnerRoles.map((r) => byRole[r]).find((c) => c?.source);
    if (partner?.source) {
      const swap = product !== undefined && partner.source.product !== undefined && partner.source.product !== product;
      const name = deriveName(partner.source, partnerField(role, partner.source, kind), swap ? product : undefined);
      byRole[role] = { name, existing: false, source: partner.source };
      continue;
    }
    const exposedMatch = pick(forKind(exposed.filter((v) => v.role === role), kind), product);
    if (exposedMatch) {
      const stripped = deriveName(exposedMatch.info, exposedMatch.info.fieldIndexes.map((i) => exposedMatch.info.parts.tokens[i]), exposedMatch.swapProduct ? product : undefined);
      byRole[role] = { name: stripped, existing: safe.some((v) => v.name === stripped), source: exposedMatch.info };
      notices.push(
        l10n.t(
          '{0} has a browser-exposed prefix ({1}), so the value was written to {2} instead; call MoMo from your server, not the browser.',
          exposedMatch.info.name,
          exposedMatch.info.browserPrefix ?? '',
          stripped,
        ),
      );
      continue;
    }
    const fallback = role === 'apiUser' ? defaults.apiUser : role === 'apiKey' ? defaults.apiKey : (defaults.subscriptionKey ?? 'MOMO_SUBSCRIPTION_KEY');
    byRole[role] = { name: fallback, existing: safe.some((v) => v.name === fallback) };
  }
  return { byRole, notices };
}
