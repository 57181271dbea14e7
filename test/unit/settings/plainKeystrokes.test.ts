/**
 * The keystroke fast path (src/core/settings/incremental/plainEdit.ts): typing and deleting
 * letters, digits, `_` and spaces one at a time, as people do, in every kind of Python line —
 * next to quotes, `\`, string prefixes, in indentation, comments, names, calls and values, and
 * spelling out the words the whole file depends on (import, momo, getenv, environ, env, from…).
 * After every keystroke the answer equals a full rescan's; the fast path runs where nothing
 * file-wide can change and not where something can.
 */
import * as assert from 'assert';
import { detectFindings, detectFindingsIncrementally, type FindingsState, type FindingsUpdate, type TextChange } from '../../../src/core/settings';
import { apply, typedChanges, typingKeys } from './incrementalChecks';
import { createRandom, randomPython, type Random } from './randomSettings';

const SEED = 20261201;
const FILES = 60;
const SESSIONS_PER_FILE = 12;

/** Lines that put quotes, prefixes, `\`, brackets, dots, comments and indentation near where people type. */
function trickyLines(random: Random, count: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    switch (random.int(12)) {
      case 0:
        lines.push(`RAW_${i} = r"C:\\path\\dir" + b'bytes' + f"{RAW_${i - 1} if False else 0}x"`);
        break;
      case 1:
        lines.push(`ESCAPED_${i} = "say \\"hi\\" now" + 'it\\'s'`);
        break;
      case 2:
        lines.push(`SUM_${i} = 1 + \\`, `    2 + value_${i}`);
        break;
      case 3:
        lines.push(`if SUM_${i - 1 < 0 ? 0 : i - 1} if False else True:`, `    NESTED_${i} = "in a block"`, `    OTHER_${i} = [1, 2]`);
        break;
      case 4:
        lines.push(`CALL_${i} = dict(name="call", size=${i})  # comment ${i}`);
        break;
      case 5:
        lines.push(`LIST_${i} = [`, `    "first item",  # a note`, `    'second item',`, `]`);
        break;
      case 6:
        lines.push(`TEXT_${i} = """several`, `words over lines"""`);
        break;
      case 7:
        lines.push(`fromage_${i} = "cheese"; imported_${i} = 1`);
        break;
      case 8:
        lines.push(`ENVY_${i} = "mo mo" if "en v" else "geten v"`);
        break;
      case 9:
        lines.push(`# plain comment ${i}`);
        break;
      case 10:
        lines.push(`READ_${i} = os.environ.get("READ_${i}", "dflt")`);
        break;
      default:
        lines.push(`PLAIN_${i} = "lorem ipsum dolor"`);
    }
  }
  return lines;
}

/** Lines whose value takes letters no file-wide word has: typing them there must take the fast path. */
function quietLines(): string[] {
  return Array.from({ length: QUIET_LINES }, (_, i) => `QUIET_${i} = "lorem ipsum dolor sit"`);
}
const QUIET_LINES = 3;
const QUIET_KEYS = 'hjqwz0123456789';

const KEYS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_    ';
/** Words whose spelling, one letter after the other, passes through the file-wide ones. */
const WORDS = ['import', 'momo', 'mtn', 'getenv', 'environ', 'env', 'Env', 'from', 'dotenv', 'read_env', 'os', 'config', 'AutoConfig', 'apiuser', 'BASE_DIR', 'collection', 'x', 'decouple'];
/** Now and then something that is not plain, so that the fast path meets state the region path left. */
const OTHER = ['"', "'", '.', '(', ')', '\\', '\n', '#', ';', '\r\n'];

interface Keystroke {
  change: TextChange;
  /** A letter no file-wide word has, typed strictly inside a quiet line's value. */
  quiet: boolean;
}

/**
 * One typing session: a cursor somewhere before the quiet lines, then keys typed, words spelled
 * and backspaces; or quiet letters inside a quiet line's value (never next to its quotes).
 */
