/**
 * Which stored API user a committed secret belongs to, so "New API Key" after a leak goes
 * straight to that user instead of asking. The stored key found in the text is the strongest
 * sign (the key is what must be replaced); else the stored user id found in it. Only a single
 * match counts: with two candidates the person picks, as without one.
 */
import type { ApiUserRecord, ApiUserRef } from '../../core/store/credentialIndex';
import { refOf } from '../../core/store/credentialIndex';
import type { CredentialStore } from '../credentialStore';

/** Shorter values are not searched for: they could match anywhere by chance. */
const MIN_SECRET_LENGTH = 16;

export async function leakedApiUser(store: CredentialStore, leakedText: string): Promise<ApiUserRef | undefined> {
  const users = store.index().apiUsers;
  const byKey: ApiUserRecord[] = [];
  for (const user of users) {
    if (!user.keyStored) continue;
    const key = await store.getApiKey(user).catch(() => undefined);
    if (key !== undefined && key.length >= MIN_SECRET_LENGTH && leakedText.includes(key)) byKey.push(user);
  }
  const candidates = byKey.length > 0 ? byKey : users.filter((u) => u.apiUser.length >= MIN_SECRET_LENGTH && leakedText.includes(u.apiUser));
  return candidates.length === 1 ? refOf(candidates[0]) : undefined;
}
