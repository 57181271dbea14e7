/** planCredentialInsert as the editor and the CLI use it: modes, options, confirmations, errors. */
import * as assert from 'assert';
import { applyEdits, applyPlan, planCredentialInsert, resolveMode, type CredentialValues } from '../../../src/core/settings';

const VALUES: CredentialValues = { apiUser: '3b0d5f2c-8e1a-4c7b-9f6d-2a4e8c1b7d95', apiKey: '7c9e2b4f1a3d5e6f8b0c2d4e6f8a0b1c' };

describe('planCredentialInsert', () => {
  it('defaults to reference for tracked source files and to value for .env and untracked files', () => {
    assert.strictEqual(resolveMode('python', {}), 'reference');
    assert.strictEqual(resolveMode('json', {}), 'reference');
    assert.strictEqual(resolveMode('python', { tracked: false }), 'value');
    assert.strictEqual(resolveMode('python', { ignored: true }), 'value');
    assert.strictEqual(resolveMode('dotenv', { mode: 'reference' }), 'value');
    assert.strictEqual(resolveMode('python', { tracked: false, mode: 'reference' }), 'reference');
  });

  it('uses the configured names when the file has none', () => {
    const plan = planCredentialInsert({ text: '', fileName: '.env' }, VALUES, { names: { apiUser: 'PAY_USER', apiKey: 'PAY_KEY' } });
    assert.strictEqual(applyPlan('', plan), `# MTN MoMo API credentials\nPAY_USER=${VALUES.apiUser}\nPAY_KEY=${VALUES.apiKey}\n`);
  });

  it('writes only the API user when there is no key yet', () => {
    const plan = planCredentialInsert({ text: 'MOMO_API_USER=\nMOMO_API_KEY=\n', fileName: '.env' }, { apiUser: VALUES.apiUser });
    assert.strictEqual(applyPlan('MOMO_API_USER=\nMOMO_API_KEY=\n', plan), `MOMO_API_USER=${VALUES.apiUser}\nMOMO_API_KEY=\n`);
  });

  it('uses the configured JSON section and keys', () => {
    const plan = planCredentialInsert({ text: '{}', fileName: 'appsettings.json' }, VALUES, {
      mode: 'value',
      jsonSection: 'Mtn',
      jsonNames: { apiUser: 'UserId', apiKey: 'Secret' },
    });
    assert.strictEqual(applyPlan('{}', plan), `{\n  "Mtn": {\n    "UserId": "${VALUES.apiUser}",\n    "Secret": "${VALUES.apiKey}"\n  }\n}`);
  });

  it('answers unsupported files and invalid JSON with a clear error and no edits', () => {
    const yaml = planCredentialInsert({ text: 'a: 1\n', fileName: 'momo.yaml' }, VALUES);
    assert.strictEqual(yaml.ok, false);
    assert.strictEqual(yaml.dialect, 'unsupported');
    assert.ok(yaml.error?.includes('not supported yet'));
    const broken = planCredentialInsert({ text: '{\n  "a": 1,\n  "b" 2\n}', fileName: 'appsettings.json' }, VALUES, { mode: 'value' });
    assert.strictEqual(broken.ok, false);
    assert.ok(broken.error?.includes('line 3, column 7'), broken.error);
    assert.deepStrictEqual(broken.edits, []);
  });

  it('refuses a Python file with an unclosed bracket or string rather than append inside it', () => {
    const plan = planCredentialInsert({ text: 'import os\nITEMS = [\n    1,\n', fileName: 'settings.py' }, VALUES, { mode: 'value' });
    assert.strictEqual(plan.ok, false);
    assert.ok(plan.error?.includes('opened on line 2'), plan.error);
    assert.strictEqual(planCredentialInsert({ text: 'A = """doc\n', fileName: 'settings.py' }, VALUES).ok, false);
  });

  it('refuses an empty API user', () => {
    assert.strictEqual(planCredentialInsert({ text: '', fileName: '.env' }, { apiUser: ' ' }).ok, false);
  });

  it('asks before writing a production key literally into a tracked file, and only then', () => {
    const doc = { text: 'MOMO_API_USER = ""\n', fileName: 'settings.py' };
    const production = { ...VALUES, production: true };
    assert.ok(planCredentialInsert(doc, production, { mode: 'value' }).needsConfirmation);
    assert.strictEqual(planCredentialInsert(doc, production, { mode: 'value', tracked: false }).needsConfirmation, undefined);
    assert.strictEqual(planCredentialInsert(doc, production).needsConfirmation, undefined, 'reference mode keeps it out of the file');
    assert.strictEqual(planCredentialInsert({ text: '', fileName: '.env' }, production).needsConfirmation, undefined);
    assert.ok(planCredentialInsert({ text: '', fileName: '.env' }, production, { tracked: true }).needsConfirmation);
  });

  it('plans .gitignore from its text, or trusts git, or says to check it', () => {
    const doc = { text: 'import os\n', fileName: 'settings.py' };
    assert.strictEqual(planCredentialInsert(doc, VALUES, { gitignoreText: '.env*\n' }).gitignore, undefined);
    assert.strictEqual(planCredentialInsert(doc, VALUES, { gitignoreText: 'dist/\n', dotenvIgnored: true }).gitignore, undefined);
    const planned = planCredentialInsert(doc, VALUES, { gitignoreText: 'dist/\n' });
    assert.strictEqual(applyEdits('dist/\n', planned.gitignore?.edits ?? []), 'dist/\n.env\n');
    const unknown = planCredentialInsert(doc, VALUES);
    assert.strictEqual(unknown.gitignore, undefined);
    assert.ok(unknown.notices.some((n) => n.includes('.gitignore')));
  });

  it('names the .env it writes and whether it must be created', () => {
    const plan = planCredentialInsert({ text: 'import os\n', fileName: 'settings.py' }, VALUES, { dotenv: { text: 'A=1\n', fileName: '/proj/.env.local' } });
    assert.deepStrictEqual([plan.dotenv?.fileName, plan.dotenv?.create], ['/proj/.env.local', false]);
    assert.deepStrictEqual(plan.envNames, { apiUser: 'MOMO_API_USER', apiKey: 'MOMO_API_KEY' });
    assert.strictEqual(plan.changed, true);
  });

  it('reports nothing to change when everything is in place', () => {
    const text = `MOMO_API_USER=${VALUES.apiUser}\nMOMO_API_KEY=${VALUES.apiKey}\n`;
    const plan = planCredentialInsert({ text, fileName: '.env' }, VALUES);
    assert.deepStrictEqual([plan.changed, plan.edits.length], [false, 0]);
  });

  it('leaves computed values alone and says so', () => {
    const text = 'MOMO_API_USER = get_secret("momo-user")\nMOMO_API_KEY = get_secret("momo-key")\n';
    const plan = planCredentialInsert({ text, fileName: 'settings.py' }, VALUES, { mode: 'value' });
    assert.deepStrictEqual(plan.edits, []);
    assert.strictEqual(plan.notices.length, 2);
    assert.ok(plan.notices[0].includes('computed by an expression'));
  });

  it('escapes values that need it in every dialect', () => {
    const odd: CredentialValues = { apiUser: 'a"b\\c', apiKey: "it's # x" };
    const python = planCredentialInsert({ text: '', fileName: 'settings.py' }, odd, { mode: 'value' });
    assert.strictEqual(applyPlan('', python), `# MTN MoMo API credentials\nMOMO_API_USER = "a\\"b\\\\c"\nMOMO_API_KEY = "it's # x"\n`);
    const dotenv = planCredentialInsert({ text: '', fileName: '.env' }, odd);
    assert.strictEqual(applyPlan('', dotenv), `# MTN MoMo API credentials\nMOMO_API_USER="a\\"b\\\\c"\nMOMO_API_KEY="it's # x"\n`);
    const json = planCredentialInsert({ text: '{}', fileName: 'appsettings.json' }, odd, { mode: 'value' });
    assert.deepStrictEqual(JSON.parse(applyPlan('{}', json)).MomoApiOptions, { ApiUser: odd.apiUser, ApiKey: odd.apiKey });
  });
});
