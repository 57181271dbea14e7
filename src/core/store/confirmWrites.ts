/**
 * VS Code keeps all of an extension's globalState keys in one value, and the workbench echoes
 * each saved value back to the extension host, which replaces its whole copy with the echo. An
 * echo of an earlier save that arrives after a newer local change undoes that change, and the
 * next save (of any key, by any part of the extension) makes the loss permanent. So writes that
 * matter are read back for a moment and written again when they went back to what they were.
 */
import type { KeyValueState } from './credentialRecords';

export interface ConfirmedWrite {
  key: string;
  value: unknown;
  /** The value before the write: an undone write reads back as this. */
  before: unknown;
}

/** Read-backs after a write; between them, pending echoes have a moment to arrive (~100 ms). */
const READ_BACKS = 4;
const READ_BACK_PAUSE_MS = 25;

/**
 * Writes again each key that went back to its value from before the write. A key holding a
 * third value was changed since by someone else (another window): theirs is newer and stays.
 * Throws if a write is still undone after the last read-back.
 */
export async function confirmWrites(state: KeyValueState, writes: readonly ConfirmedWrite[]): Promise<void> {
  if (writes.length === 0) return;
  const undone = () => writes.filter((w) => !sameJson(state.get(w.key), w.value) && sameJson(state.get(w.key), w.before));
  for (let check = 0; check < READ_BACKS; check += 1) {
    await pause();
    for (const { key, value } of undone()) await state.update(key, value);
  }
  await pause();
  if (undone().length > 0) throw new Error("VS Code's extension storage (globalState) did not keep a change after several writes; run the command again.");
}

function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, READ_BACK_PAUSE_MS));
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
