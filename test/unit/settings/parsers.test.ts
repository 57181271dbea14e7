/** The small tokenizers: Python statements and right-hand sides, dotenv lines, JSON with offsets. */
import * as assert from 'assert';
import { scanDotenv } from '../../../src/core/settings/dotenv/scan';
import { parseJson } from '../../../src/core/settings/json/parse';
import { parseRhs } from '../../../src/core/settings/python/rhs';
import { scanPython } from '../../../src/core/settings/python/scan';
import { scanPythonStatements } from '../../../src/core/settings/python/statements';
import { TextIndex } from '../../../src/core/settings/text/textIndex';

const statementTexts = (text: string) => scanPythonStatements(new TextIndex(text)).statements.map((s) => text.slice(s.start, s.end));

describe('settings parsers', () => {
  describe('Python statements', () => {
    it('joins brackets, triple-quoted strings and backslash continuations; splits at ;', () => {
      const text = 'A = (\n  1,  # one\n)\nB = """x\n# not a comment\n"""\nC = 1 + \\\n  2; D = "a#b"  # c\n\n# E = 1\n';
      assert.deepStrictEqual(statementTexts(text), ['A = (\n  1,  # one\n)', 'B = """x\n# not a comment\n"""', 'C = 1 + \\\n  2', 'D = "a#b"']);
    });

    it('handles escaped quotes, prefixes and CRLF', () => {
      assert.deepStrictEqual(statementTexts('A = "say \\"hi\\""\r\nB = rb\'x\'\r\n'), ['A = "say \\"hi\\""', "B = rb'x'"]);
    });
  });

  describe('Python right-hand sides', () => {
    const context = { decoupleNames: new Set(['config']), environNames: new Set(['env']) };
    const rhs = (source: string) => parseRhs(source, 0, source.length, context);

    it('reads literals, concatenations and None', () => {
      const literal = rhs('( "ab"\n  \'cd\' )');
      assert.ok(literal.kind === 'literal' && literal.literal.value === 'abcd' && !literal.literal.simple);
      const single = rhs('"x\\ty"');
      assert.ok(single.kind === 'literal' && single.literal.value === 'x\ty' && single.literal.simple);
      assert.strictEqual(rhs('None').kind, 'none');
    });

    it('recognises every environment-read style with its default', () => {
      const cases: [string, string, string | undefined][] = [
        ['os.environ.get("K", "d")', 'os.environ.get', 'd'],
        ["os.getenv('K')", 'os.getenv', undefined],
        ['os.environ["K"]', 'os.environ[]', undefined],
        ['config("K", default="d", cast=str)', 'decouple', 'd'],
        ['config("K", "d")', 'decouple', 'd'],
        ['env("K", str, default="d")', 'environ', 'd'],
        ['env("K", str)', 'environ', undefined],
        ['env.str("K", "d")', 'environ.typed', 'd'],
      ];
      for (const [source, style, fallback] of cases) {
        const result = rhs(source);
        assert.strictEqual(result.kind, 'envRead', source);
        if (result.kind !== 'envRead') continue;
        assert.strictEqual(result.read.style, style, source);
        assert.strictEqual(result.read.envName, 'K', source);
        assert.strictEqual(result.read.default?.literal?.value, fallback, source);
      }
    });

    it('leaves other expressions alone', () => {
      for (const source of ['os.environ.get("K") or "x"', 'get_secret("K")', 'f"{A}"  if A else "b"', 'config(NAME)']) {
        assert.strictEqual(rhs(source).kind, 'other', source);
      }
    });
  });

  describe('Python scan', () => {
    it('finds MoMo assignments by name or by the environment name they read', () => {
      const scan = scanPython('import os\nKEY = os.environ.get("MOMO_API_KEY")\nMOMO_API_USER: str = ""\nDEBUG = 1\n');
      assert.deepStrictEqual(scan.variables.map((v) => [v.name, v.info.name, v.info.role]), [
        ['KEY', 'MOMO_API_KEY', 'apiKey'],
        ['MOMO_API_USER', 'MOMO_API_USER', 'apiUser'],
      ]);
      assert.strictEqual(scan.osImported, true);
      assert.strictEqual(scan.loadsDotenv, false);
    });

    it("learns the file's habits: env style, quotes, django-environ binding", () => {
      const scan = scanPython("import environ\nenv = environ.Env()\nA = env.str('A')\nB = env.str('B')\n");
      assert.deepStrictEqual(scan.envStyle, { style: 'environ.typed', callee: 'env.str' });
      assert.strictEqual(scan.quote, "'");
      assert.ok(scan.environAssignment);
    });
  });

  describe('dotenv lines', () => {
    it('reads quotes, export, comments and multi-line values', () => {
      const scan = scanDotenv('export A="x\\"y" # c\nB=\'z\'\nC=plain value # c\nD="line1\nline2"\n#E=1\nF=\n');
      assert.deepStrictEqual(
        scan.entries.map((e) => [e.name, e.literal?.value, e.quote, e.exported, e.startLine, e.endLine]),
        [
          ['A', 'x"y', '"', true, 0, 0],
          ['B', 'z', "'", false, 1, 1],
          ['C', 'plain value', '', false, 2, 2],
          ['D', 'line1\nline2', '"', false, 3, 4],
          ['F', '', '', false, 6, 6],
        ],
      );
    });
  });

  describe('JSON with offsets', () => {
    it('keeps offsets of keys, values and commas; accepts comments and trailing commas', () => {
      const text = '{\n  // c\n  "a": {"b": [1, "x"],},\n  /* d */ "e": null,\n}';
      const result = parseJson(text);
      assert.ok(result.ok && result.root?.kind === 'object');
      if (!result.ok || result.root?.kind !== 'object') return;
      const [a, e] = result.root.members;
      assert.strictEqual(text.slice(a.keyStart, a.keyEnd), '"a"');
      assert.strictEqual(text.slice(a.value.start, a.value.end), '{"b": [1, "x"],}');
      assert.strictEqual(text[a.commaAt ?? 0], ',');
      assert.strictEqual(e.value.kind, 'literal');
    });

    it('reports where it fails', () => {
      const result = parseJson('{"a": 1 "b": 2}');
      assert.ok(!result.ok && result.offset === 8, JSON.stringify(result));
    });

    it('finds the comma after a comment, and reads past a byte-order mark', () => {
      const text = '\ufeff{"a": 1 /* why */ , "b": 2}';
      const result = parseJson(text);
      assert.ok(result.ok && result.root?.kind === 'object', JSON.stringify(result));
      if (!result.ok || result.root?.kind !== 'object') return;
      assert.strictEqual(text[result.root.members[0].commaAt ?? 0], ',');
      assert.strictEqual(result.root.members[0].commaAt, text.indexOf(','));
      assert.strictEqual(result.root.members[1].commaAt, undefined);
    });

    it('refuses hostile nesting with a message instead of exhausting the stack', () => {
      const result = parseJson('['.repeat(200_000));
      assert.deepStrictEqual(result, { ok: false, message: 'Nested too deeply.', offset: 500 });
      const fine = parseJson(`${'['.repeat(400)}1${']'.repeat(400)}`);
      assert.strictEqual(fine.ok, true);
    });

    it('says what is wrong in plain words', () => {
      assert.deepStrictEqual(parseJson('{"a": "x\ny"}'), { ok: false, message: 'Unclosed string.', offset: 6 });
      assert.deepStrictEqual(parseJson('{"a": 1 /* open'), { ok: false, message: 'Unclosed /* comment.', offset: 8 });
    });
  });
});
