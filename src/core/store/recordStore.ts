/**
 * The credential index over globalState, one key per record (see credentialRecords.ts). Each
 * change is turned into the writes of just the records it touched, so a writer holding an old
 * view (another window, a slow command) cannot erase records it never changed. Writes of one
 * instance are serialized; records of the first layout are moved over on the first write.
 *
 * Every write is read back. VS Code's globalState keeps all of an extension's keys in one value:
 * the workbench echoes each saved value back to the extension host, which replaces its whole
 * copy with it, so an echo of an earlier save that arrives after a newer local change undoes
 * that change (and the next save then sends the undone copy). A record that reads back as it
 * was before the write is written again, a few times, before the write counts as failed.
 */
import type { CredentialIndex } from './credentialIndex';
import { changedEntries, entriesFromLegacyIndex, entriesOf, indexFromEntries, RECORDS_PREFIX, type KeyValueState } from './credentialRecords';

/** Where the first layout kept the whole index as one value. */
export const LEGACY_INDEX_KEY = 'momo.credentialIndex.v1';

/** Read-backs after a write; between them, pending echoes have a moment to arrive. */
const READ_BACKS = 4;
const READ_BACK_PAUSE_MS = 25;

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
      await this.readBack(writes.map(([key, value]) => ({ key, value, before: before.get(key) })));
    });
  }

  /**
   * Reads the writes back over ~100 ms (echoes arrive within a round trip or two) and writes
   * again each record that went back to its value from before the write. A record holding a
   * third value was changed since by someone else (another window): theirs is newer and stays.
   */
  private async readBack(writes: ReadonlyArray<{ key: string; value: unknown; before: unknown }>): Promise<void> {
    if (writes.length === 0) return;
    const undone = () => writes.filter((w) => !sameJson(this.state.get(w.key), w.value) && sameJson(this.state.get(w.key), w.before));
    for (let check = 0; check < READ_BACKS; check += 1) {
      await new Promise((resolve) => setTimeout(resolve, READ_BACK_PAUSE_MS));
      for (const { key, value } of undone()) await this.state.update(key, value);
    }
    await new Promise((resolve) => setTimeout(resolve, READ_BACK_PAUSE_MS));
    if (undone().length > 0) throw new Error('globalState did not keep a credential record after several writes');
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

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
