/**
 * Credentials kept safely: secret values in SecretStorage (the OS keyring on desktop), their
 * non-secret metadata in globalState as a CredentialIndex. SecretStorage cannot list its keys
 * in VS Code 1.100, so the index doubles as the list of every secret name ever written.
 *
 * Order of writes matters: metadata that lets the user recover (the API user id) is written
 * first, the secret second, so a failing keyring never loses what was just created.
 */
import * as vscode from 'vscode';
import { ENVIRONMENTS } from '../core/momo/environments';
import { PRODUCTS } from '../core/momo/products';
import {
  allSecretNames,
  emptyIndex,
  isIndexEmpty,
  withApiKeyState,
  withApiUser,
  withoutApiUser,
  withoutSubscriptionKey,
  withSubscriptionKey,
  withVerifyResult,
  type ApiUserRecord,
  type ApiUserRef,
  type CredentialIndex,
  type ProductScope,
  type VerifyResult,
} from '../core/store/credentialIndex';
import {
  apiKeySecretName,
  isMomoSecretName,
  normalizeApiUser,
  SUBSCRIPTION_KEY_TYPES,
  subscriptionKeySecretName,
  type SubscriptionKeyType,
} from '../core/store/secretNames';
import { RecordStore } from '../core/store/recordStore';
import type { MomoLog } from './log';


/** SecretStorage refused a write (typically Linux without an unlocked keyring). */
export class SecretStorageFailure extends Error {
  constructor(
    readonly secretName: string,
    readonly reason: string,
  ) {
    super(`SecretStorage could not save ${secretName}: ${reason}`);
    this.name = 'SecretStorageFailure';
  }

