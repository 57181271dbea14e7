/**
 * The keystroke fast path's word test (src/core/settings/incremental/fileWideWords.ts): in a
 * text that held no FILE_WIDE word, fileWideWordTouching answers exactly what the regular
 * expression answers on the edited text — for typed and deleted characters, in any case, next to
 * `-`, `_`, digits, white space and characters beyond ASCII that upper-case to ASCII letters.
 */
import * as assert from 'assert';
import { FILE_WIDE, fileWideWordTouching } from '../../../src/core/settings/incremental/fileWideWords';
import { createRandom } from './randomSettings';

const SEED = 20261202;
const EDITS = 40000;
/** Pieces texts are made of: the words' letters and pieces of them, and what borders words. */
const PIECES = [
  ...'abcdeimnoprstuvx',
  ...'ABCDEIMNOPRSTUVX',
  '-', '_', ' ', '.', '(', '"', '1', 'é', 'ſ', 'ı', 'K',
  'mo', 'MO', 'mtn', 'en', 'env', 'ENV', 'nv', 'imp', 'ort', 'dot', 'read_', 'base_', 'dir', 'ocp-', 'apim', 'x-target-', 'environment',
  'collect', 'ion', 'disburse', 'ment', 'remit', 'tance', 'apiuse', 'ericsson', 'basicapi', 'subscription', 'key', 'target', 'auto', 'config', 'decou', 'ple',
];

/** The words (the regular expression's alternatives): pieces of them are what an edit types most. */
const WORDS = FILE_WIDE.source.replace(/\\b/g, '').split('|');

interface Edit {
  text: string;
  start: number;
  deleted: number;
  typed: string;
}

describe('incremental diagnostics: FILE_WIDE words near a keystroke', () => {
  it(`answer as the regular expression after ${EDITS} random edits of texts without a FILE_WIDE word (seed ${SEED})`, () => {
    const random = createRandom(SEED);
    const piece = () => random.pick(PIECES);
    const wordPiece = () => {
      const word = random.pick(WORDS);
      const from = random.int(word.length);
      const text = word.slice(from, from + 1 + random.int(4));
      return random.chance(0.5) ? text.toUpperCase() : text;
    };
    const counts = { found: 0, none: 0 };
    const pieces = (n: number) => Array.from({ length: n }, piece).join('');
    /** Anything typed or deleted anywhere. */
    const randomEdit = (): Edit | undefined => {
      const text = pieces(2 + random.int(8));
      if (FILE_WIDE.test(text)) return undefined;
      const start = random.int(text.length + 1);
      const deleted = random.chance(0.4) ? Math.min(text.length - start, 1 + random.int(3)) : 0;
      const typed = deleted > 0 && random.chance(0.5) ? '' : random.chance(0.5) ? piece() : wordPiece();
      return { text, start, deleted, typed };
    };
    /** A word with a piece cut out or a character in it, which the edit types back or deletes. */
    const repairEdit = (): Edit | undefined => {
      const word = random.pick(WORDS);
      const before = pieces(random.int(3));
      const after = pieces(random.int(3));
      const cut = random.int(word.length + 1);
      let edit: Edit;
      if (random.chance(0.5)) {
        const length = 1 + random.int(Math.min(3, word.length - cut) || 1);
        const typed = word.slice(cut, cut + length);
        edit = { text: before + word.slice(0, cut) + word.slice(cut + length) + after, start: before.length + cut, deleted: 0, typed: random.chance(0.3) ? typed.toUpperCase() : typed };
      } else {
        edit = { text: before + word.slice(0, cut) + piece() + word.slice(cut) + after, start: before.length + cut, deleted: 0, typed: '' };
        edit.deleted = edit.text.length - before.length - word.length - after.length;
      }
      return FILE_WIDE.test(edit.text) ? undefined : edit;
    };
    while (counts.found + counts.none < EDITS) {
      const edit = random.chance(0.5) ? randomEdit() : repairEdit();
      if (!edit) continue;
      const { text, start, deleted, typed } = edit;
      const edited = text.slice(0, start) + typed + text.slice(start + deleted);
      const expected = FILE_WIDE.test(edited);
      assert.strictEqual(fileWideWordTouching(edited, start, start + typed.length), expected, JSON.stringify(edit));
      counts[expected ? 'found' : 'none']++;
    }
    // Both answers come up often: the test reaches the words.
    assert.ok(counts.found > EDITS / 10 && counts.none > EDITS / 10, JSON.stringify(counts));
  });

  it('finds a whole-word env that a space or a deletion next to it makes', () => {
    // "xenv" → "x env": the new word starts right after the typed space.
    assert.strictEqual(fileWideWordTouching('x env', 1, 2), true);
    // "envx" → "env": the word ends right where "x" was deleted.
    assert.strictEqual(fileWideWordTouching('env', 3, 3), true);
    // "getenv" stays no whole word after a letter typed before it.
    assert.strictEqual(fileWideWordTouching('zgetenv', 0, 1), false);
  });
});
