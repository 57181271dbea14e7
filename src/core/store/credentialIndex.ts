/**
 * The non-secret half of the credential store, as plain data: which subscription keys and API
 * users exist per environment and product, with their metadata. It lives in globalState; the
 * secrets themselves live in SecretStorage under names built by ./secretNames.
 *
 * Every function returns a new index and never mutates its input, so a caller can read, change
 * and write back without aliasing surprises, and so all of it is testable without VS Code.
 */
import { isCredentialKind, type CredentialKind } from '../momo/credentialKind';
import { ENVIRONMENTS } from '../momo/environments';
import { isProductionPlatform, type ProductionPlatform } from '../momo/platforms';
import { isProduct, PRODUCTS, type Product } from '../momo/products';
import {
  apiKeySecretName,
  isSubscriptionKeyType,
  normalizeApiUser,
  normalizeEnvironment,
  subscriptionKeySecretName,
  type SubscriptionKeyType,
} from './secretNames';

export interface ProductScope {
  environment: string;
  product: Product;
}

export interface VerifyResult {
  /** ISO time of the check. */
  at: string;
  ok: boolean;
  /** One plain sentence, never a secret. */
  message?: string;
}

export interface SubscriptionKeyRecord extends ProductScope {
  keyType: SubscriptionKeyType;
  savedAt: string;
  lastVerified?: VerifyResult;
}

export interface ApiUserRecord extends ProductScope {
  apiUser: string;
  callbackHost?: string;
  label?: string;
  createdAt: string;
  /** False when the key could not be stored, or when the user was created but its key was not. */
  keyStored: boolean;
  /** Which subscription key provisioned it, so a new API key can be made with the same one. */
  subscriptionKeyType?: SubscriptionKeyType;
  origin: 'provisioned' | 'added';
  lastVerified?: VerifyResult;
  /** Kept after a failed provisioning whose "create user" may or may not have gone through. */
  unconfirmed?: true;
  /** 'system': System Credentials (User ID + Credential Token, stored as its "API key"). Absent: API user + API key. */
  credentialKind?: CredentialKind;
  /** Production only: the platform the pair belongs to; it is only ever sent to that platform's host. Absent: legacy. */
  platform?: ProductionPlatform;
}

export interface ApiUserRef extends ProductScope {
  apiUser: string;
}

export interface CredentialIndex {
  version: 1;
  subscriptionKeys: SubscriptionKeyRecord[];
  apiUsers: ApiUserRecord[];
  /**
   * Every secret name ever written and not yet deleted. Records imply most of them, but this
   * list also covers writes whose record was lost (a crash between the two writes, a race with
   * another window), so "forget everything" really deletes everything.
   */
  secretNames: string[];
  /** The API user the status bar reports on: the last one provisioned, added or used. */
  active?: ApiUserRef;
  /** Records globalState holds but this version cannot read: kept as they are, shown, removable. */
  unreadable?: UnreadableRecord[];
}

export interface UnreadableRecord {
  /** The globalState key holding it. */
  stateKey: string;
  /** Secrets it may own, removed with it. */
  secretNames: string[];
}

export function emptyIndex(): CredentialIndex {
  return { version: 1, subscriptionKeys: [], apiUsers: [], secretNames: [] };
}

export function isIndexEmpty(index: CredentialIndex): boolean {
  return index.subscriptionKeys.length === 0 && index.apiUsers.length === 0 && !index.unreadable?.length;
}

// ---- reading what globalState gave back (it may be missing, old or hand-edited) ----

export function parseIndex(raw: unknown): CredentialIndex {
  if (!isObject(raw)) {
    return emptyIndex();
  }
  const subscriptionKeys = arrayOf(raw.subscriptionKeys).flatMap((r) => {
    const parsed = parseSubscriptionKeyRecord(r);
    return parsed ? [parsed] : [];
  });
  const apiUsers = arrayOf(raw.apiUsers).flatMap((r) => {
    const parsed = parseApiUserRecord(r);
    return parsed ? [parsed] : [];
  });
  const secretNames = arrayOf(raw.secretNames).filter((n): n is string => typeof n === 'string');
  const active = parseRef(raw.active);
  return { version: 1, subscriptionKeys, apiUsers, secretNames: unique(secretNames), ...(active ? { active } : {}) };
}

export function parseSubscriptionKeyRecord(r: unknown): SubscriptionKeyRecord | undefined {
  if (!isObject(r) || typeof r.environment !== 'string' || !isProduct(r.product) || !isSubscriptionKeyType(r.keyType)) {
    return undefined;
  }
  return {
    environment: normalizeEnvironment(r.environment),
    product: r.product,
    keyType: r.keyType,
    savedAt: typeof r.savedAt === 'string' ? r.savedAt : new Date(0).toISOString(),
    ...optionalVerify(r.lastVerified),
  };
}