function session(random: Random, text: string): Keystroke[] {
  const quietStart = text.indexOf('QUIET_0 = "');
  const quiet = random.chance(0.25);
  const cursor = quiet ? text.indexOf('"', text.indexOf(`QUIET_${random.int(QUIET_LINES)} = "`)) + 2 + random.int(18) : random.int(quietStart);
  const keys: string[] = [];
  if (quiet) {
    for (let n = 1 + random.int(6); n > 0; n--) keys.push(QUIET_KEYS[random.int(QUIET_KEYS.length)]);
  } else {
    keys.push(...typingKeys(random, { keys: KEYS, words: WORDS, other: OTHER, wordPicks: 4 }));
  }
  return typedChanges(cursor, keys).map((change) => ({ change, quiet }));
}

describe('incremental diagnostics: the plain keystroke fast path', function () {
  this.timeout(120000);

  it(`equal a full rescan after every keystroke of ${FILES} files × ${SESSIONS_PER_FILE} typing sessions, and run where expected (seed ${SEED})`, () => {
    const random = createRandom(SEED);
    const paths = { plainEdit: 0, other: 0, quiet: 0 };
    for (let n = 0; n < FILES; n++) {
      const base = randomPython(random);
      const eol = base.text.includes('\r\n') ? '\r\n' : '\n';
      const lines = [...trickyLines(random, 20 + random.int(40)), ...quietLines()];
      let text = base.text + (base.text.endsWith(eol) || base.text === '' ? '' : eol) + lines.join(eol) + eol;
      const fileName = base.fileName;
      let state: FindingsState = detectFindingsIncrementally(undefined, { text, fileName }, []).state;
      for (let s = 0; s < SESSIONS_PER_FILE; s++) {
        for (const { change, quiet } of session(random, text)) {
          const before = state;
          text = apply(text, change);
          const update: FindingsUpdate = detectFindingsIncrementally(state, { text, fileName }, [change]);
          const label = `file #${n}, session #${s}: ${JSON.stringify(change)}`;
          assert.deepStrictEqual(update.findings, withoutMoveFixes(detectFindings({ text, fileName })), label);
          if (update.region === 'plainEdit') paths.plainEdit++;
          else paths.other++;
          // The oracle: where nothing can change, the fast path runs (in an MTN file that parses).
          if (quiet && before.mtn && before.python) {
            assert.strictEqual(update.region, 'plainEdit', label);
            paths.quiet++;
          }
          state = update.state;
        }
      }
    }
    const counts = JSON.stringify(paths);
    assert.ok(paths.plainEdit > 1500, counts);
    assert.ok(paths.other > 1500, counts);
    assert.ok(paths.quiet > 100, counts);
  });

  const head = 'import os\n\nFIRST_SETTING = [12345]\n\nMOMO_API_USER = "your-api-user"\nMOMO_API_KEY = os.environ.get("MOMO_API_KEY", "")\n\n';
  const body = [
    'VALUE = "some text"',
    'NAMED = os.environ.get("NAMED", "default")',
    'RAW_STRING = r"raw"',
    'ESCAPED = "a\\\\b"',
    'TOTAL = 1 + \\',
    '    2',
    '# a comment',
    'if TOTAL:',
    '    INNER = "deep"',
    'fromage = 1',
    'CHEESE = "mo"',
    'CALL = dict(size=1)',
    'LONGER_NAME = 1',
    'LAST = 1',
  ].join('\n');
  const text = `${head}${body}\n`;
  const fileName = 'settings.py';
  /** Where `marker` ends, plus `shift`. */
  const after = (marker: string, shift = 0) => text.indexOf(marker) + marker.length + shift;
  const cases: [string, TextChange, 'plainEdit' | 'statements' | 'file'][] = [
    ['a letter inside a value', { start: after('"some'), end: after('"some'), text: 'x' }, 'plainEdit'],
    ['a space inside a value', { start: after('"some'), end: after('"some'), text: ' ' }, 'plainEdit'],
    ['a deleted letter inside a value', { start: after('"some', -1), end: after('"some'), text: '' }, 'plainEdit'],
    ['a letter inside a name', { start: after('LONGER_NA'), end: after('LONGER_NA'), text: 'X' }, 'plainEdit'],
    ['a letter in the first word of a statement (it may become an import)', { start: after('VAL'), end: after('VAL'), text: 'X' }, 'statements'],
    ['a digit inside a value read with os.environ.get', { start: after('"def'), end: after('"def'), text: '7' }, 'plainEdit'],
    ['a letter inside an indented statement', { start: after('INNER = "de'), end: after('INNER = "de'), text: 'e' }, 'plainEdit'],
    ['a letter between a string prefix and its quote', { start: after('RAW_STRING = r'), end: after('RAW_STRING = r'), text: 'b' }, 'plainEdit'],
    ['a letter before a string prefix', { start: after('RAW_STRING = '), end: after('RAW_STRING = '), text: 'u' }, 'plainEdit'],
    ['a letter right after an opening quote', { start: after('VALUE = "'), end: after('VALUE = "'), text: 'x' }, 'statements'],
    ['a letter right before a closing quote', { start: after('"some text'), end: after('"some text'), text: 'x' }, 'plainEdit'],
    ['a letter after a backslash', { start: after('"a\\'), end: after('"a\\'), text: 'n' }, 'statements'],
    ['a space after a line continuation', { start: after('1 + \\', -1), end: after('1 + \\', -1), text: ' ' }, 'plainEdit'],
    ['a letter inside os.environ.get', { start: after('NAMED = os.envi'), end: after('NAMED = os.envi'), text: 'x' }, 'statements'],
    ['a letter in a name before "("', { start: after('CALL = dic'), end: after('CALL = dic'), text: 'x' }, 'statements'],
    ['a letter in a comment', { start: after('# a com'), end: after('# a com'), text: 'x' }, 'statements'],
    ['a space in the indentation', { start: after('TOTAL:\n'), end: after('TOTAL:\n'), text: ' ' }, 'statements'],
    ['a letter after the statement', { start: after('"some text"'), end: after('"some text"'), text: 'x' }, 'statements'],
    ['a letter that spells momo', { start: after('"mo'), end: after('"mo'), text: 'mo' }, 'file'],
    ['a letter that spells import', { start: after('"some'), end: after('"some'), text: ' import' }, 'file'],
    ['a deletion that makes "from" start a statement', { start: after('from'), end: after('fromage'), text: '' }, 'file'],
    ['a digit in the head (the first assignment)', { start: after('1234'), end: after('1234'), text: '9' }, 'file'],
  ];
  for (const [what, change, expected] of cases) {
    it(`${what}: ${expected === 'file' ? 'scans the file' : expected === 'plainEdit' ? 'takes the fast path' : 're-lexes the statements'}`, () => {
      const first = detectFindingsIncrementally(undefined, { text, fileName }, []);
      const edited = apply(text, change);
      const update = detectFindingsIncrementally(first.state, { text: edited, fileName }, [change]);
      assert.strictEqual(update.scanned === 'file' ? 'file' : update.region, expected);
      assert.deepStrictEqual(update.findings, withoutMoveFixes(detectFindings({ text: edited, fileName })));
    });
  }

  /** Keystrokes one after another from a first full scan; each update's path and findings, the findings checked against a full scan. */
  function typeAll(start: string, changes: TextChange[]): { region: string | undefined; findings: FindingsUpdate['findings'] }[] {
    let current = start;
    let state = detectFindingsIncrementally(undefined, { text: current, fileName }, []).state;
    return changes.map((change) => {
      current = apply(current, change);
      const update = detectFindingsIncrementally(state, { text: current, fileName }, [change]);
      assert.deepStrictEqual(update.findings, withoutMoveFixes(detectFindings({ text: current, fileName })), JSON.stringify(change));
      state = update.state;
      return { region: update.scanned === 'file' ? 'file' : update.region, findings: update.findings };
    });
  }
  /** Typing `word` at `at` one letter after the other, then deleting `deleted` of its letters. */
  function typing(at: number, word: string, deleted: number): TextChange[] {
    const typed: TextChange[] = [...word].map((key, i) => ({ start: at + i, end: at + i, text: key }));
    for (let i = 0; i < deleted; i++) typed.push({ start: at + word.length - i - 1, end: at + word.length - i, text: '' });
    return typed;
  }

  const secret = 'MOMO_API_KEY = "5b2e8d4a9c1f47e3b6d0a8c2e4f61937"';
  const momoLater = `import os\n\nFIRST_SETTING = [12345]\n\nVALUE = "some text"\nOTHER = 1\n${secret}\nMOMO_API_USER = "your-api-user"\n`;
  const momoSameLine = `import os\n\nFIRST_SETTING = [12345]\n\nVALUE = "some text"; ${secret}\nMOMO_API_USER = "your-api-user"\n`;
  for (const [what, start] of [
    ['on later lines', momoLater],
    ['on the same line, after a `;`', momoSameLine],
  ]) {
    it(`moves the findings after a typed word ${what} without re-lexing`, () => {
      const at = start.indexOf('"some') + 3;
      const before = detectFindings({ text: start, fileName });
      assert.ok(before.some((f) => f.startOffset > at) && before.some((f) => f.fixes.some((fix) => fix.edits.some((e) => e.startOffset > at))), 'findings and fix edits after the edit');
      const steps = typeAll(start, typing(at, 'qwz', 2));
      assert.deepStrictEqual(
        steps.map((s) => s.region),
        steps.map(() => 'plainEdit'),
      );
      // Moved by one character in all (three typed, two deleted), on the edited line or after it.
      const offsets = (findings: typeof before) => findings.map((f) => f.startOffset);
      assert.deepStrictEqual(offsets(steps[steps.length - 1].findings), offsets(before).map((o) => (o > at ? o + 1 : o)));
    });
  }

  it('walks the run around a keystroke again when it reaches past its statement, whose neighbour may change', () => {
    // "abc" runs on into the next line ("abc\nOTHER "): the run is not remembered for the next keystroke.
    const start = `import os\n\nFIRST_SETTING = [12345]\n\nWORDS = abc\nOTHER + 2\n\n${secret}\n`;
    const at = start.indexOf('abc') + 2;
    const plus = start.indexOf(' + 2');
    const steps = typeAll(start, [
      { start: at, end: at, text: 'x' },
      // The next line is now a call: a read may reach into the run through its bracket.
      { start: plus + 1, end: plus + 4, text: '(2)' },
      { start: at + 1, end: at + 1, text: 'y' },
    ]);
    assert.deepStrictEqual(
      steps.map((s) => s.region),
      ['plainEdit', 'statements', 'statements'],
    );
  });

  it('walks the run again for a keystroke outside the one it remembers, even right next to it', () => {
    // The run around "baz" is " baz " between "+" and "*"; right before the "+" the run is "bar " after a dot.
    const start = `import os\n\nFIRST_SETTING = [12345]\n\nNAME = foo.bar + baz * 2\n\n${secret}\n`;
    const at = start.indexOf('baz') + 1;
    const plus = start.indexOf('+ baz');
    const steps = typeAll(start, [
      { start: at, end: at, text: 'x' },
      { start: at + 1, end: at + 1, text: 'x' },
      { start: plus, end: plus, text: 'y' },
    ]);
    assert.deepStrictEqual(
      steps.map((s) => s.region),
      ['plainEdit', 'plainEdit', 'statements'],
    );
  });

  it('scans the file for a letter typed into its head: between a docstring\'s prefix and its quotes, the docstring is gone', () => {
    const docstringFirst = 'r"""Settings."""\nMOMO_API_USER = os.environ.get("MOMO_API_USER", "")\nOTHER = 1\n';
    const first = detectFindingsIncrementally(undefined, { text: docstringFirst, fileName }, []);
    const change = { start: 1, end: 1, text: 'x' };
    const edited = apply(docstringFirst, change);
    const update = detectFindingsIncrementally(first.state, { text: edited, fileName }, [change]);
    assert.strictEqual(update.scanned, 'file');
    // The .env loader goes after a docstring, and before other code.
    assert.notDeepStrictEqual(update.findings, first.findings);
    assert.deepStrictEqual(update.findings, withoutMoveFixes(detectFindings({ text: edited, fileName })));
  });
});

/** The editor's diagnostics: detectFindings without the committed secrets' move fixes. */
function withoutMoveFixes(findings: ReturnType<typeof detectFindings>) {
  return findings.map((f) => (f.code === 'momo.hardcodedSecret' ? { ...f, fixes: [] } : f));
}