  /**
   * The store (dist/extension.js) and the commands that catch this (dist/features.js) are in two
   * bundles, each with its own copy of this class: `instanceof` checks the name, not the copy.
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === 'SecretStorageFailure' && 'secretName' in value;
  }
}

export class CredentialStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after any change, made here or (through SecretStorage) in another window. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private failSecretWrites = false;
  private failIndexWrites = false;
  /**
   * New API keys that could not be stored, by secret name: memory only, until the user copies or
   * discards them (MoMo cannot show a key again). Gone when the window closes.
   */
  private readonly unsavedKeys = new Map<string, { ref: ApiUserRef; apiKey: string }>();
  private readonly records: RecordStore;
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
    private readonly log: MomoLog,
  ) {
    this.records = new RecordStore(state);
    this.subscriptions.push(
      this.changed,
      secrets.onDidChange((e) => {
        if (isMomoSecretName(e.key)) {
          this.scheduleRefresh();
        }
      }),
    );
  }

  index(): CredentialIndex {
    return this.records.index();
  }

  hasCredentials(): boolean {
    return !isIndexEmpty(this.index());
  }

  /** Re-reads everything; other windows change globalState and SecretStorage behind our back. */
  refresh(): void {
    this.changed.fire();
  }

  // ---- subscription keys ----

  async setSubscriptionKey(scope: ProductScope, keyType: SubscriptionKeyType, key: string): Promise<void> {
    await this.writeSecret(subscriptionKeySecretName(scope.environment, scope.product, keyType), key);
    await this.updateIndex((i) => withSubscriptionKey(i, { ...scope, keyType, savedAt: new Date().toISOString() }));
    this.log.info(`Stored the ${keyType} subscription key for ${scope.product} in ${scope.environment}.`);
  }

  async getSubscriptionKey(scope: ProductScope, keyType: SubscriptionKeyType): Promise<string | undefined> {
    return this.readSecret(subscriptionKeySecretName(scope.environment, scope.product, keyType));
  }

  async removeSubscriptionKey(scope: ProductScope, keyType: SubscriptionKeyType): Promise<void> {
    await this.secrets.delete(subscriptionKeySecretName(scope.environment, scope.product, keyType));
    await this.updateIndex((i) => withoutSubscriptionKey(i, scope, keyType));
    this.log.info(`Removed the ${keyType} subscription key for ${scope.product} in ${scope.environment}.`);
  }

  // ---- API users ----

  /**
   * Keeps the user first, then its key. On a SecretStorage failure the user stays (with
   * keyStored false) and SecretStorageFailure is thrown so the caller can hand the key over.
   */
  async saveApiUser(record: Omit<ApiUserRecord, 'keyStored'>, apiKey?: string): Promise<void> {
    this.log.rememberSecret(apiKey);
    await this.updateIndex((i) => {
      const existing = i.apiUsers.find(
        (u) => u.apiUser === normalizeApiUser(record.apiUser) && u.environment === record.environment && u.product === record.product,
      );
      return withApiUser(i, { ...record, keyStored: existing?.keyStored === true });
    });
    this.log.info(`Kept API user ${record.apiUser} for ${record.product} in ${record.environment}.`);
    if (apiKey !== undefined) {
      await this.setApiKey(record, apiKey);
    }
  }

  /**
   * Stores a (new) API key. If that fails, any older key of this user is marked unusable and
   * deleted when possible: a new key has been created, so the old one no longer works.
   */
  async setApiKey(ref: ApiUserRef, apiKey: string): Promise<void> {
    const name = apiKeySecretName(ref.environment, ref.product, ref.apiUser);
    try {
      await this.writeSecret(name, apiKey);
    } catch (err) {
      await this.updateIndex((i) => withApiKeyState(i, ref, false));
      await Promise.resolve(this.secrets.delete(name)).catch(() => undefined);
      throw err;
    }
    await this.updateIndex((i) => withApiKeyState(i, ref, true));
    this.log.info(`Stored the API key of ${ref.apiUser} in SecretStorage.`);
  }

  async getApiKey(ref: ApiUserRef): Promise<string | undefined> {
    return this.readSecret(apiKeySecretName(ref.environment, ref.product, ref.apiUser));
  }

  async removeApiUser(ref: ApiUserRef): Promise<void> {
    this.discardUnsavedKey(ref);
    await this.secrets.delete(apiKeySecretName(ref.environment, ref.product, ref.apiUser));
    await this.updateIndex((i) => withoutApiUser(i, ref));
    this.log.info(`Removed API user ${ref.apiUser} (${ref.product}, ${ref.environment}) and its key from VS Code.`);
  }

  /** Removes a record this version cannot read, and every secret it may own. */
  async removeUnreadable(stateKey: string): Promise<boolean> {
    const record = this.index().unreadable?.find((r) => r.stateKey === stateKey);
    if (!record) return false;
    await Promise.all(record.secretNames.map((name) => this.secrets.delete(name)));
    await this.records.removeUnreadable(stateKey);
    this.changed.fire();
    this.log.info(`Removed an unreadable credential record and ${record.secretNames.length} secret name(s) it may own.`);
    return true;
  }

  /** For the verify command: remembers when a pair last worked, or why it did not. */
  async recordVerifyResult(ref: ApiUserRef, result: VerifyResult): Promise<void> {
    await this.updateIndex((i) => withVerifyResult(i, ref, result));
  }

  /**
   * Deletes every secret the index knows of, plus every subscription key name that could exist
   * (cheap, and covers a record lost to a race), then the index. Returns how many records went.
   */
  async forgetAll(): Promise<number> {
    const index = this.index();
    const possibleKeyNames = ENVIRONMENTS.flatMap((e) =>
      PRODUCTS.flatMap((p) => SUBSCRIPTION_KEY_TYPES.map((t) => subscriptionKeySecretName(e.id, p, t))),
    );
    const names = [...new Set([...allSecretNames(index), ...possibleKeyNames])];
    await Promise.all(names.map((name) => this.secrets.delete(name)));
    await this.updateIndex(() => emptyIndex());
    this.unsavedKeys.clear();
    for (const record of index.unreadable ?? []) await this.records.removeUnreadable(record.stateKey);
    const count = index.subscriptionKeys.length + index.apiUsers.length + (index.unreadable?.length ?? 0);
    this.log.info(`Forgot every MoMo credential: ${count} record(s) and their secrets.`);
    return count;
  }

  // ---- keys that could not be stored ----

  holdUnsavedKey(ref: ApiUserRef, apiKey: string): void {
    this.log.rememberSecret(apiKey);
    this.unsavedKeys.set(apiKeySecretName(ref.environment, ref.product, ref.apiUser), { ref: { ...ref }, apiKey });
    this.changed.fire();
  }

  unsavedKey(ref: ApiUserRef): string | undefined {
    return this.unsavedKeys.get(apiKeySecretName(ref.environment, ref.product, ref.apiUser))?.apiKey;
  }

  /** Every held key's user, for the tree (a user whose record could not be stored is shown too). */
  unsavedKeyRefs(): ApiUserRef[] {
    return [...this.unsavedKeys.values()].map((held) => ({ ...held.ref }));
  }

  discardUnsavedKey(ref: ApiUserRef): boolean {
    const removed = this.unsavedKeys.delete(apiKeySecretName(ref.environment, ref.product, ref.apiUser));
    if (removed) this.changed.fire();
    return removed;
  }

  // ---- for tests ----

  /** Makes every globalState write fail, as a full or broken disk would. */
  setIndexFailureForTests(fail: boolean): void {
    this.failIndexWrites = fail;
  }

  /** Makes every secret write fail like a missing Linux keyring does. */
  setSecretStorageFailureForTests(fail: boolean): void {
    this.failSecretWrites = fail;
  }

  dispose(): void {
    if (this.refreshTimer) {
      clearTimeout(this.refreshTimer);
    }
    vscode.Disposable.from(...this.subscriptions).dispose();
  }

  // ---- internals ----

  private async writeSecret(name: string, value: string): Promise<void> {
    this.log.rememberSecret(value);
    try {
      if (this.failSecretWrites) {
        throw new Error('Cannot create an item in a locked collection (injected by a test)');
      }
      await this.secrets.store(name, value);
    } catch (err) {
      const reason = this.log.redact(err instanceof Error ? err.message : String(err));
      this.log.error(`SecretStorage refused to store ${name}`, reason);
      throw new SecretStorageFailure(name, reason);
    }
  }

  private async readSecret(name: string): Promise<string | undefined> {
    const value = await this.secrets.get(name);
    this.log.rememberSecret(value);
    return value;
  }

  /** Writes only the records the change touched: another window's records are never rewritten. */
  private async updateIndex(change: (index: CredentialIndex) => CredentialIndex): Promise<void> {
    if (this.failIndexWrites) throw new Error('globalState could not be written (injected by a test)');
    await this.records.update(change);
    this.changed.fire();
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) {
      clearTimeout(this.refreshTimer);
    }
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.changed.fire();
    }, 50);
  }
}
