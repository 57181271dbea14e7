/** What the incremental diagnostics tests compare with: a change applied, and a full rescan. */
import { detectFindings, type Finding, type FindingOptions, type MoveFixPlanner, type SettingsDocument, type TextChange } from '../../../src/core/settings';
import type { Random } from './randomSettings';

/** The words the MTN test reads, written out apart from the code's own list: an edit near one may change the whole answer. */
export const MTN_WORDS = /momo|mtn|ocp-apim|apiuser|x-target-environment|ericssonbasicapi|subscriptionkey|targetenvironment|credential_token/i;

export function apply(text: string, change: TextChange): string {
  return text.slice(0, change.start) + change.text + text.slice(change.end);
}

/** What a full rescan answers, with or without the move fixes' planner. */
export function fullRescan(doc: SettingsDocument, options: FindingOptions, planMove: MoveFixPlanner | undefined): Finding[] {
  const findings = detectFindings(doc, options);
  return planMove ? findings : findings.map((f) => (f.code === 'momo.hardcodedSecret' ? { ...f, fixes: [] } : f));
}

/** What a typing session is made of: single keys, words spelled letter by letter, and things that are not plain. */
export interface Keyboard {
  keys: string;
  words: readonly string[];
  other: readonly string[];
  /** Out of 10 picks, how many spell a word (the rest up to 8 are keys, then backspaces, then `other`). */
  wordPicks: number;
}

/** One to three picks of a word, a key, a few backspaces or something else; half the time all undone, letter by letter. */
export function typingKeys(random: Random, keyboard: Keyboard): string[] {
  const keys: string[] = [];
  for (let n = 1 + random.int(3); n > 0; n--) {
    const what = random.int(10);
    if (what < keyboard.wordPicks) keys.push(...random.pick(keyboard.words));
    else if (what < 8) keys.push(keyboard.keys[random.int(keyboard.keys.length)]);
    else if (what === 8) keys.push(...'\b'.repeat(1 + random.int(4)));
    else keys.push(random.pick(keyboard.other));
  }
  if (random.chance(0.5)) keys.push(...'\b'.repeat(keys.length));
  return keys;
}

/** The changes of typing `keys` ('\b' deletes the character before the cursor) at `cursor`, one per key. */
export function typedChanges(cursor: number, keys: readonly string[]): TextChange[] {
  const changes: TextChange[] = [];
  for (const key of keys) {
    if (key === '\b' && cursor === 0) continue;
    changes.push(key === '\b' ? { start: cursor - 1, end: cursor, text: '' } : { start: cursor, end: cursor, text: key });
    cursor = key === '\b' ? cursor - 1 : cursor + key.length;
  }
  return changes;
}
