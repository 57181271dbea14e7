/**
 * The stored credentials the doctor, verify and test payments work with, read from the store
 * at the moment a command needs them. Labels name a credential without its secret, and each
 * label maps back to the credential so a fix button acts on the right one.
 */
import * as vscode from 'vscode';
import type { DoctorApiUser, DoctorFinding, DoctorSubscriptionKey } from '../core/doctor';
import { maskSecret } from '../core/momo/redact';
import type { Product } from '../core/momo/products';
import { activeApiUser, findSubscriptionKeys, type ApiUserRecord } from '../core/store/credentialIndex';
import { productLabel, shortApiUser } from '../core/store/credentialText';
import { normalizeApiUser, type SubscriptionKeyType } from '../core/store/secretNames';
import type { CredentialStore } from './credentialStore';
import { platformOf } from './momoTarget';

/** What a finding is about, as command arguments ({environment, product, keyType} or {apiUser, …}). */
export interface CredentialScope {
  environment: string;
  product?: Product;
  keyType?: SubscriptionKeyType;
  apiUser?: string;
}

export interface StoredSubscriptionKey {
  keyType: SubscriptionKeyType;
  key: string;
}

/** The key that provisioned the user when still stored, else the primary, else the secondary. */
export async function subscriptionKeyFor(store: CredentialStore, user: ApiUserRecord): Promise<StoredSubscriptionKey | undefined> {
  const types = findSubscriptionKeys(store.index(), user).map((k) => k.keyType);
  const ordered = user.subscriptionKeyType && types.includes(user.subscriptionKeyType)
    ? [user.subscriptionKeyType, ...types.filter((t) => t !== user.subscriptionKeyType)]
    : types;
  for (const keyType of ordered) {
    const key = await store.getSubscriptionKey(user, keyType);
    if (key) {
      return { keyType, key };
    }
  }
  return undefined;
}

export interface StoredDoctorInput {
  subscriptionKeys: DoctorSubscriptionKey[];
  apiUsers: DoctorApiUser[];
  /** Findings about records whose secret is gone from SecretStorage. */
  storageFindings: DoctorFinding[];
  /** Finding subject → the credential it names. */
  scopes: Map<string, CredentialScope>;
  /** Every secret handed to the doctor, to prove none comes back out. */
  secrets: string[];
}

export interface DoctorFilter {
  product?: Product;
  apiUser?: string;
}

export async function storedDoctorInput(store: CredentialStore, environment: string, filter: DoctorFilter = {}): Promise<StoredDoctorInput> {
  const index = store.index();
  const result: StoredDoctorInput = { subscriptionKeys: [], apiUsers: [], storageFindings: [], scopes: new Map(), secrets: [] };
  const keyRecords = index.subscriptionKeys.filter((k) => k.environment === environment && (!filter.product || k.product === filter.product));
  for (const record of keyRecords) {
    const scope: CredentialScope = { environment, product: record.product, keyType: record.keyType };
    const key = await store.getSubscriptionKey(record, record.keyType);
    const described =
      record.keyType === 'primary'
        ? vscode.l10n.t('{0} primary subscription key', productLabel(record.product))
        : vscode.l10n.t('{0} secondary subscription key', productLabel(record.product));
    if (!key) {
      result.scopes.set(described, scope);
      result.storageFindings.push(missingSecret('subscriptionKey.stored', described, 'reenterSubscriptionKey', vscode.l10n.t('Enter the subscription key again')));
      continue;
    }
    const label = `${described} ${maskSecret(key)}`;
    result.scopes.set(label, scope);
    result.subscriptionKeys.push({ key, product: record.product, label });
    result.secrets.push(key);
  }

  const wantedUser = filter.apiUser === undefined ? undefined : normalizeApiUser(filter.apiUser);
  const active = activeApiUser(index);
  const isActive = (u: ApiUserRecord): boolean => !!active && u.apiUser === active.apiUser && u.environment === active.environment && u.product === active.product;
  // The active user first, then the newest: the one people use is reported on top.
  const users = index.apiUsers
    .filter((u) => u.environment === environment && (!filter.product || u.product === filter.product) && (!wantedUser || u.apiUser === wantedUser))
    .sort((a, b) => Number(isActive(b)) - Number(isActive(a)) || b.createdAt.localeCompare(a.createdAt));
  for (const user of users) {
    const kind = user.credentialKind === 'system' ? 'System Credentials' : vscode.l10n.t('API user');
    const name = `${productLabel(user.product)} ${kind} ${user.apiUser}${isActive(user) ? ` ${vscode.l10n.t('(active)')}` : ''}`;
    const label = user.label ? `${user.label} (${name})` : name;
    result.scopes.set(label, { environment, product: user.product, apiUser: user.apiUser });
    const apiKey = user.keyStored ? await store.getApiKey(user) : undefined;
    if (user.keyStored && !apiKey) {
      result.storageFindings.push(missingSecret('apiKey.stored', label, 'regenerateApiKey', vscode.l10n.t('Create a new API key for {0}', shortApiUser(user.apiUser))));
    }
    const subscription = await subscriptionKeyFor(store, user);
    const platform = platformOf(user);
    result.apiUsers.push({
      apiUser: user.apiUser,
      product: user.product,
      label,
      credentialKind: user.credentialKind ?? 'apiKey',
      // The doctor refuses to send a pair to a known host of the other platform.
      ...(platform ? { platform } : {}),
      ...(apiKey ? { apiKey } : {}),
      ...(subscription ? { subscriptionKey: subscription.key } : {}),
    });
    if (apiKey) {
      result.secrets.push(apiKey);
    }
  }
  return result;
}

function missingSecret(check: string, subject: string, fixId: 'reenterSubscriptionKey' | 'regenerateApiKey', fixLabel: string): DoctorFinding {
  return {
    check,
    ok: false,
    severity: 'error',
    subject,
    message: vscode.l10n.t('The index lists this secret, but SecretStorage no longer has it (removed in another window, or a keyring reset), so it was not checked.'),
    next: fixLabel,
    fixes: [{ id: fixId, label: fixLabel }],
  };
}
