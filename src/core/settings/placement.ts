/**
 * Where missing credential lines go: beside the credentials the file already has (the key
 * right after its API user, the API user right before its key), otherwise as one block next
 * to the MoMo block (after the subscription key lines) or at the end.
 */
import { mtnEvidence } from './mtnDetection';
import type { NameInfo } from './names/classify';
import { ROLE_ORDER } from './planTypes';
import type { CredentialRole } from './types';

export interface Placement<T> {
  /** 'after'/'before' the anchor; 'block' when no written role exists (the dialect decides). */
  kind: 'after' | 'before' | 'block';
  anchor?: T;
  roles: CredentialRole[];
}

/**
 * `found` holds, per written role, the occurrences the file already has (in file order).
 * Returns one placement per insertion point, roles in canonical order.
 */
export function placeMissing<T>(found: Partial<Record<CredentialRole, T[]>>, missing: readonly CredentialRole[]): Placement<T>[] {
  const placements: Placement<T>[] = [];
  const add = (kind: Placement<T>['kind'], anchor: T | undefined, role: CredentialRole) => {
    const same = placements.find((p) => p.kind === kind && p.anchor === anchor);
    if (same) same.roles.push(role);
    else placements.push({ kind, anchor, roles: [role] });
  };
  const ordered = ROLE_ORDER.filter((r) => missing.includes(r));
  for (const role of ordered) {
    const at = ROLE_ORDER.indexOf(role);
    const previous = [...ROLE_ORDER.slice(0, at)].reverse().find((r) => found[r]?.length);
    if (previous) {
      const list = found[previous] ?? [];
      add('after', list[list.length - 1], role);
      continue;
    }
    const next = ROLE_ORDER.slice(at + 1).find((r) => found[r]?.length);
    if (next) {
      add('before', (found[next] ?? [])[0], role);
      continue;
    }
    add('block', undefined, role);
  }
  return placements;
}

/**
 * The MoMo block's anchor: the last subscription-key variable, else the last MoMo variable.
 * Non-credential names (MOMO_ENDPOINT...) only count in MTN files: in a Vietnam MoMo file
 * they are the wallet's, and MTN lines get a block of their own.
 */
export function blockAnchor<T extends { info: NameInfo }>(variables: readonly T[], text: string): T | undefined {
  const momo = variables.filter((v) => v.info.isMomo && !v.info.vietnam && v.info.role !== undefined);
  const keys = momo.filter((v) => v.info.role === 'subscriptionKey');
  if (keys.length) return keys[keys.length - 1];
  const credentials = momo.filter((v) => v.info.role === 'apiUser' || v.info.role === 'apiKey');
  if (credentials.length) return credentials[credentials.length - 1];
  if (momo.length && mtnEvidence(text).mtn) return momo[momo.length - 1];
  return undefined;
}
