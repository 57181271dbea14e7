/**
 * Incremental diagnostics of .env files: after any sequence of random edits (typing, deleting
 * across lines, line breaks of every kind, quotes that open or close multi-line values, MoMo
 * names, MTN words, a byte-order mark), detectFindingsIncrementally returns exactly what
 * detectFindings returns on the whole new text; an edit on ordinary lines (no MoMo entry, no
 * quote, no MTN word) is re-scanned as a region every time. And the edge cases one by one.
 */
import * as assert from 'assert';
import { detectFindings, detectFindingsIncrementally, isMtnAfterChanges, mtnEvidence, planMoveFix } from '../../../src/core/settings';
import type { FindingOptions, FindingsState, SettingsDocument, TextChange } from '../../../src/core/settings';
import { scanDotenv, type DotenvScan } from '../../../src/core/settings/dotenv/scan';
import type { TextIndex } from '../../../src/core/settings/text/textIndex';
import { apply, fullRescan, MTN_WORDS } from './incrementalChecks';
import { createRandom, randomDotenv, type Random } from './randomSettings';

const SEED = 20261201;
const FILES = 60;
const EDITS_PER_FILE = 40;

/** What people type in a .env, and what breaks it: quotes that open a value across lines, lone "\r", a BOM. */
const SNIPPETS = [
  'a', 'x', '1', ' ', '_', '\n', '\r\n', '\r', '#', '=', ':', ': ', ' # note', '"', "'", '`', '\\', '\\"', 'export ', '${OTHER}',
  'NAME=v\n', 'DEBUG=2\n', 'SECRET_KEY="abc"\n', 'Q="one\ntwo"\n', 'Q="open\n', '"\n', 'B=`x\r\ny`\n', "S='x\ny'\n",
  'MOMO_API_USER=your-api-user\n', 'MOMO_API_KEY=', 'COLLECTION_API_KEY=changeme\n', 'DISBURSEMENT_API_KEY=f1db798c98df4bcf83b538175893bbf0\n', 'momo', 'MTN', 'apiuser',
  'COLLECTION_CREDENTIAL_TOKEN=x\n', 'MOMO_PARTNER_CODE=1\n', 'MOMO_TARGET_ENVIRONMENT=production\n', '\uFEFF',
];

/** Ordinary lines: the bulk of a real .env, multi-line values included. */
function fillerLines(random: Random, count: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    switch (random.int(9)) {
      case 0:
        lines.push(`# section ${i}`);
        break;
      case 1:
        lines.push('');
        break;
      case 2:
        lines.push(`CERT_${i}="-----BEGIN-----`, `abc${i}`, '-----END-----"');
        break;
      case 3:
        lines.push(`export PATH_${i}='/srv/${i}'`);
        break;
      case 4:
        lines.push(`URL_${i}=https://example.com/${i} # note`);
        break;
      case 5:
        lines.push(`TEMPLATE_${i}=\`a`, `b\``);
        break;
      case 6:
        // MoMo names with no word of the MTN test in them: only a re-scan finds them.
        lines.push(random.pick([`COLLECTION_API_KEY=${random.hex(32)}`, 'DISBURSEMENT_API_USER=changeme', `REMITTANCE_API_KEY="${random.hex(32)}"`]));
        break;
      default:
        lines.push(`VAR_${i}="value ${i}"`);
    }
  }
  return lines;
}

/** A random .env with many ordinary lines before, between and after its MoMo lines. */
function baseFile(random: Random): SettingsDocument {
  const momo = randomDotenv(random);
  const eol = momo.text.includes('\r\n') ? '\r\n' : '\n';
  const bom = momo.text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = momo.text.slice(bom.length);
  const text = bom + fillerLines(random, 5 + random.int(30)).join(eol) + eol + body + (body.endsWith('\n') || body === '' ? '' : eol) + fillerLines(random, 5 + random.int(30)).join(eol);
  return { fileName: momo.fileName, text: random.chance(0.7) ? text + eol : text };
}

function randomChange(random: Random, text: string, near?: number): TextChange {
  let start = near === undefined ? random.int(text.length + 1) : Math.min(text.length, Math.max(0, near + random.int(120) - 60));
  if (random.chance(0.5)) start = text.lastIndexOf('\n', start - 1) + 1;
  switch (random.int(5)) {
    case 0:
      // Deleting, often across line breaks.
      return { start, end: Math.min(text.length, start + 1 + random.int(random.chance(0.3) ? 40 : 3)), text: '' };
    case 1:
      return { start, end: Math.min(text.length, start + 1), text: random.pick(SNIPPETS) };
    default:
      return { start, end: start, text: random.pick(SNIPPETS) };
  }
}

