/**
 * Incremental diagnostics: after any sequence of random edits (typing, deleting, line breaks,
 * quotes, brackets, continuations, MoMo names, imports), detectFindingsIncrementally returns
 * exactly what detectFindings returns on the whole new text, and the region path is taken for
 * edits away from what the whole file depends on. Without a move planner (the editor's
 * diagnostics) the answer is the same findings without the committed secrets' move fixes.
 */
import * as assert from 'assert';
import {
  detectFindings,
  detectFindingsIncrementally,
  isMtnAfterChanges,
  mtnEvidence,
  planMoveFix,
  type FindingOptions,
  type FindingsState,
  type TextChange,
} from '../../../src/core/settings';
import { changedSpan } from '../../../src/core/settings/incremental/textChange';
import { scanPython } from '../../../src/core/settings/python/scan';
import { apply, fullRescan } from './incrementalChecks';
import { createRandom, randomDotenv, randomJson, randomPython, type Random } from './randomSettings';

const SEED = 20261130;
const FILES = 70;
const EDITS_PER_FILE = 30;

/** Typing that keeps the file parseable (mostly: a deletion may still cut a string). */
const BALANCED = [
  'a', 'x', '1', ' ', '\n', '\r\n', '#', '=', ':', '    ', '\t', '"q"', "'q'", '()', '[1]', '{}', 'X = 1\n', 'Y = "v"\n', "Z = 'w'\n",
  'os.environ.get("X", "y")', 'os.getenv("Y")', 'os.environ["Z"]', 'DICT = {\n}\n', 'S = """\nq\n"""\n', 'T = 1 + \\\n  2\n',
  'MOMO_API_KEY = "5b2e8d4a9c1f47e3b6d0a8c2e4f61937"\n', 'momo', 'MTN', 'import os\n', 'env("Z")', 'BASE_DIR = 1\n', 'COLLECTION_USER_ID = ""\n', 'apiuser',
];
/** Everything, unbalanced quotes, brackets and continuations included. */
const ANY = [...BALANCED, '\r', '"', "'", '"""', "'''", '(', ')', '[', ']', '{', '}', '\\', '\\\n', ';', 'from dotenv import load_dotenv\n', 'load_dotenv()\n', 'DICT = {\n', 'from x\n', 'fromage = 1\n'];

function fillerLines(random: Random, count: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    switch (random.int(6)) {
      case 0:
        lines.push(`SETTING_${i} = os.environ.get("SETTING_${i}", "default-${i}")`);
        break;
      case 1:
        lines.push(`# comment ${i}`);
        break;
      case 2:
        lines.push(`DICT_${i} = {`, `    "a": [1, 2, 3],`, `    'b': """x`, `y""",`, '}');
        break;
      case 3:
        lines.push(`VALUE_${i} = ${random.pick(['"text"', "'text'", '42', 'None', 'True', '[1, 2]'])}`);
        break;
      case 4:
        lines.push('');
        break;
      default:
        lines.push(`TOTAL_${i} = 1 + \\`, '    2');
    }
  }
  return lines;
}

/** A random settings file with many ordinary lines after and around its MoMo lines. */
function baseFile(random: Random): { text: string; fileName: string } {
  const kind = random.int(10);
  if (kind === 0) return randomDotenv(random);
  if (kind === 1) return randomJson(random);
  const python = randomPython(random);
  const eol = python.text.includes('\r\n') ? '\r\n' : '\n';
  return { fileName: python.fileName, text: python.text + fillerLines(random, 10 + random.int(60)).join(eol) + eol };
}

function randomChange(random: Random, text: string, snippets: readonly string[], near?: number): TextChange {
  let start = near === undefined ? random.int(text.length + 1) : Math.min(text.length, Math.max(0, near + random.int(200) - 100));
  // Mostly at a line start, where people add lines (a line typed into a string breaks it).
  if (random.chance(0.75)) start = text.lastIndexOf('\n', start - 1) + 1;
  switch (random.int(4)) {
    case 0:
      return { start, end: Math.min(text.length, start + 1 + (snippets === ANY ? random.int(5) : 0)), text: '' };
    case 1:
      return { start, end: Math.min(text.length, start + 1), text: random.pick(snippets) };
    default:
      return { start, end: start, text: random.pick(snippets) };
  }
}

const OPTION_SETS: FindingOptions[] = [{}, { tracked: true }, { tracked: false }, { tracked: true, knownProductionSecrets: ['5b2e8d4a9c1f47e3b6d0a8c2e4f61937'] }, { dotenvLoadedElsewhere: true, gitignoreText: '' }];

