/**
 * Words that make a region matter to the whole file: MoMo and MTN names and markers (the MTN
 * test, the MoMo variables), imports and .env loaders, django-environ / decouple bindings. A
 * region update (pythonRegion.ts) scans the file when its text holds one; a plain edit
 * (plainEdit.ts) asks only whether the edit made one, comparing character codes.
 */

/** Found anywhere, in any case ("MOMO_API_KEY", "import", "load_dotenv"). */
const WORDS = [
  'momo', 'mtn', 'collection', 'disbursement', 'remittance', 'ocp-apim', 'apiuser', 'x-target-environment', 'ericssonbasicapi',
  'subscriptionkey', 'targetenvironment', 'import', 'dotenv', 'read_env', 'autoconfig', 'decouple', 'base_dir',
] as const;
/** Found as a whole word only (`env = environ.Env()`, `Env(`), in any case. */
const WHOLE_WORD = 'env';

export const FILE_WIDE = new RegExp(`${WORDS.join('|')}|\\b${WHOLE_WORD}\\b`, 'i');

const LONGEST = Math.max(...WORDS.map((w) => w.length));
/** Each word as lower-case character codes, by its first one (all are ASCII letters, `-` and `_`). */
const BY_FIRST: number[][][] = Array.from({ length: 128 }, () => []);
const codes = (word: string) => Array.from(word, (c) => c.charCodeAt(0));
for (const word of WORDS) BY_FIRST[word.charCodeAt(0)].push(codes(word));
const WHOLE_WORD_CODES = codes(WHOLE_WORD);
BY_FIRST[WHOLE_WORD.charCodeAt(0)].push(WHOLE_WORD_CODES);

/** Each ASCII character's place in the words' alphabet: letters 1–26 in any case, `-` 27, `_` 28; 0 for any other. */
const LETTERS = 29;
const LETTER = Uint8Array.from({ length: 128 }, (_, c) => ((c | 32) >= 97 && (c | 32) <= 122 ? (c | 32) - 96 : c === 45 ? 27 : c === 95 ? 28 : 0));
function letterAt(text: string, at: number): number {
  const c = text.charCodeAt(at);
  return c < 128 ? LETTER[c] : 0;
}
/** Every three characters in a row of a word (all words have three or more), by their letters. */
const TRIGRAMS = new Uint8Array(LETTERS * LETTERS * LETTERS);
for (const word of [...WORDS, WHOLE_WORD]) {
  for (let i = 0; i + 3 <= word.length; i++) TRIGRAMS[(letterAt(word, i) * LETTERS + letterAt(word, i + 1)) * LETTERS + letterAt(word, i + 2)] = 1;
}

/**
 * Whether `text` has a FILE_WIDE match touching `start`..`end` (the new text of an edit): one
 * that contains an edited character, spans the edit, or ends or starts right at it (a `\b`
 * the edit changed). In a text whose old version had no match near the edit, every new match is
 * one of these.
 *
 * Mostly answered from three characters at a time: a match that contains a typed character (or
 * spans a deletion) has three characters in a row of its word around that character; when no
 * such three are a word's, only a whole-word `env` right before or after the edit can match.
 */
export function fileWideWordTouching(text: string, start: number, end: number): boolean {
  const first = Math.max(start - 2, 0);
  const last = Math.max(end - 1, start - 1);
  let a = letterAt(text, first);
  let b = letterAt(text, first + 1);
  for (let at = first; at <= last; at++) {
    const c = letterAt(text, at + 2);
    if (TRIGRAMS[(a * LETTERS + b) * LETTERS + c] === 1) return fileWideWordNear(text, start, end);
    a = b;
    b = c;
  }
  return wholeWordAt(text, start - WHOLE_WORD_CODES.length) || wholeWordAt(text, end);
}

function wholeWordAt(text: string, at: number): boolean {
  return at >= 0 && matchesAt(text, at, WHOLE_WORD_CODES) && isWholeWord(text, at);
}

/** fileWideWordTouching by comparing every word that could start before the edit or in it. A match is letters, `_` and `-`: it starts in the run of those before `start`. */
function fileWideWordNear(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && from > start - LONGEST && isWordOrDash(text.charCodeAt(from - 1))) from--;
  const last = Math.min(end, text.length - 1);
  for (let at = from; at <= last; at++) {
    const c = text.charCodeAt(at) | 32;
    if (c >= 128) continue;
    const candidates = BY_FIRST[c];
    for (let k = 0; k < candidates.length; k++) {
      const word = candidates[k];
      if (at + word.length >= start && matchesAt(text, at, word) && (word !== WHOLE_WORD_CODES || isWholeWord(text, at))) return true;
    }
  }
  return false;
}

/**
 * `word` (lower-case codes) at `at`, in any case, as FILE_WIDE's `i` reads it (it folds no
 * character beyond ASCII to ASCII). `c | 32` is `w` for a letter `w` only when `c` is `w` or its
 * capital; `-` and `_` are compared as they are.
 */
function matchesAt(text: string, at: number, word: number[]): boolean {
  if (at + word.length > text.length) return false;
  for (let i = 0; i < word.length; i++) {
    const c = text.charCodeAt(at + i);
    const w = word[i];
    if (c !== w && (w < 97 || (c | 32) !== w)) return false;
  }
  return true;
}

function isWholeWord(text: string, at: number): boolean {
  return !isWordCode(text.charCodeAt(at - 1)) && !isWordCode(text.charCodeAt(at + WHOLE_WORD_CODES.length));
}

/** `\w`: ASCII letters, digits and `_`. */
export function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

function isWordOrDash(c: number): boolean {
  return isWordCode(c) || c === 45;
}
