/**
 * VS Code keeps all of an extension's globalState keys in one value and echoes every save back
 * to the extension host, which replaces its whole copy with the echo. An echo of an older save
 * that lands after a newer change undoes that change, and the next save (of any key, by any
 * part of the extension) makes the loss permanent. The store reads its writes back and writes
 * again what was undone.
 */
import * as assert from 'assert';
import { withApiUser, type ApiUserRecord } from '../../../src/core/store/credentialIndex';
import type { KeyValueState } from '../../../src/core/store/credentialRecords';
import { RecordStore } from '../../../src/core/store/recordStore';

const USER = '0f4e8a3c-5b7d-4c1e-9a2b-3c4d5e6f7a8b';
const RECORD: ApiUserRecord = { environment: 'sandbox', product: 'collection', apiUser: USER, createdAt: '2025-01-01T00:00:00.000Z', keyStored: true, origin: 'added' };

type Values = Record<string, unknown>;
const copy = (values: Values): Values => JSON.parse(JSON.stringify(values)) as Values;

/**
 * The extension host's copy (`local`) and the workbench's (`saved`), with echoes delivered after
 * `echoDelayMs`, or, with 'byHand', only when the test calls `deliverEcho()` (oldest first).
 */
class EchoingGlobalState implements KeyValueState {
  local: Values = {};
  saved: Values = {};
  private readonly held: Values[] = [];
  constructor(private readonly echoDelayMs: number | 'byHand') {}
  deliverEcho(): void {
    const echo = this.held.shift();
    assert.ok(echo, 'no echo is on its way');
    this.local = copy(echo);
  }
  keys(): readonly string[] {
    return Object.keys(this.local).filter((key) => this.local[key] !== undefined);
  }
  get<T>(key: string): T | undefined {
    return this.local[key] === undefined ? undefined : (copy({ v: this.local[key] }).v as T);
  }
  async update(key: string, value: unknown): Promise<void> {
    this.local[key] = value === undefined ? undefined : copy({ v: value }).v;
    await new Promise((resolve) => setImmediate(resolve));
    const snapshot = copy(this.local);
    this.saved = snapshot;
    if (this.echoDelayMs === 'byHand') {
      this.held.push(snapshot);
      return;
    }
    setTimeout(() => {
      this.local = copy(snapshot);
    }, this.echoDelayMs);
  }
}

/** Another part of the extension (host approvals, walkthrough progress) saving its own keys. */
async function otherWriterAround(state: EchoingGlobalState, work: Promise<void>): Promise<void> {
  await state.update('other.first', 1); // its echo is still on the way…
  await Promise.all([
    work, // …while the store saves a record,
    (async () => {
      await new Promise((resolve) => setTimeout(resolve, 25));
      await state.update('other.second', 2); // and this save goes out between the two echoes.
    })(),
  ]);
  await new Promise((resolve) => setTimeout(resolve, 200));
}

describe('store/RecordStore: a late globalState echo never loses a record', () => {
  it('without the read-back the record is lost (the race is real in this model)', async () => {
    // The same order as otherWriterAround, step by step, so no timer on a loaded machine can change it.
    const state = new EchoingGlobalState('byHand');
    await state.update('other.first', 1); // its echo is still on the way…
    await state.update('momo.record.x', { kept: true }); // …while a record is saved without a read-back,
    state.deliverEcho(); // the older echo lands and replaces the host's copy,
    await state.update('other.second', 2); // and the next save, of any key, goes out without the record.
    assert.strictEqual(state.saved['momo.record.x'], undefined, 'the workbench lost the record');
    state.deliverEcho();
    state.deliverEcho();
    assert.strictEqual(state.get('momo.record.x'), undefined, 'the extension host lost it too, once the echoes settle');
  });

  it('the record written while echoes cross is there afterwards, in the extension host and the workbench', async () => {
    const state = new EchoingGlobalState(20);
    const store = new RecordStore(state);
    const save = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      await store.update((index) => withApiUser(index, RECORD));
    })();
    await otherWriterAround(state, save);
    assert.deepStrictEqual(store.index().apiUsers.map((u) => u.apiUser), [USER]);
    assert.ok(Object.keys(state.saved).some((key) => JSON.stringify(state.saved[key]).includes(USER)), 'the workbench has the record');
  });

  it('does not fight another window: a record changed since to a third value is left as it is', async () => {
    const state = new EchoingGlobalState(1);
    const store = new RecordStore(state);
    await store.update((index) => withApiUser(index, RECORD));
    const key = state.keys().find((k) => JSON.stringify(state.get(k)).includes(USER));
    assert.ok(key);
    const write = store.update((index) => withApiUser(index, { ...RECORD, label: 'mine' } as ApiUserRecord));
    await new Promise((resolve) => setTimeout(resolve, 10));
    await state.update(key, { ...(state.get<object>(key) ?? {}), label: 'theirs' });
    await write;
    assert.match(JSON.stringify(state.get(key)), /theirs/);
  });
});