export function parseApiUserRecord(r: unknown): ApiUserRecord | undefined {
  if (!isObject(r) || typeof r.environment !== 'string' || !isProduct(r.product) || typeof r.apiUser !== 'string') {
    return undefined;
  }
  return {
    environment: normalizeEnvironment(r.environment),
    product: r.product,
    apiUser: normalizeApiUser(r.apiUser),
    createdAt: typeof r.createdAt === 'string' ? r.createdAt : new Date(0).toISOString(),
    keyStored: r.keyStored === true,
    origin: r.origin === 'added' ? 'added' : 'provisioned',
    ...(typeof r.callbackHost === 'string' ? { callbackHost: r.callbackHost } : {}),
    ...(typeof r.label === 'string' ? { label: r.label } : {}),
    ...(isSubscriptionKeyType(r.subscriptionKeyType) ? { subscriptionKeyType: r.subscriptionKeyType } : {}),
    ...(r.unconfirmed === true ? { unconfirmed: true as const } : {}),
    ...(isCredentialKind(r.credentialKind) ? { credentialKind: r.credentialKind } : {}),
    ...(isProductionPlatform(r.platform) ? { platform: r.platform } : {}),
    ...optionalVerify(r.lastVerified),
  };
}

export function parseRef(r: unknown): ApiUserRef | undefined {
  if (!isObject(r) || typeof r.environment !== 'string' || !isProduct(r.product) || typeof r.apiUser !== 'string') {
    return undefined;
  }
  return { environment: normalizeEnvironment(r.environment), product: r.product, apiUser: normalizeApiUser(r.apiUser) };
}

function optionalVerify(v: unknown): { lastVerified?: VerifyResult } {
  if (!isObject(v) || typeof v.at !== 'string' || typeof v.ok !== 'boolean') {
    return {};
  }
  return { lastVerified: { at: v.at, ok: v.ok, ...(typeof v.message === 'string' ? { message: v.message } : {}) } };
}

// ---- subscription keys ----

export function withSubscriptionKey(index: CredentialIndex, record: SubscriptionKeyRecord): CredentialIndex {
  const normalized = { ...record, environment: normalizeEnvironment(record.environment) };
  const others = index.subscriptionKeys.filter((k) => !sameSubscriptionKey(k, normalized));
  const name = subscriptionKeySecretName(normalized.environment, normalized.product, normalized.keyType);
  return { ...index, subscriptionKeys: [...others, normalized], secretNames: unique([...index.secretNames, name]) };
}

export function withoutSubscriptionKey(index: CredentialIndex, scope: ProductScope, keyType: SubscriptionKeyType): CredentialIndex {
  const target = { ...scope, environment: normalizeEnvironment(scope.environment), keyType };
  const name = subscriptionKeySecretName(target.environment, target.product, keyType);
  return {
    ...index,
    subscriptionKeys: index.subscriptionKeys.filter((k) => !sameSubscriptionKey(k, target)),
    secretNames: index.secretNames.filter((n) => n !== name),
  };
}

export function findSubscriptionKeys(index: CredentialIndex, scope: ProductScope): SubscriptionKeyRecord[] {
  const env = normalizeEnvironment(scope.environment);
  return sortKeys(index.subscriptionKeys.filter((k) => k.environment === env && k.product === scope.product));
}

// ---- API users ----

/** Adds or updates one API user; an update keeps the original creation time and origin. */
export function withApiUser(index: CredentialIndex, record: ApiUserRecord): CredentialIndex {
  const normalized = normalizeUser(record);
  const existing = index.apiUsers.find((u) => sameUser(u, normalized));
  const merged: ApiUserRecord = existing
    ? { ...existing, ...normalized, createdAt: existing.createdAt, origin: existing.origin }
    : normalized;
  const others = index.apiUsers.filter((u) => !sameUser(u, normalized));
  const name = apiKeySecretName(merged.environment, merged.product, merged.apiUser);
  return {
    ...index,
    apiUsers: [...others, merged],
    secretNames: merged.keyStored ? unique([...index.secretNames, name]) : index.secretNames,
    active: refOf(merged),
  };
}

/**
 * Marks whether a user's key is usable. A name, once recorded, stays until the user is removed:
 * a key marked unusable after a failed write may still sit in SecretStorage and must be forgotten too.
 */
export function withApiKeyState(index: CredentialIndex, ref: ApiUserRef, keyStored: boolean): CredentialIndex {
  const target = normalizeRef(ref);
  const name = apiKeySecretName(target.environment, target.product, target.apiUser);
  return {
    ...index,
    // A stored key proves the user exists: it is no longer unconfirmed.
    apiUsers: index.apiUsers.map((u) => (sameUser(u, target) ? withoutUnconfirmed({ ...u, keyStored }, keyStored) : u)),
    secretNames: keyStored ? unique([...index.secretNames, name]) : index.secretNames,
  };
}

