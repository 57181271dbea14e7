/**
 * How the credential index is kept in globalState: one key per record, not one shared value.
 * Two windows each writing the whole index would erase each other's records (a stale verify
 * result in window B dropped the user window A had just provisioned, orphaning its key); with
 * one key per record a writer only ever touches the records it changed.
 *
 *   momo.credentials.v2/record/<secret name>   a subscription key or API user record, keyed by
 *                                             the name of its secret in SecretStorage
 *   momo.credentials.v2/secret/<secret name>   true: a secret name ever written (see secretNames)
 *   momo.credentials.v2/active                the API user the status bar reports on
 *
 * A record that cannot be read is never dropped or rewritten: it stays under its key, is listed
 * as unreadable (with the secrets it may own), and goes only when the user removes it.
 */
import { SYSTEM_USER_ID_LENGTH } from '../momo/credentialKind';
import { ENVIRONMENTS } from '../momo/environments';
import { isProduct, PRODUCTS } from '../momo/products';
import {
  emptyIndex,
  parseApiUserRecord,
  parseRef,
  parseSubscriptionKeyRecord,
  type CredentialIndex,
  type UnreadableRecord,
} from './credentialIndex';
import { apiKeySecretName, parseSecretName, subscriptionKeySecretName } from './secretNames';

export const RECORDS_PREFIX = 'momo.credentials.v2/';
const RECORD = `${RECORDS_PREFIX}record/`;
const SECRET = `${RECORDS_PREFIX}secret/`;
const ACTIVE = `${RECORDS_PREFIX}active`;
/** Where records of the first layout (one value holding the whole index) were, see migration. */
const LEGACY_UNREADABLE = `${RECORDS_PREFIX}unreadable/`;

/** What globalState offers (vscode.Memento): enough to test with a Map. */
export interface KeyValueState {
  keys(): readonly string[];
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

/** The index as key → value entries; only readable records (unreadable ones are never written). */
export function entriesOf(index: CredentialIndex): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  for (const k of index.subscriptionKeys) entries.set(RECORD + subscriptionKeySecretName(k.environment, k.product, k.keyType), k);
  for (const u of index.apiUsers) entries.set(RECORD + apiKeySecretName(u.environment, u.product, u.apiUser), u);
  for (const name of index.secretNames) entries.set(SECRET + name, true);
  if (index.active) entries.set(ACTIVE, index.active);
  return entries;
}

/** Reads every entry under RECORDS_PREFIX back into an index, unreadable records listed apart. */
export function indexFromEntries(entries: Iterable<readonly [string, unknown]>): CredentialIndex {
  const index = emptyIndex();
  const unreadable: UnreadableRecord[] = [];
  for (const [key, value] of entries) {
    if (key === ACTIVE) {
      const active = parseRef(value);
      if (active) index.active = active;
    } else if (key.startsWith(SECRET)) {
      if (value === true) index.secretNames.push(key.slice(SECRET.length));
    } else if (key.startsWith(RECORD) || key.startsWith(LEGACY_UNREADABLE)) {
      const ref = key.startsWith(RECORD) ? parseSecretName(key.slice(RECORD.length)) : undefined;
      const user = ref?.kind === 'apiKey' ? parseApiUserRecord(value) : undefined;
      const subscriptionKey = ref?.kind === 'subscriptionKey' ? parseSubscriptionKeyRecord(value) : undefined;
      if (user) index.apiUsers.push(user);
      else if (subscriptionKey) index.subscriptionKeys.push(subscriptionKey);
      else if (value !== undefined) unreadable.push({ stateKey: key, secretNames: possibleSecretNames(key, value) });
    }
  }
  index.subscriptionKeys.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
  if (unreadable.length > 0) index.unreadable = unreadable;
  return index;
}

/** The writes that turn `before` into `after`: changed values, and undefined for removed keys. */
export function changedEntries(before: Map<string, unknown>, after: Map<string, unknown>): Array<[string, unknown]> {
  const changes: Array<[string, unknown]> = [];
  for (const [key, value] of after) if (JSON.stringify(before.get(key)) !== JSON.stringify(value)) changes.push([key, value]);
  for (const key of before.keys()) if (!after.has(key)) changes.push([key, undefined]);
  return changes;
}

/**
 * The entries of an index kept in the first layout (one value), to be written one by one. Items
 * it cannot read keep their raw value under an `unreadable/` key of their own.
 */
export function entriesFromLegacyIndex(raw: unknown): Array<[string, unknown]> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return [];
  const value = raw as Record<string, unknown>;
  const parsed = emptyIndex();
  const kept: Array<[string, unknown]> = [];
  const items = (list: unknown) => (Array.isArray(list) ? list : []);
  items(value.subscriptionKeys).forEach((item, i) => {
    const record = parseSubscriptionKeyRecord(item);
    if (record) parsed.subscriptionKeys.push(record);
    else kept.push([`${LEGACY_UNREADABLE}subscriptionKeys/${i}`, item]);
  });
  items(value.apiUsers).forEach((item, i) => {
    const record = parseApiUserRecord(item);
    if (record) parsed.apiUsers.push(record);
    else kept.push([`${LEGACY_UNREADABLE}apiUsers/${i}`, item]);
  });
  parsed.secretNames = items(value.secretNames).filter((n): n is string => typeof n === 'string');
  const active = parseRef(value.active);
  if (active) parsed.active = active;
  return [...entriesOf(parsed), ...kept];
}

/**
 * Secrets an unreadable record may own: the one its key names, and any its readable fields
 * point at (an API user id in every environment and product it could belong to). The id may be a
 * UUID or a System Credentials User ID, so it is bounded by the longer of the two.
 */
function possibleSecretNames(key: string, value: unknown): string[] {
  const names = new Set<string>();
  if (key.startsWith(RECORD) && parseSecretName(key.slice(RECORD.length))) names.add(key.slice(RECORD.length));
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.apiUser === 'string' && v.apiUser.trim().length > 0 && v.apiUser.length <= SYSTEM_USER_ID_LENGTH.max) {
      const environments = typeof v.environment === 'string' && v.environment.length <= 64 ? [v.environment] : ENVIRONMENTS.map((e) => e.id);
      const products = isProduct(v.product) ? [v.product] : PRODUCTS;
      for (const environment of environments) for (const product of products) names.add(apiKeySecretName(environment, product, v.apiUser));
    }
  }
  return [...names];
}
