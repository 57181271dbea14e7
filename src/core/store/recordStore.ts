/**
 * The credential index over globalState, one key per record (see credentialRecords.ts). Each
 * change is turned into the writes of just the records it touched, so a writer holding an old
 * view (another window, a slow command) cannot erase records it never changed. Writes of one
 * instance are serialized; records of the first layout are moved over on the first write.
 *
 * Every write is read back and, if a late globalState echo undid it, written again
 * (confirmWrites.ts).
 */
import { confirmWrites } from './confirmWrites';
import type { CredentialIndex } from './credentialIndex';
import { changedEntries, entriesFromLegacyIndex, entriesOf, indexFromEntries, RECORDS_PREFIX, type KeyValueState } from './credentialRecords';

/** Where the first layout kept the whole index as one value. */
export const LEGACY_INDEX_KEY = 'momo.credentialIndex.v1';

export class RecordStore {
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly state: KeyValueState) {}

  index(): CredentialIndex {
    const current = this.state.keys().filter((key) => key.startsWith(RECORDS_PREFIX));
    const entries = new Map(entriesFromLegacyIndex(this.state.get(LEGACY_INDEX_KEY)));
    for (const key of current) entries.set(key, this.state.get(key));
    return indexFromEntries(entries);
  }

  /** Applies `change` to the current index and writes only the records that differ. */
  update(change: (index: CredentialIndex) => CredentialIndex): Promise<void> {
    return this.serialized(async () => {
      await this.migrate();
      const index = this.index();
      const before = entriesOf(index);
      const writes = changedEntries(before, entriesOf(change(index)));
      for (const [key, value] of writes) await this.state.update(key, value);
      await confirmWrites(this.state, writes.map(([key, value]) => ({ key, value, before: before.get(key) })));
    });
  }

  /** Deletes one unreadable record (the caller removes its secrets). */
  removeUnreadable(stateKey: string): Promise<void> {
    return this.serialized(async () => {
      await this.migrate();
      if (stateKey.startsWith(RECORDS_PREFIX)) await this.state.update(stateKey, undefined);
    });
  }

  /** Moves a first-layout index to one key per record, then deletes it. */
  private async migrate(): Promise<void> {
    const legacy = this.state.get(LEGACY_INDEX_KEY);
    if (legacy === undefined) return;
    const present = new Set(this.state.keys());
    for (const [key, value] of entriesFromLegacyIndex(legacy)) if (!present.has(key)) await this.state.update(key, value);
    await this.state.update(LEGACY_INDEX_KEY, undefined);
  }

  private serialized(work: () => Promise<void>): Promise<void> {
    const run = this.writes.then(work);
    this.writes = run.catch(() => undefined);
    return run;
  }
}