/**
 * An edit the region path must take: one change, no line break, quote or backslash typed or
 * deleted, after the first line, on lines holding no MTN word and no MoMo or multi-line
 * entry before or after it (the line before the edit included: the re-scan starts there).
 */
function plainEdit(oldText: string, newText: string, change: TextChange): boolean {
  const special = /["'`\\\r\n\uFEFF]/;
  if (special.test(change.text) || special.test(oldText.slice(change.start, change.end))) return false;
  if (change.start === 0) return false;
  const oldScan = scanDotenv(oldText);
  const newScan = scanDotenv(newText);
  const linesOf = (index: TextIndex, from: number, to: number) => ({ first: index.lineAt(from - 1), start: index.lineStarts[index.lineAt(from - 1)], end: index.contentEnds[index.lineAt(to)] });
  const old = linesOf(oldScan.index, change.start, change.end);
  const now = linesOf(newScan.index, change.start, change.start + change.text.length);
  if (old.first === 0) return false;
  if (MTN_WORDS.test(oldText.slice(old.start, old.end)) || MTN_WORDS.test(newText.slice(now.start, now.end))) return false;
  const quiet = (scan: DotenvScan, range: { start: number; end: number }) =>
    scan.entries.every((e) => e.valueEnd < range.start || e.nameStart > range.end || (!e.info.isMomo && e.startLine === e.endLine));
  return quiet(oldScan, old) && quiet(newScan, now);
}

const OPTION_SETS: FindingOptions[] = [{}, { tracked: true }, { tracked: false, gitignoreText: '' }, { tracked: true, knownProductionSecrets: ['f1db798c98df4bcf83b538175893bbf0'] }];

describe('incremental .env diagnostics', function () {
  this.timeout(120000);

  it(`equal a full rescan after every one of ${FILES} × ${EDITS_PER_FILE} random edits, and plain edits take the region path (seed ${SEED})`, () => {
    const random = createRandom(SEED);
    const scanned = { region: 0, file: 0, plain: 0 };
    for (let n = 0; n < FILES; n++) {
      const base = baseFile(random);
      const options = random.pick(OPTION_SETS);
      const planMove = n % 2 === 0 ? planMoveFix : undefined;
      let text = base.text;
      let state: FindingsState | undefined = detectFindingsIncrementally(undefined, base, [], options, planMove).state;
      for (let e = 0; e < EDITS_PER_FILE; e++) {
        const changes: TextChange[] = [];
        const before = text;
        for (let c = random.chance(0.15) ? 2 + random.int(2) : 1; c > 0; c--) {
          const change = randomChange(random, text, changes[0]?.start);
          changes.push(change);
          text = apply(text, change);
        }
        const doc = { text, fileName: base.fileName };
        const label = `file #${n} (${base.fileName}), edit #${e}: ${JSON.stringify(changes)}`;
        assert.strictEqual(isMtnAfterChanges(state, doc, changes), mtnEvidence(text).mtn, label);
        const wasMtn: boolean = state?.mtn ?? false;
        const update = detectFindingsIncrementally(state, doc, changes, options, planMove);
        assert.deepStrictEqual(update.findings, fullRescan(doc, options, planMove), label);
        if (wasMtn && changes.length === 1 && plainEdit(before, text, changes[0])) {
          scanned.plain++;
          assert.strictEqual(update.scanned, 'region', `${label}: an edit on ordinary lines scanned the whole file`);
        }
        scanned[update.scanned === 'region' && update.state.mtn ? 'region' : 'file']++;
        state = update.state;
      }
    }
    const counts = `region updates: ${scanned.region} (plain edits: ${scanned.plain}), full scans: ${scanned.file}`;
    assert.ok(scanned.region > FILES * EDITS_PER_FILE * 0.3, counts);
    assert.ok(scanned.plain > FILES * EDITS_PER_FILE * 0.1, counts);
    assert.ok(scanned.file > FILES * EDITS_PER_FILE * 0.1, counts);
  });

  const lines = ['MOMO_API_USER=your-api-user', 'MOMO_SUBSCRIPTION_KEY=604eefeda5a9f82c1d33fcb6eb24206f', '# ordinary lines'];
  for (let i = 0; i < 40; i++) lines.push(i % 10 === 5 ? `CERT_${i}="begin` : i % 10 === 6 ? `end"` : `VAR_${i}=value-${i}`);
  lines.push('MOMO_TARGET_ENVIRONMENT=production', 'VAR_LAST=1', 'TAIL="x"');
  const fileName = '.env';

  /** The update of `text` after `changes` (each on the text the one before left), checked against a full scan. */
  function edit(text: string, changes: TextChange[], options: FindingOptions = {}): { scanned: 'region' | 'file'; text: string; state: FindingsState } {
    const first = detectFindingsIncrementally(undefined, { text, fileName }, [], options, planMoveFix);
    let edited = text;
    for (const change of changes) edited = apply(edited, change);
    const update = detectFindingsIncrementally(first.state, { text: edited, fileName }, changes, options, planMoveFix);
    assert.deepStrictEqual(update.findings, detectFindings({ text: edited, fileName }, options));
    return { scanned: update.scanned, text: edited, state: update.state };
  }

  for (const eol of ['\n', '\r\n']) {
    const text = lines.join(eol) + eol;
    const name = eol === '\n' ? 'LF' : 'CRLF';

    it(`${name}: a keystroke on an ordinary line re-scans its region and moves the findings after it`, () => {
      const at = text.indexOf('value-20');
      assert.strictEqual(edit(text, [{ start: at, end: at, text: 'z' }]).scanned, 'region');
      assert.strictEqual(edit(text, [{ start: at, end: at + 1, text: '' }]).scanned, 'region');
      // A new line (the findings after it move down one line), and a line break typed at a line's end.
      const lineStart = text.indexOf('VAR_21');
      assert.strictEqual(edit(text, [{ start: lineStart, end: lineStart, text: `NEW=1${eol}` }]).scanned, 'region');
      assert.strictEqual(edit(text, [{ start: lineStart - eol.length, end: lineStart - eol.length, text: eol }]).scanned, 'region');
    });

    it(`${name}: inside a multi-line value, and a quote that opens one`, () => {
      const inside = text.indexOf('end"');
      assert.strictEqual(edit(text, [{ start: inside, end: inside, text: `more${eol}` }]).scanned, 'region');
      // Deleting the closing quote: the value now runs to the next quote (CERT_25's), and back.
      const closing = text.indexOf('end"') + 3;
      const opened = edit(text, [{ start: closing, end: closing + 1, text: '' }]);
      assert.strictEqual(opened.scanned, 'region');
      // A quote that opens a value running over the MoMo line below it (to TAIL's quote): the whole file.
      const at = text.indexOf('VAR_39=') + 'VAR_39='.length;
      const over = edit(text, [{ start: at, end: at, text: '"' }]);
      assert.strictEqual(over.scanned, 'file');
      assert.ok(!detectFindings({ text: over.text, fileName }).some((f) => f.name === 'MOMO_TARGET_ENVIRONMENT'));
      // Deleting the closing quote of the last multi-line value: it now runs over the MoMo line too.
      const lastClosing = text.lastIndexOf('end"') + 3;
      const unclosed = edit(text, [{ start: lastClosing, end: lastClosing + 1, text: '' }]);
      assert.strictEqual(unclosed.scanned, 'file');
      assert.ok(!detectFindings({ text: unclosed.text, fileName }).some((f) => f.name === 'MOMO_TARGET_ENVIRONMENT'));
    });

    it(`${name}: a multi-line value typed in one keystroke is known to the next one`, () => {
      const at = text.indexOf('VAR_37');
      const typed = edit(text, [{ start: at, end: at, text: `C="a${eol}b"${eol}` }]);
      assert.strictEqual(typed.scanned, 'region');
      // Its closing quote deleted: the value runs over the MoMo line to TAIL's quote.
      const closing = typed.text.indexOf(`b"${eol}`) + 1;
      const text2 = apply(typed.text, { start: closing, end: closing + 1, text: '' });
      const update = detectFindingsIncrementally(typed.state, { text: text2, fileName }, [{ start: closing, end: closing + 1, text: '' }], {}, planMoveFix);
      assert.strictEqual(update.scanned, 'file');
      assert.deepStrictEqual(update.findings, detectFindings({ text: text2, fileName }));
    });

    it(`${name}: deleting across lines joins them`, () => {
      const from = text.indexOf('value-12');
      const to = text.indexOf('VAR_14');
      assert.strictEqual(edit(text, [{ start: from, end: to, text: '' }]).scanned, 'region');
      // Across a MoMo line: the whole file, and the finding on it is gone.
      const momo = text.indexOf('MOMO_TARGET_ENVIRONMENT');
      const joined = edit(text, [{ start: momo - 5, end: momo + 5, text: '' }]);
      assert.strictEqual(joined.scanned, 'file');
    });

    it(`${name}: a duplicate name, a MoMo word, a MoMo entry`, () => {
      const at = text.indexOf('VAR_30');
      // A second VAR_31: the checks never read names that are not MoMo's.
      assert.strictEqual(edit(text, [{ start: at, end: at, text: `VAR_31=other${eol}` }]).scanned, 'region');
      // A second MoMo name, or a MoMo word in an ordinary value: the whole file.
      assert.strictEqual(edit(text, [{ start: at, end: at, text: `MOMO_API_USER=other${eol}` }]).scanned, 'file');
      const value = text.indexOf('value-30');
      assert.strictEqual(edit(text, [{ start: value, end: value, text: 'momo' }]).scanned, 'file');
      // A MoMo name without an MTN word (a product's API key): found by the re-scan, the whole file.
      const added = edit(text, [{ start: at, end: at, text: `COLLECTION_API_KEY=changeme${eol}` }]);
      assert.strictEqual(added.scanned, 'file');
      assert.ok(detectFindings({ text: added.text, fileName }).some((f) => f.name === 'COLLECTION_API_KEY'));
      // Deleting one that had no finding of its own: the key beside the subscription key is now missing.
      const withKey = edit(text, [{ start: at, end: at, text: `COLLECTION_API_KEY=f1db798c98df4bcf83b538175893bbf0${eol}` }]).text;
      const keyLine = withKey.indexOf('COLLECTION_API_KEY');
      const removed = edit(withKey, [{ start: keyLine, end: withKey.indexOf('VAR_30'), text: '' }]);
      assert.strictEqual(removed.scanned, 'file');
      assert.ok(detectFindings({ text: removed.text, fileName }).some((f) => f.code === 'momo.missingApiUser'));
    });

    it(`${name}: typing at the end of the file, and the region running to it`, () => {
      assert.strictEqual(edit(text, [{ start: text.length, end: text.length, text: `APPENDED=1${eol}` }]).scanned, 'region');
      const noFinalBreak = text.slice(0, -eol.length);
      assert.strictEqual(edit(noFinalBreak, [{ start: noFinalBreak.length, end: noFinalBreak.length, text: '2' }]).scanned, 'region');
      // An unclosed quote near the end: the value runs to the end of the text.
      const last = text.indexOf('VAR_LAST=') + 'VAR_LAST='.length;
      assert.strictEqual(edit(text, [{ start: last, end: last, text: '"' }]).scanned, 'region');
    });
  }

  it('a lone "\\r" that a typed "\\n" turns into one CRLF line break', () => {
    const text = lines.join('\r');
    const at = text.indexOf('VAR_21');
    assert.strictEqual(edit(text, [{ start: at, end: at, text: '\n' }]).scanned, 'region');
    assert.strictEqual(edit(text, [{ start: at - 1, end: at, text: '' }]).scanned, 'region');
  });

  it('keystrokes one after another keep the state right (the moves owed settle as typing goes)', () => {
    let text = lines.join('\n') + '\n';
    let state = detectFindingsIncrementally(undefined, { text, fileName }, []).state;
    const random = createRandom(7);
    for (let i = 0; i < 200; i++) {
      const anchor = text.indexOf(random.pick(['VAR_1=', 'VAR_17=', 'VAR_33=', 'end"']));
      const change = random.chance(0.5) ? { start: anchor + 2, end: anchor + 2, text: random.pick(['q', '\n', 'W=1\n', 'C="a\nb"\n']) } : { start: anchor + 2, end: anchor + 3, text: '' };
      text = apply(text, change);
      const update = detectFindingsIncrementally(state, { text, fileName }, [change]);
      assert.deepStrictEqual(update.findings, fullRescan({ text, fileName }, {}, undefined), `keystroke ${i}: ${JSON.stringify(change)}`);
      state = update.state;
    }
  });

  it('a Credential Token name makes a file MTN MoMo\'s: the edited lines are checked for it', () => {
    // Vietnam's MoMo names beside an API key: not MTN's, until a Credential Token name appears.
    const text = 'MOMO_PARTNER_CODE=abc\nMOMO_API_KEY=changeme\nDEBUG=1\n';
    const first = detectFindingsIncrementally(undefined, { text, fileName }, []);
    assert.deepStrictEqual(first.findings, []);
    const change = { start: text.length, end: text.length, text: 'COLLECTION_CREDENTIAL_TOKEN=x\n' };
    const edited = apply(text, change);
    assert.strictEqual(isMtnAfterChanges(first.state, { text: edited, fileName }, [change]), true);
    const update = detectFindingsIncrementally(first.state, { text: edited, fileName }, [change]);
    assert.ok(update.findings.length > 0);
    assert.deepStrictEqual(update.findings, detectFindings({ text: edited, fileName }));
  });
});
