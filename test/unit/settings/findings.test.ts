/**
 * detectFindings: one block per code, with the quick-fix data checked by applying it.
 */
import * as assert from 'assert';
import { applyEdits, detectFindings, type Finding, type FindingOptions, type SettingsDocument } from '../../../src/core/settings';

const HEX = '5b2e8d4a9c1f47e3b6d0a8c2e4f61937';
const USER = '0d6c1f7e-2b4a-4e8d-9c3b-5a7f1e2d4c6b';

function find(doc: SettingsDocument, options: FindingOptions = {}): Finding[] {
  return detectFindings(doc, options);
}

function codes(doc: SettingsDocument, options: FindingOptions = {}): string[] {
  return find(doc, options).map((f) => f.code);
}

const py = (text: string): SettingsDocument => ({ text, fileName: 'settings.py' });
const env = (text: string, fileName = '.env'): SettingsDocument => ({ text, fileName });
const json = (text: string): SettingsDocument => ({ text, fileName: 'appsettings.json' });

describe('settings findings', () => {
  describe('momo.placeholder', () => {
    it('flags empty and placeholder values with a fill-in quick fix', () => {
      const found = find(env('MOMO_SUBSCRIPTION_KEY=abc\nMOMO_API_USER=\nMOMO_API_KEY=your-api-key\n'));
      const placeholders = found.filter((f) => f.code === 'momo.placeholder');
      assert.deepStrictEqual(placeholders.map((f) => f.name), ['MOMO_API_USER', 'MOMO_API_KEY']);
      // An empty value has no characters: the finding sits on the name.
      assert.deepStrictEqual(placeholders[0].range, { start: { line: 1, character: 0 }, end: { line: 1, character: 13 } });
      assert.deepStrictEqual(placeholders[1].range, { start: { line: 2, character: 13 }, end: { line: 2, character: 25 } });
      assert.strictEqual(placeholders[1].fixes[0].kind, 'fillCredentials');
    });

    it("treats MTN's documentation examples as placeholders, never as leaks", () => {
      const found = find(py('MOMO_API_USER = "81660f34-0fda-4873-9fbd-057d8ecf1b98"\nMOMO_API_KEY = "f1db798c98df4bcf83b538175893bbf0"\n'), { tracked: true });
      assert.deepStrictEqual(found.map((f) => f.code), ['momo.placeholder', 'momo.placeholder']);
      assert.ok(found[0].message.includes('documentation example'));
    });

    it('reports a placeholder default of an environment read as information, and None as a placeholder', () => {
      const found = find(py('import os\nfrom dotenv import load_dotenv\nload_dotenv()\nMOMO_API_USER = os.environ.get("MOMO_API_USER", "your-api-user-id")\nMOMO_API_KEY = None\n'));
      assert.deepStrictEqual(found.map((f) => [f.code, f.severity]), [
        ['momo.placeholder', 'information'],
        ['momo.placeholder', 'warning'],
      ]);
    });

    it('does not flag an empty JSON value (set by the environment or user-secrets)', () => {
      assert.deepStrictEqual(codes(json('{"MomoApiOptions": {"SubscriptionKey": "", "ApiUser": "", "ApiKey": ""}}')), []);
      assert.deepStrictEqual(codes(json('{"MomoApiOptions": {"ApiUser": "your-api-user", "ApiKey": ""}}')), ['momo.placeholder']);
    });

    it('carries the product of per-product names into the fix', () => {
      const [finding] = find(env('MOMO_COLLECTION_USER_ID=xxx\nMOMO_COLLECTION_API_KEY=1\n'));
      assert.strictEqual(finding.product, 'collection');
      assert.strictEqual(finding.fixes[0].product, 'collection');
    });
  });

  describe('momo.missingApiUser', () => {
    it('flags a subscription key with no API user / key beside it', () => {
      const [finding] = find(env('MOMO_COLLECTION_SUBSCRIPTION_KEY=abc\n'));
      assert.strictEqual(finding.code, 'momo.missingApiUser');
      assert.strictEqual(finding.product, 'collection');
      assert.ok(finding.message.includes('no API user and API key'));
      assert.deepStrictEqual(finding.fixes.map((f) => [f.kind, f.product]), [['fillCredentials', 'collection']]);
    });

    it('is quiet when the pair is there (generic names serve every product)', () => {
      assert.deepStrictEqual(codes(env(`MOMO_COLLECTION_SUBSCRIPTION_KEY=abc\nMOMO_API_USER=${USER}\nMOMO_API_KEY=k\n`)), []);
    });

    it('names only what is missing', () => {
      const [finding] = find(env(`MOMO_SUBSCRIPTION_KEY=abc\nMOMO_API_USER=${USER}\n`));
      assert.ok(finding.message.includes('no API key'), finding.message);
    });

    it('looks in the same JSON section only', () => {
      const text = '{"MoMo": {"Collection": {"SubscriptionKey": "a", "ApiUser": "u", "ApiKey": "k"}, "Disbursement": {"SubscriptionKey": "b"}}}';
      const found = find(json(text));
      assert.deepStrictEqual(found.map((f) => [f.code, f.product]), [['momo.missingApiUser', 'disbursement']]);
    });
  });

  describe('momo.hardcodedSecret', () => {
    it('flags a real-looking key in a tracked Python file, with a move-to-.env fix', () => {
      const text = `import os\nfrom dotenv import load_dotenv\n\nload_dotenv()\nMOMO_SUBSCRIPTION_KEY = "${HEX}"\n`;
      const finding = find(py(text), { gitignoreText: 'node_modules/\n' }).find((f) => f.code === 'momo.hardcodedSecret')!;
      assert.ok(!finding.message.includes(HEX), 'no secret in the message');
      assert.deepStrictEqual(finding.range, { start: { line: 4, character: 24 }, end: { line: 4, character: 58 } });
      const fix = finding.fixes[0];
      assert.strictEqual(fix.title, 'Move to .env and read it from the environment');
      assert.strictEqual(applyEdits(text, fix.edits), text.replace(`"${HEX}"`, 'os.environ.get("MOMO_SUBSCRIPTION_KEY", "")'));
      assert.strictEqual(fix.dotenv?.create, true);
      assert.strictEqual(applyEdits('', fix.dotenv?.edits ?? []), `# MTN MoMo API credentials\nMOMO_SUBSCRIPTION_KEY=${HEX}\n`);
      assert.strictEqual(applyEdits('node_modules/\n', fix.gitignore?.edits ?? []), 'node_modules/\n.env\n');
    });

    it('flags a literal default of an environment read (the InzuLink pattern) and empties it in the fix', () => {
      const text = `import os\nMOMO_COLLECTION_SUBSCRIPTION_KEY = os.environ.get("MOMO_COLLECTION_SUBSCRIPTION_KEY", "${HEX}")\n`;
      const dotenv = { text: 'DEBUG=1\n', fileName: '.env' };
      const found = find(py(text), { dotenv });
      const finding = found.find((f) => f.code === 'momo.hardcodedSecret');
      assert.ok(finding?.message.includes('default'));
      const fix = finding!.fixes[0];
      // The loader comes with the fix: without it the moved value would never be read.
      assert.strictEqual(
        applyEdits(text, fix.edits),
        `import os\nfrom dotenv import load_dotenv\n\nload_dotenv()\n\nMOMO_COLLECTION_SUBSCRIPTION_KEY = os.environ.get("MOMO_COLLECTION_SUBSCRIPTION_KEY", "")\n`,
      );
      assert.strictEqual(fix.packageName, 'python-dotenv');
      assert.strictEqual(applyEdits(dotenv.text, fix.dotenv!.edits), `DEBUG=1\n\n# MTN MoMo API credentials\nMOMO_COLLECTION_SUBSCRIPTION_KEY=${HEX}\n`);
    });

    it('flags a decouple default too, and leaves documentation examples as placeholders', () => {
      const text = `from decouple import config\nMOMO_SUBSCRIPTION_KEY = config("MOMO_SUBSCRIPTION_KEY", default="${HEX}")\nMOMO_API_KEY = config("MOMO_API_KEY", default="f1db798c98df4bcf83b538175893bbf0")\n`;
      const found = find(py(text));
      assert.deepStrictEqual(found.map((f) => [f.code, f.name]), [
        ['momo.missingApiUser', 'MOMO_SUBSCRIPTION_KEY'],
        ['momo.hardcodedSecret', 'MOMO_SUBSCRIPTION_KEY'],
        ['momo.placeholder', 'MOMO_API_KEY'],
      ]);
      const fix = found[1].fixes[0];
      assert.strictEqual(applyEdits(text, fix.edits), text.replace(`default="${HEX}"`, 'default=""'));
      assert.strictEqual(fix.packageName, undefined, 'decouple reads .env itself');
    });

    it('keeps a real value .env already has', () => {
      const text = `MOMO_API_KEY = "${HEX}"\n`;
      const dotenv = { text: 'MOMO_API_KEY=11112222333344445555666677778888\n', fileName: '.env' };
      const fix = find(py(text), { dotenv, dotenvLoadedElsewhere: true }).find((f) => f.code === 'momo.hardcodedSecret')!.fixes[0];
      assert.deepStrictEqual(fix.dotenv?.edits, []);
      assert.ok(fix.title.includes('.env already sets MOMO_API_KEY'));
    });

    it('flags an API-user UUID too, but not in untracked or ignored files', () => {
      const doc = py(`MOMO_API_USER = "${USER}"\n`);
      assert.deepStrictEqual(codes(doc), ['momo.hardcodedSecret']);
      assert.deepStrictEqual(codes(doc, { tracked: false }), []);
      assert.deepStrictEqual(codes(doc, { ignored: true }), []);
    });

    it('leaves .env files alone unless git tracks them, then offers .gitignore', () => {
      const doc = env(`MOMO_API_USER=${USER}\nMOMO_API_KEY=${HEX}\n`);
      assert.deepStrictEqual(codes(doc), []);
      const found = find(doc, { tracked: true, gitignoreText: null });
      assert.deepStrictEqual(found.map((f) => f.code), ['momo.hardcodedSecret', 'momo.hardcodedSecret']);
      assert.strictEqual(found[0].fixes[0].title, 'Add .env to .gitignore');
      assert.strictEqual(found[0].fixes[0].gitignore?.create, true);
    });

    it('marks a known production secret as an error, whatever its shape', () => {
      const [finding] = find(py('MOMO_API_KEY = "prod-key-123"\n'), { knownProductionSecrets: ['prod-key-123'], dotenvLoadedElsewhere: true });
      assert.strictEqual(finding.code, 'momo.hardcodedSecret');
      assert.strictEqual(finding.severity, 'error');
      assert.ok(finding.message.startsWith('A production'));
    });

    it('moves a JSON value to .env under the .NET environment name', () => {
      const text = `{\n  "MomoApiOptions": {\n    "SubscriptionKey": "${HEX}"\n  }\n}\n`;
      const finding = find(json(text)).find((f) => f.code === 'momo.hardcodedSecret')!;
      assert.strictEqual(applyEdits(text, finding.fixes[0].edits), text.replace(`"${HEX}"`, '""'));
      assert.strictEqual(applyEdits('', finding.fixes[0].dotenv!.edits), `# MTN MoMo API credentials\nMomoApiOptions__SubscriptionKey=${HEX}\n`);
    });

    it('finds keys committed in other files (shell scripts), detection only', () => {
      const found = find({ text: `#!/bin/sh\nexport MOMO_SUBSCRIPTION_KEY=${HEX}\n`, fileName: 'scripts/deploy.sh' });
      assert.deepStrictEqual(found.map((f) => f.code), ['momo.missingApiUser', 'momo.hardcodedSecret']);
      assert.deepStrictEqual(found[1].fixes, []);
    });
  });

  describe('momo.browserExposed', () => {
    for (const prefix of ['VITE_', 'NEXT_PUBLIC_', 'REACT_APP_']) {
      it(`flags ${prefix}MOMO_API_KEY and offers the server-side name`, () => {
        const text = `${prefix}MOMO_API_KEY=abc\n`;
        const [finding] = find(env(text, '.env.local'));
        assert.strictEqual(finding.code, 'momo.browserExposed');
        assert.strictEqual(finding.severity, 'error');
        assert.strictEqual(applyEdits(text, finding.fixes[0].edits), 'MOMO_API_KEY=abc\n');
      });
    }

    it('offers no rename when the server-side name exists already', () => {
      const finding = find(env('VITE_MOMO_API_KEY=abc\nMOMO_API_KEY=abc\n')).find((f) => f.code === 'momo.browserExposed')!;
      assert.deepStrictEqual(finding.fixes, []);
    });

    it('leaves non-secret browser settings alone', () => {
      assert.deepStrictEqual(codes(env('VITE_MOMO_CURRENCY=EUR\nMOMO_API_USER=x\nMOMO_API_KEY=y\n')), []);
    });
  });

  describe('momo.sandboxCurrency', () => {
    it('flags a non-EUR currency in a sandbox setup, with EUR as the fix', () => {
      const text = 'MOMO_TARGET_ENVIRONMENT=sandbox\nMOMO_CURRENCY=RWF\n';
      const [finding] = find(env(text));
      assert.strictEqual(finding.code, 'momo.sandboxCurrency');
      assert.ok(finding.message.includes('INVALID_CURRENCY') && finding.message.includes('mtnrwanda'), finding.message);
      assert.strictEqual(applyEdits(text, finding.fixes[0].edits), 'MOMO_TARGET_ENVIRONMENT=sandbox\nMOMO_CURRENCY=EUR\n');
    });

    it('recognises the sandbox by its base URL, and keeps Python quotes in the fix', () => {
      const text = 'MOMO_BASE_URL = "https://sandbox.momodeveloper.mtn.com"\nMOMO_CURRENCY = \'UGX\'\n';
      const [finding] = find(py(text));
      assert.strictEqual(applyEdits(text, finding.fixes[0].edits), text.replace("'UGX'", "'EUR'"));
    });

    it('is quiet in production', () => {
      assert.deepStrictEqual(codes(env('MOMO_TARGET_ENVIRONMENT=mtnuganda\nMOMO_CURRENCY=UGX\n')), []);
    });
  });

  describe('momo.invalidTargetEnvironment', () => {
    it('flags `production`, suggesting the environment of the configured currency first', () => {
      const text = 'MOMO_TARGET_ENVIRONMENT=production\nMOMO_CURRENCY=GHS\n';
      const [finding] = find(env(text));
      assert.strictEqual(finding.code, 'momo.invalidTargetEnvironment');
      assert.ok(finding.message.includes('Use "mtnghana"'), finding.message);
      assert.deepStrictEqual(finding.fixes.map((f) => [f.title, f.isPreferred]), [
        ['Use mtnghana (Ghana, GHS)', true],
        ['Use sandbox', false],
      ]);
      assert.strictEqual(applyEdits(text, finding.fixes[0].edits), 'MOMO_TARGET_ENVIRONMENT=mtnghana\nMOMO_CURRENCY=GHS\n');
    });

    it('maps a country name to its environment (JSON)', () => {
      const text = '{"MomoApiOptions": {"TargetEnvironment": "Uganda", "ApiUser": "u", "ApiKey": "k"}}';
      const [finding] = find(json(text));
      assert.strictEqual(applyEdits(text, finding.fixes[0].edits), text.replace('"Uganda"', '"mtnuganda"'));
    });

    it('judges generic ENVIRONMENT names only on production words', () => {
      assert.deepStrictEqual(codes(env('MOMO_ENVIRONMENT=development\nMOMO_API_USER=u\nMOMO_API_KEY=k\n')), []);
      assert.deepStrictEqual(codes(env('MOMO_ENVIRONMENT=production\nMOMO_API_USER=u\nMOMO_API_KEY=k\n')), ['momo.invalidTargetEnvironment']);
      assert.deepStrictEqual(codes(env('MOMO_TARGET_ENVIRONMENT=development\n')), ['momo.invalidTargetEnvironment']);
      assert.deepStrictEqual(codes(env('MOMO_TARGET_ENVIRONMENT=mtnivorycoast\n')), []);
    });
  });

  describe('momo.dotenvNotLoaded', () => {
    const reads = 'import os\nfrom pathlib import Path\n\nMOMO_API_USER = os.environ.get("MOMO_API_USER", "")\nMOMO_API_KEY = os.environ.get("MOMO_API_KEY", "")\n';

    it('flags reads with nothing loading .env and offers load_dotenv from python-dotenv', () => {
      const [finding] = find(py(reads));
      assert.strictEqual(finding.code, 'momo.dotenvNotLoaded');
      assert.deepStrictEqual(finding.range, { start: { line: 3, character: 32 }, end: { line: 3, character: 45 } });
      const fix = finding.fixes[0];
      assert.strictEqual(fix.packageName, 'python-dotenv');
      assert.strictEqual(
        applyEdits(reads, fix.edits),
        'import os\nfrom pathlib import Path\nfrom dotenv import load_dotenv\n\nload_dotenv()\n\nMOMO_API_USER = os.environ.get("MOMO_API_USER", "")\nMOMO_API_KEY = os.environ.get("MOMO_API_KEY", "")\n',
      );
    });

    it('counts load_dotenv, read_env and decouple as loaders, but not a commented-out call', () => {
      assert.deepStrictEqual(codes(py(`${reads}load_dotenv()\n`)), []);
      assert.deepStrictEqual(codes(py(`# load_dotenv()\n${reads}`)), ['momo.dotenvNotLoaded']);
      assert.deepStrictEqual(codes(py('from decouple import config\nMOMO_API_USER = config("MOMO_API_USER")\nMOMO_API_KEY = config("MOMO_API_KEY")\n')), []);
      assert.deepStrictEqual(codes(py(reads), { dotenvLoadedElsewhere: true }), []);
    });

    it('offers read_env() for django-environ files', () => {
      const text = 'import environ\nenv = environ.Env()\nMOMO_API_USER = env("MOMO_API_USER")\nMOMO_API_KEY = env("MOMO_API_KEY")\n';
      const [finding] = find(py(text));
      assert.strictEqual(finding.fixes[0].packageName, undefined);
      assert.strictEqual(applyEdits(text, finding.fixes[0].edits), text.replace('env = environ.Env()\n', 'env = environ.Env()\nenviron.Env.read_env()\n'));
    });
  });

  describe('Vietnam MoMo is not MTN', () => {
    const vietnam = 'MOMO_PARTNER_CODE=MOMOBKUN20180529\nMOMO_ACCESS_KEY=klm05TvNBzhg7h7j\nMOMO_SECRET_KEY=at67qH6mk8w5Y1nAyMoYKMWACiEi2bsa\nMOMO_ENDPOINT=https://test-payment.momo.vn/v2/gateway/api/create\n';

    it('produces no findings, even tracked and with a production-looking environment', () => {
      assert.deepStrictEqual(codes(env(vietnam), { tracked: true }), []);
      assert.deepStrictEqual(codes(py(`MOMO_SECRET_KEY = "${HEX}"\nMOMO_ENVIRONMENT = "production"\nMOMO_API_KEY = "${HEX}"\nMOMO_PARTNER_CODE = "X"\n`)), []);
    });

    it('still checks the MTN lines of a file that has both', () => {
      assert.deepStrictEqual(codes(env(`${vietnam}MOMO_API_USER=\nMOMO_API_KEY=k\n`)), ['momo.placeholder']);
    });
  });

  it('returns findings in document order and reads no invalid JSON', () => {
    const found = find(env(`VITE_MOMO_API_KEY=${HEX}\nMOMO_TARGET_ENVIRONMENT=production\n`), { tracked: true });
    const offsets = found.map((f) => f.startOffset);
    assert.deepStrictEqual(offsets, [...offsets].sort((a, b) => a - b));
    assert.deepStrictEqual(codes(json('{"MomoApiOptions": {"ApiUser": "your-user",')), []);
  });
});
