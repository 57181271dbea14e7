/**
 * The .env keystroke fast path (src/core/settings/incremental/dotenvPlainEdit.ts): typing and
 * deleting one key at a time, as people do, on every kind of .env line — next to quotes, `\`,
 * `#`, `=`, `:`, `export`, in names, comments, MoMo entries and multi-line values, and spelling
 * out the MTN test's words. After every keystroke the answer equals a full rescan's, and the
 * fast path runs exactly where a full scan shows that nothing but the edited line's end moved.
 */
import * as assert from 'assert';
import { detectFindings, detectFindingsIncrementally, planMoveFix, type FindingsState, type FindingsUpdate, type TextChange } from '../../../src/core/settings';
import { scanDotenv } from '../../../src/core/settings/dotenv/scan';
import { apply, fullRescan, MTN_WORDS, typedChanges, typingKeys } from './incrementalChecks';
import { createRandom, randomDotenv, type Random } from './randomSettings';

const SEED = 20261202;
const FILES = 50;
const SESSIONS_PER_FILE = 14;

/** Lines that put quotes, `\`, `#`, `=`, `:`, `export` and multi-line values near where people type. */
function trickyLines(random: Random, count: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    switch (random.int(11)) {
      case 0:
        lines.push(`ESCAPED_${i}="say \\"hi\\" now"`);
        break;
      case 1:
        lines.push(`export EXPORTED_${i}=value${i}`);
        break;
      case 2:
        lines.push(`URL_${i}=https://example.com/${i} # note ${i}`);
        break;
      case 3:
        lines.push(`HASH_${i}=a#b c #d`);
        break;
      case 4:
        lines.push(`COLON_${i}: colon value`);
        break;
      case 5:
        lines.push(`CERT_${i}="-----BEGIN-----`, `abc ${i}`, '-----END-----"');
        break;
      case 6:
        lines.push(`# comment ${i} with words`);
        break;
      case 7:
        lines.push(`SINGLE_${i}='it is' # and "more"`);
        break;
      case 8:
        lines.push(`SPACED_${i} =  spaced  value  `);
        break;
      case 9:
        lines.push(`COLLECTION_API_KEY=${random.hex(32)}`);
        break;
      default:
        lines.push(`PLAIN_${i}=lorem ipsum dolor`);
    }
  }
  return lines;
}

const KEYS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_    ';
/** Words whose spelling, one letter after the other, passes through the MTN test's or makes a MoMo name. */
const WORDS = ['momo', 'MOMO_', 'mtn', 'apiuser', 'API_KEY', 'export ', 'ocp', 'subscriptionkey', 'credential_token', 'lorem', 'x'];
/** Now and then something that is not plain. */
const OTHER = ['"', "'", '`', '\\', '#', ' #', '=', ':', '-', '\n', '\r\n', '\t'];

/** One typing session at a random place: keys, words and backspaces, often undone letter by letter. */
function session(random: Random, text: string): TextChange[] {
  const cursor = random.int(text.length + 1);
  return typedChanges(cursor, typingKeys(random, { keys: KEYS, words: WORDS, other: OTHER, wordPicks: 3 }));
}

/**
 * The oracle, from full scans: letters, digits, `_` or spaces typed or deleted after the first
 * character of the value of a one-line entry (not on the first line, no `\` before the edit)
 * whose name is not MoMo's, on a line with no MTN word before or after.
 */
function quietKeystroke(oldText: string, newText: string, change: TextChange): boolean {
  const plain = /^[A-Za-z0-9_ ]*$/;
  if (!plain.test(change.text) || !plain.test(oldText.slice(change.start, change.end)) || oldText[change.start - 1] === '\\') return false;
  const scan = scanDotenv(oldText);
  const line = scan.index.lineAt(change.start);
  const end = scan.index.contentEnds[line];
  const entry = scan.entries.find((e) => e.startLine === line);
  if (line === 0 || !entry || entry.endLine !== line || entry.info.isMomo || change.start <= entry.valueStart || change.end > end) return false;
  const newEnd = end + change.text.length - (change.end - change.start);
  return !MTN_WORDS.test(oldText.slice(scan.index.lineStarts[line], end)) && !MTN_WORDS.test(newText.slice(scan.index.lineStarts[line], newEnd));
}

