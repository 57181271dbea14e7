/** Text index, edits, values, dialects, MTN detection, .gitignore, findMomoVariables. */
import * as assert from 'assert';
import {
  applyEdits,
  detectDialect,
  findMomoVariables,
  isIgnoredBy,
  isMtnMomoDocument,
  isPlaceholderValue,
  planGitignoreEntry,
  realSecretShape,
  unsupportedMessage,
} from '../../../src/core/settings';
import { appendLines, insertLinesAfter, makeEdit } from '../../../src/core/settings/text/edits';
import { TextIndex } from '../../../src/core/settings/text/textIndex';

describe('settings basics', () => {
  describe('TextIndex', () => {
    it('indexes LF, CRLF and lone CR lines and picks the dominant break', () => {
      const index = new TextIndex('a\r\nb\r\nc\nd\re');
      assert.deepStrictEqual(index.lineStarts, [0, 3, 6, 8, 10]);
      assert.strictEqual(index.eol, '\r\n');
      assert.deepStrictEqual(index.positionAt(7), { line: 2, character: 1 });
      assert.strictEqual(index.offsetAt({ line: 3, character: 1 }), 9);
      assert.strictEqual(index.lineBreak(1), '\r\n');
    });

    it('knows the BOM and the trailing newline', () => {
      const index = new TextIndex('\uFEFFx\n');
      assert.strictEqual(index.hasBom, true);
      assert.strictEqual(index.bodyStart, 1);
      assert.strictEqual(index.endsWithNewline, true);
      assert.strictEqual(new TextIndex('\uFEFF').endsWithNewline, false);
    });
  });

  describe('edits', () => {
    it('applies edits in offset order, inserts at one offset in list order, and rejects overlaps', () => {
      const index = new TextIndex('abc');
      const edits = [makeEdit(index, 3, 3, '!'), makeEdit(index, 0, 1, 'A'), makeEdit(index, 3, 3, '?')];
      assert.strictEqual(applyEdits('abc', edits), 'Abc!?');
      assert.throws(() => applyEdits('abc', [makeEdit(index, 0, 2, 'x'), makeEdit(index, 1, 3, 'y')]), /Overlapping/);
    });

    it('inserts lines after the last line without adding a final newline', () => {
      const index = new TextIndex('a\r\nb');
      assert.strictEqual(applyEdits(index.text, [insertLinesAfter(index, 1, ['c'])]), 'a\r\nb\r\nc');
    });

    it('appends after a blank separator, and fills an empty file', () => {
      const withContent = new TextIndex('a\n');
      assert.strictEqual(applyEdits(withContent.text, [appendLines(withContent, ['# c', 'x'])]), 'a\n\n# c\nx\n');
      const blankEnd = new TextIndex('a\n\n');
      assert.strictEqual(applyEdits(blankEnd.text, [appendLines(blankEnd, ['x'])]), 'a\n\nx\n');
      const empty = new TextIndex('');
      assert.strictEqual(applyEdits('', [appendLines(empty, ['x'])]), 'x\n');
      const bomOnly = new TextIndex('\uFEFF');
      assert.strictEqual(applyEdits('\uFEFF', [appendLines(bomOnly, ['x'])]), '\uFEFFx\n');
    });
  });

  describe('values', () => {
    it('recognises placeholders', () => {
      for (const v of ['', ' ', 'your-api-user-id', 'YOUR_API_KEY', 'xxx', 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx', 'changeme', 'change-me', '<api-key>', '${MOMO_API_KEY}', 'api-key-here', 'f1db798c98df4bcf83b538175893bbf0', '81660f34-0fda-4873-9fbd-057d8ecf1b98', 'c72025f5-5cd1-4630-99e4-8ba4722fad56']) {
        assert.ok(isPlaceholderValue(v), JSON.stringify(v));
      }
      for (const v of ['5b2e8d4a9c1f47e3b6d0a8c2e4f61937', '0d6c1f7e-2b4a-4e8d-9c3b-5a7f1e2d4c6b', 'sandbox']) assert.ok(!isPlaceholderValue(v), v);
    });

    it('recognises real-looking secrets but not documentation examples or repeated characters', () => {
      assert.strictEqual(realSecretShape('5b2e8d4a9c1f47e3b6d0a8c2e4f61937'), 'hex32');
      assert.strictEqual(realSecretShape('0d6c1f7e-2b4a-4e8d-9c3b-5a7f1e2d4c6b'), 'uuid');
      assert.strictEqual(realSecretShape('f1db798c98df4bcf83b538175893bbf0'), undefined);
      assert.strictEqual(realSecretShape('81660f34-0fda-4873-9fbd-057d8ecf1b98'), undefined);
      assert.strictEqual(realSecretShape('00000000000000000000000000000000'), undefined);
      assert.strictEqual(realSecretShape('your-api-key'), undefined);
    });
  });

  describe('dialects', () => {
    it('detects Python, dotenv and JSON by name and language id', () => {
      const cases: [string, string | undefined, string][] = [
        ['proj/settings.py', undefined, 'python'],
        ['.env', undefined, 'dotenv'],
        ['.env.production', undefined, 'dotenv'],
        ['docker/prod.env', undefined, 'dotenv'],
        ['C:\\app\\appsettings.Development.json', undefined, 'json'],
        ['untitled-1', 'python', 'python'],
        ['config.yml', undefined, 'unsupported'],
        ['.envrc', undefined, 'unsupported'],
      ];
      for (const [fileName, languageId, dialect] of cases) assert.strictEqual(detectDialect({ fileName, languageId }).dialect, dialect, fileName);
    });

    it('explains unsupported files in one clear sentence', () => {
      const message = unsupportedMessage({ fileName: 'config/application.properties' });
      assert.ok(message.startsWith('Writing MoMo credentials into Java properties files (application.properties) is not supported yet.'), message);
    });
  });

  describe('isMtnMomoDocument', () => {
    it('tells MTN from Vietnam MoMo', () => {
      assert.strictEqual(isMtnMomoDocument('MOMO_PARTNER_CODE=x\nMOMO_ACCESS_KEY=y\nMOMO_SECRET_KEY=z\n'), false);
      assert.strictEqual(isMtnMomoDocument('MOMO_PARTNER_CODE=x\nMOMO_API_KEY=y\n'), false);
      assert.strictEqual(isMtnMomoDocument('MOMO_API_KEY=y\n'), true);
      assert.strictEqual(isMtnMomoDocument('MOMO_PARTNER_CODE=x\nMOMO_SUBSCRIPTION_KEY=y\n'), true);
      assert.strictEqual(isMtnMomoDocument('BASE = "https://sandbox.momodeveloper.mtn.com"'), true);
      assert.strictEqual(isMtnMomoDocument('headers = {"Ocp-Apim-Subscription-Key": key}'), true);
      assert.strictEqual(isMtnMomoDocument('{"MoMo": {"ApiUser": ""}}'), true);
      assert.strictEqual(isMtnMomoDocument('{"Stripe": {"ApiKey": ""}}'), false);
      assert.strictEqual(isMtnMomoDocument('MOMO_ENVIRONMENT=production\nMOMO_PARTNER_CODE=x\n'), false);
    });
  });

  describe('.gitignore', () => {
    it('matches the patterns people use for env files', () => {
      assert.ok(isIgnoredBy('.env\n', '.env'));
      assert.ok(isIgnoredBy('/.env\n', '.env'));
      assert.ok(isIgnoredBy('.env*\n', '.env'));
      assert.ok(isIgnoredBy('*.env\n', '.env'));
      assert.ok(isIgnoredBy('**/.env\n', '.env'));
      assert.ok(!isIgnoredBy('.env\n!.env\n', '.env'));
      assert.ok(!isIgnoredBy('.env.*\n', '.env'));
      assert.ok(!isIgnoredBy('# .env\n.env/\n', '.env'));
      assert.ok(isIgnoredBy('.env.*\n', '.env.local'));
    });

    it('plans the entry only when needed, keeping the file shape', () => {
      assert.deepStrictEqual(planGitignoreEntry('.env\n').edits, []);
      const noNewline = planGitignoreEntry('node_modules');
      assert.strictEqual(applyEdits('node_modules', noNewline.edits), 'node_modules\n.env');
      const crlf = planGitignoreEntry('dist\r\n');
      assert.strictEqual(applyEdits('dist\r\n', crlf.edits), 'dist\r\n.env\r\n');
      const created = planGitignoreEntry(null);
      assert.strictEqual(created.create, true);
      assert.strictEqual(applyEdits('', created.edits), '.env\n');
    });
  });

  describe('findMomoVariables', () => {
    it('lists MoMo variables with state and range, never values', () => {
      const found = findMomoVariables({
        text: 'import os\nMOMO_API_USER = "your-api-user"\nMOMO_API_KEY = os.environ.get("MOMO_API_KEY")\nMOMO_SUBSCRIPTION_KEY = "5b2e8d4a9c1f47e3b6d0a8c2e4f61937"\nMOMO_PARTNER_CODE = "x"\n',
        fileName: 'settings.py',
      });
      assert.deepStrictEqual(
        found.map((v) => [v.name, v.role, v.state, v.envName]),
        [
          ['MOMO_API_USER', 'apiUser', 'placeholder', undefined],
          ['MOMO_API_KEY', 'apiKey', 'environment', 'MOMO_API_KEY'],
          ['MOMO_SUBSCRIPTION_KEY', 'subscriptionKey', 'literal', undefined],
        ],
      );
      assert.deepStrictEqual(found[0].nameRange, { start: { line: 1, character: 0 }, end: { line: 1, character: 13 } });
      assert.ok(!JSON.stringify(found).includes('5b2e8d4a'));
    });

    it('gives JSON variables their configuration key', () => {
      const [variable] = findMomoVariables({ text: '{"MoMo": {"Collection": {"ApiKey": ""}}}', fileName: 'appsettings.json' });
      assert.deepStrictEqual([variable.configKey, variable.product], ['MoMo:Collection:ApiKey', 'collection']);
    });
  });
});