export function withVerifyResult(index: CredentialIndex, ref: ApiUserRef, result: VerifyResult): CredentialIndex {
  const target = normalizeRef(ref);
  return { ...index, apiUsers: index.apiUsers.map((u) => (sameUser(u, target) ? { ...u, lastVerified: result } : u)) };
}

export function withoutApiUser(index: CredentialIndex, ref: ApiUserRef): CredentialIndex {
  const target = normalizeRef(ref);
  const name = apiKeySecretName(target.environment, target.product, target.apiUser);
  const active = index.active && sameUser(index.active, target) ? undefined : index.active;
  const next: CredentialIndex = {
    ...index,
    apiUsers: index.apiUsers.filter((u) => !sameUser(u, target)),
    secretNames: index.secretNames.filter((n) => n !== name),
  };
  if (active) {
    next.active = active;
  } else {
    delete next.active;
  }
  return next;
}

/** Every stored user with this id, optionally narrowed to an environment and product. */
export function findApiUsers(index: CredentialIndex, apiUser: string, scope?: Partial<ProductScope>): ApiUserRecord[] {
  const id = normalizeApiUser(apiUser);
  const env = scope?.environment ? normalizeEnvironment(scope.environment) : undefined;
  return index.apiUsers.filter(
    (u) => u.apiUser === id && (!env || u.environment === env) && (!scope?.product || u.product === scope.product),
  );
}

export function apiUsersIn(index: CredentialIndex, scope: ProductScope): ApiUserRecord[] {
  const env = normalizeEnvironment(scope.environment);
  return index.apiUsers
    .filter((u) => u.environment === env && u.product === scope.product)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export function activeApiUser(index: CredentialIndex): ApiUserRecord | undefined {
  const active = index.active;
  const found = active ? index.apiUsers.find((u) => sameUser(u, active)) : undefined;
  return found ?? index.apiUsers[index.apiUsers.length - 1];
}

// ---- the shape of the tree ----

/** Environments that hold anything, sandbox first, then in the order of ENVIRONMENTS. */
export function environmentsIn(index: CredentialIndex): string[] {
  const used = new Set([...index.subscriptionKeys, ...index.apiUsers].map((r) => r.environment));
  const known = ENVIRONMENTS.map((e) => e.id).filter((id) => used.has(id));
  const unknown = [...used].filter((id) => !known.includes(id)).sort();
  return [...known, ...unknown];
}

export function productsIn(index: CredentialIndex, environment: string): Product[] {
  const env = normalizeEnvironment(environment);
  const used = new Set([...index.subscriptionKeys, ...index.apiUsers].filter((r) => r.environment === env).map((r) => r.product));
  return PRODUCTS.filter((p) => used.has(p));
}

/** Every secret name the index knows of, recorded or implied by a record. */
export function allSecretNames(index: CredentialIndex): string[] {
  const implied = [
    ...index.subscriptionKeys.map((k) => subscriptionKeySecretName(k.environment, k.product, k.keyType)),
    ...index.apiUsers.filter((u) => u.keyStored).map((u) => apiKeySecretName(u.environment, u.product, u.apiUser)),
  ];
  const ofUnreadable = (index.unreadable ?? []).flatMap((r) => r.secretNames);
  return unique([...index.secretNames, ...implied, ...ofUnreadable]);
}

export function refOf(record: ApiUserRef): ApiUserRef {
  return { environment: record.environment, product: record.product, apiUser: record.apiUser };
}

// ---- helpers ----

function withoutUnconfirmed(record: ApiUserRecord, keyStored: boolean): ApiUserRecord {
  if (!keyStored || !record.unconfirmed) return record;
  const { unconfirmed: _unconfirmed, ...rest } = record;
  return rest;
}

function normalizeRef(ref: ApiUserRef): ApiUserRef {
  return { environment: normalizeEnvironment(ref.environment), product: ref.product, apiUser: normalizeApiUser(ref.apiUser) };
}

function normalizeUser(record: ApiUserRecord): ApiUserRecord {
  return { ...record, ...normalizeRef(record) };
}

function sameUser(a: ApiUserRef, b: ApiUserRef): boolean {
  return a.environment === b.environment && a.product === b.product && a.apiUser === b.apiUser;
}

function sameSubscriptionKey(a: SubscriptionKeyRecord | (ProductScope & { keyType: SubscriptionKeyType }), b: ProductScope & { keyType: SubscriptionKeyType }): boolean {
  return a.environment === b.environment && a.product === b.product && a.keyType === b.keyType;
}

function sortKeys(keys: SubscriptionKeyRecord[]): SubscriptionKeyRecord[] {
  return [...keys].sort((a, b) => (a.keyType === b.keyType ? 0 : a.keyType === 'primary' ? -1 : 1));
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