describe('incremental .env diagnostics: the plain keystroke fast path', function () {
  this.timeout(120000);

  it(`equal a full rescan after every keystroke of ${FILES} files × ${SESSIONS_PER_FILE} typing sessions, fast exactly where nothing else can change (seed ${SEED})`, () => {
    const random = createRandom(SEED);
    const paths = { plainEdit: 0, other: 0 };
    for (let n = 0; n < FILES; n++) {
      const base = randomDotenv(random);
      const eol = base.text.includes('\r\n') ? '\r\n' : '\n';
      const lines = ['MOMO_API_USER=your-api-user', 'MOMO_SUBSCRIPTION_KEY=604eefeda5a9f82c1d33fcb6eb24206f', ...trickyLines(random, 20 + random.int(30))];
      let text = base.text + (base.text.endsWith(eol) || base.text === '' ? '' : eol) + lines.join(eol) + eol;
      const fileName = base.fileName;
      const planMove = n % 2 === 0 ? planMoveFix : undefined;
      let state: FindingsState = detectFindingsIncrementally(undefined, { text, fileName }, [], {}, planMove).state;
      for (let s = 0; s < SESSIONS_PER_FILE; s++) {
        for (const change of session(random, text)) {
          const before = state;
          const oldText = text;
          text = apply(text, change);
          const update: FindingsUpdate = detectFindingsIncrementally(state, { text, fileName }, [change], {}, planMove);
          const label = `file #${n}, session #${s}: ${JSON.stringify(change)}`;
          assert.deepStrictEqual(update.findings, fullRescan({ text, fileName }, {}, planMove), label);
          const expected = before.mtn && before.dotenv !== undefined && quietKeystroke(oldText, text, change);
          assert.strictEqual(update.region === 'plainEdit', expected, label);
          paths[expected ? 'plainEdit' : 'other']++;
          state = update.state;
        }
      }
    }
    const counts = JSON.stringify(paths);
    assert.ok(paths.plainEdit > 1000, counts);
    assert.ok(paths.other > 1000, counts);
  });

  const text = [
    'MOMO_API_USER=your-api-user',
    'MOMO_SUBSCRIPTION_KEY=604eefeda5a9f82c1d33fcb6eb24206f',
    'PLAIN=lorem ipsum',
    'QUOTED="some text" # a note',
    'SINGLE=\'single\'',
    'ESCAPED="a\\"b"',
    'HASH=a#b',
    'SPACED = spaced',
    'export EXPORTED=value',
    'COLON: colon',
    '# a comment line',
    'CERT="first',
    'second"',
    'COLLECTION_API_KEY=f1db798c98df4bcf83b538175893bbf0',
    'WORD=mo',
    'LAST=1',
    '',
  ].join('\n');
  const fileName = '.env';
  /** Where `marker` ends, plus `shift`. */
  const after = (marker: string, shift = 0) => text.indexOf(marker) + marker.length + shift;
  const typed = (at: number, key: string): TextChange => ({ start: at, end: at, text: key });
  const cases: [string, TextChange, 'plainEdit' | 'region' | 'file'][] = [
    ['a letter inside a bare value', typed(after('PLAIN=lor'), 'x'), 'plainEdit'],
    ['a space inside a bare value', typed(after('PLAIN=lor'), ' '), 'plainEdit'],
    ['a deleted letter inside a bare value', { start: after('PLAIN=lor', -1), end: after('PLAIN=lor'), text: '' }, 'plainEdit'],
    ['a letter at the end of a line', typed(after('PLAIN=lorem ipsum'), 's'), 'plainEdit'],
    ['a letter right after an opening quote', typed(after('QUOTED="'), 'x'), 'plainEdit'],
    ['a letter right before a closing quote', typed(after('QUOTED="some text'), 'x'), 'plainEdit'],
    ['a letter right after a closing quote', typed(after('QUOTED="some text"'), 'x'), 'plainEdit'],
    ['a letter in a trailing comment', typed(after('# a no'), 'x'), 'plainEdit'],
    ['a space before a `#` (it now starts a comment)', typed(after('HASH=a'), ' '), 'plainEdit'],
    ['a letter inside a single-quoted value', typed(after("SINGLE='si"), 'x'), 'plainEdit'],
    ['a letter inside a `NAME: value` entry', typed(after('COLON: co'), 'x'), 'plainEdit'],
    ['a letter inside an exported value', typed(after('EXPORTED=va'), 'x'), 'plainEdit'],
    ['a letter before a value’s first character (the opening quote)', typed(after('QUOTED='), 'x'), 'region'],
    ['a letter before the value, after `= `', typed(after('SPACED = '), 'x'), 'region'],
    ['a space after `=`', typed(after('PLAIN='), ' '), 'region'],
    ['a letter right after a backslash', typed(after('ESCAPED="a\\'), 'x'), 'region'],
    ['a letter in a name', typed(after('PLA'), 'X'), 'region'],
    ['a letter in `export`', typed(after('expo'), 'x'), 'region'],
    ['a letter in a comment line', typed(after('# a com'), 'x'), 'region'],
    ['a letter inside a multi-line value', typed(after('CERT="fir'), 'x'), 'region'],
    ['a letter on the line a multi-line value ends on', typed(after('seco'), 'x'), 'region'],
    ['a letter in a MoMo entry without an MTN word', typed(after('COLLECTION_API_KEY=f1'), 'a'), 'file'],
    ['a letter in a MoMo entry', typed(after('MOMO_SUBSCRIPTION_KEY=60'), 'a'), 'file'],
    ['letters that spell momo', typed(after('WORD=mo'), 'mo'), 'file'],
    ['a letter on the first line', typed(after('MOMO_API_USER=your'), 'x'), 'file'],
  ];
  for (const [what, change, expected] of cases) {
    it(`${what}: ${expected === 'file' ? 'scans the file' : expected === 'plainEdit' ? 'takes the fast path' : 're-scans its region'}`, () => {
      const first = detectFindingsIncrementally(undefined, { text, fileName }, []);
      assert.strictEqual(first.state.mtn, true);
      const edited = apply(text, change);
      const update = detectFindingsIncrementally(first.state, { text: edited, fileName }, [change]);
      assert.strictEqual(update.scanned === 'file' ? 'file' : (update.region ?? 'region'), expected);
      assert.deepStrictEqual(update.findings, fullRescan({ text: edited, fileName }, {}, undefined));
    });
  }

  it('typing on after a region update and on another line: each line is checked before the fast path trusts it', () => {
    let edited = text;
    let state = detectFindingsIncrementally(undefined, { text: edited, fileName }, []).state;
    const steps: [TextChange, 'plainEdit' | 'region' | 'file'][] = [
      [typed(after('PLAIN=lor'), 'x'), 'plainEdit'],
      [typed(after('PLAIN=lor') + 1, 'y'), 'plainEdit'],
      [typed(after('PLAIN=lor') + 2, '\n'), 'region'],
      // The line was cut: its first part is checked again, its second part holds no entry.
      [typed(after('PLAIN=lor') + 2, 'v'), 'plainEdit'],
      [typed(after('PLAIN=lor') + 4, 'w'), 'region'],
      [typed(after('PLAIN=lor') + 3, 'u'), 'plainEdit'],
    ];
    for (const [change, expected] of steps) {
      edited = apply(edited, change);
      const update = detectFindingsIncrementally(state, { text: edited, fileName }, [change]);
      assert.strictEqual(update.scanned === 'file' ? 'file' : (update.region ?? 'region'), expected, JSON.stringify(change));
      assert.deepStrictEqual(update.findings, detectFindings({ text: edited, fileName }));
      state = update.state;
    }
  });
});