describe('incremental settings diagnostics', function () {
  this.timeout(120000);

  it(`equal a full rescan after every one of ${FILES} × ${EDITS_PER_FILE} random edits (seed ${SEED})`, () => {
    const random = createRandom(SEED);
    const scanned = { region: 0, file: 0 };
    for (let n = 0; n < FILES; n++) {
      const base = baseFile(random);
      let options = random.pick(OPTION_SETS);
      const snippets = random.chance(0.3) ? ANY : BALANCED;
      let text = base.text;
      // Every other file as the diagnostics check it, without the move fixes' planner.
      const planMove = n % 2 === 0 ? planMoveFix : undefined;
      let state: FindingsState | undefined = detectFindingsIncrementally(undefined, { text, fileName: base.fileName }, [], options, planMove).state;
      const check = (changes: TextChange[], label: string) => {
        const doc = { text, fileName: base.fileName };
        assert.strictEqual(isMtnAfterChanges(state, doc, changes), mtnEvidence(text).mtn, label);
        const update = detectFindingsIncrementally(state, doc, changes, options, planMove);
        assert.deepStrictEqual(update.findings, fullRescan(doc, options, planMove), label);
        scanned[update.scanned === 'region' && update.state.mtn ? 'region' : 'file']++;
        state = update.state;
      };
      for (let e = 0; e < EDITS_PER_FILE; e++) {
        // Sometimes two or three changes close together, as several cursors (or several events before a check) give.
        const changes: TextChange[] = [];
        const undo: TextChange[] = [];
        for (let c = random.chance(0.2) ? 2 + random.int(2) : 1; c > 0; c--) {
          const change = randomChange(random, text, snippets, changes[0]?.start);
          changes.push(change);
          undo.unshift({ start: change.start, end: change.start + change.text.length, text: text.slice(change.start, change.end) });
          text = apply(text, change);
        }
        if (random.chance(0.05)) options = random.pick(OPTION_SETS);
        check(changes, `file #${n} (${base.fileName}), edit #${e}: ${JSON.stringify(changes)}`);
        // An edit that broke the file (an open string or bracket) is often undone, as people do.
        if (base.fileName.endsWith('.py') && scanPython(text).unclosedAt !== undefined && random.chance(0.9)) {
          for (const change of undo) text = apply(text, change);
          check(undo, `file #${n} (${base.fileName}), undo of edit #${e}: ${JSON.stringify(undo)}`);
        }
      }
    }
    // The test means something only if both paths ran often (region: MTN files, statements re-scanned).
    const counts = `region updates: ${scanned.region}, full scans: ${scanned.file}`;
    assert.ok(scanned.region > FILES * EDITS_PER_FILE * 0.1, counts);
    assert.ok(scanned.file > FILES * EDITS_PER_FILE * 0.1, counts);
  });

  const head = 'import os\n\nMOMO_API_USER = "your-api-user"\nMOMO_API_KEY = os.environ.get("MOMO_API_KEY", "")\n\n';
  const body = Array.from({ length: 200 }, (_, i) => `SETTING_${i} = os.environ.get("SETTING_${i}", "default-${i}")\n`).join('');
  const text = head + body;
  const fileName = 'settings.py';

  it('re-scans only the region for a keystroke away from the MoMo lines, and moves the findings', () => {
    const first = detectFindingsIncrementally(undefined, { text, fileName }, []);
    assert.ok(first.findings.length > 0);
    const at = text.indexOf('default-150') + 1;
    // Two keystrokes in one event, and a line break after the MoMo lines: everything below moves.
    const changes: TextChange[] = [
      { start: at, end: at + 1, text: 'y' },
      { start: text.indexOf('SETTING_10 '), end: text.indexOf('SETTING_10 '), text: '# typed\n' },
    ];
    const edited = apply(apply(text, changes[0]), changes[1]);
    const update = detectFindingsIncrementally(first.state, { text: edited, fileName }, changes);
    assert.strictEqual(update.scanned, 'region');
    // A placeholder and a fill offer: nothing the move planner adds.
    assert.deepStrictEqual(update.findings, detectFindings({ text: edited, fileName }));
  });

  it('scans the whole file when the edit touches a MoMo line, an import, or the options change', () => {
    const first = detectFindingsIncrementally(undefined, { text, fileName }, []);
    const at = text.indexOf('your-api-user');
    const momoEdit = { start: at, end: at + 4, text: '' };
    const afterMomoEdit = detectFindingsIncrementally(first.state, { text: apply(text, momoEdit), fileName }, [momoEdit]);
    assert.strictEqual(afterMomoEdit.scanned, 'file');
    const importEdit = { start: 0, end: 0, text: 'import sys\n' };
    const again = detectFindingsIncrementally(afterMomoEdit.state, { text: apply(apply(text, momoEdit), importEdit), fileName }, [importEdit]);
    assert.strictEqual(again.scanned, 'file');
    const sameText = detectFindingsIncrementally(again.state, again.state.doc, [], { tracked: false });
    assert.strictEqual(sameText.scanned, 'file');
  });

  it('scans the whole file when a statement after the head becomes an import (it moves where the .env loader goes)', () => {
    // No top-level read: the first read is the MoMo one in the block, and imports before it place the loader.
    const noTopLevelRead = `import os\n\nX = 1\n${body.replace(/os\.environ\.get\("SETTING_\d+", ("[^"]*")\)/g, '$1')}if True:\n    MOMO_API_USER = os.environ.get("MOMO_API_USER", "")\n`;
    const first = detectFindingsIncrementally(undefined, { text: noTopLevelRead, fileName }, [], {}, planMoveFix);
    const at = noTopLevelRead.indexOf('SETTING_30 ');
    const change = { start: at, end: at, text: 'from x\n' };
    const edited = apply(noTopLevelRead, change);
    const update = detectFindingsIncrementally(first.state, { text: edited, fileName }, [change], {}, planMoveFix);
    assert.strictEqual(update.scanned, 'file');
    assert.deepStrictEqual(update.findings, detectFindings({ text: edited, fileName }));
    assert.ok(update.findings.some((f) => f.code === 'momo.dotenvNotLoaded' && f.fixes[0].edits[0].startOffset > at));
  });

  it('folds sequential changes into one span of the old text', () => {
    // "abcdef": insert "XY" at 1 → "aXYbcdef"; delete 5..7 ("de") → "aXYbcf".
    assert.deepStrictEqual(changedSpan([{ start: 1, end: 1, text: 'XY' }, { start: 5, end: 7, text: '' }], 6), { start: 1, oldEnd: 5, newEnd: 5 });
    assert.strictEqual(changedSpan([{ start: 4, end: 9, text: '' }], 6), undefined);
  });
});
