/**
 * Django settings that keep MoMo credentials in a dict (issue 10 §3): the dict the app reads is
 * filled in its own quoting (display, dict(...), nested per product), or the plan is refused
 * with the reason; never new top-level names beside an empty dict. Plus the JSON refusals.
 */
import * as assert from 'assert';
import { applyEdits, applyPlan, planCredentialInsert, type CredentialValues, type PlanOptions } from '../../../src/core/settings';

const VALUES: CredentialValues = { apiUser: '3b0d5f2c-8e1a-4c7b-9f6d-2a4e8c1b7d95', apiKey: '7c9e2b4f1a3d5e6f8b0c2d4e6f8a0b1c', product: 'collection' };
const U = VALUES.apiUser;
const K = VALUES.apiKey;

function written(text: string, options: PlanOptions, values = VALUES): { text: string; dotenv?: string; notices: string[] } {
  const plan = planCredentialInsert({ text, fileName: 'settings.py' }, values, { tracked: false, ...options });
  assert.ok(plan.ok, plan.error);
  const after = applyPlan(text, plan);
  const again = planCredentialInsert({ text: after, fileName: 'settings.py' }, values, {
    tracked: false,
    ...options,
    ...(plan.dotenv ? { dotenv: { text: applyEdits('', plan.dotenv.edits), fileName: '.env' } } : {}),
  });
  assert.deepStrictEqual(again.edits, [], 'planning the result again changes nothing');
  return { text: after, dotenv: plan.dotenv && applyEdits('', plan.dotenv.edits), notices: plan.notices };
}

describe('settings planner: MoMo settings in a dict', () => {
  it('fills MOMO = {"API_USER": "", "API_KEY": ""} in value mode, in its quotes', () => {
    const result = written('MOMO = {"API_USER": "", "API_KEY": ""}\n', { mode: 'value' });
    assert.strictEqual(result.text, `MOMO = {"API_USER": "${U}", "API_KEY": "${K}"}\n`);
    assert.ok(result.notices.some((n) => n.includes('the dict MOMO')));
  });

  it('fills dict(...) keyword entries with single quotes', () => {
    assert.strictEqual(written("MOMO = dict(API_USER='', API_KEY='')\n", { mode: 'value' }).text, `MOMO = dict(API_USER='${U}', API_KEY='${K}')\n`);
  });

  it('reference mode: the entries read the environment, the values go to .env', () => {
    const result = written('MOMO = {"API_USER": "your-api-user", "API_KEY": None}\n', { mode: 'reference' });
    assert.strictEqual(result.text, 'import os\n\nMOMO = {"API_USER": os.environ.get("MOMO_API_USER", ""), "API_KEY": os.environ.get("MOMO_API_KEY", "")}\n');
    assert.strictEqual(result.dotenv, `# MTN MoMo API credentials\nMOMO_API_USER=${U}\nMOMO_API_KEY=${K}\n`);
  });

  it('fills the product\'s dict of a nested one and leaves the others alone', () => {
    const text = [
      'PAYMENTS = {',
      "    'mtn_momo': {",
      "        'collection': {'api_user': '', 'api_key': ''},",
      "        'disbursement': {'api_user': '', 'api_key': ''},",
      '    },',
      '}',
      '',
    ].join('\n');
    const result = written(text, { mode: 'value' }, { ...VALUES, product: 'disbursement' });
    assert.strictEqual(result.text, text.replace("'disbursement': {'api_user': '', 'api_key': ''}", `'disbursement': {'api_user': '${U}', 'api_key': '${K}'}`));
  });

  it('adds a missing entry beside its partner, one per line when the dict has one per line', () => {
    const text = "MOMO = {\n    'API_USER': '',  # from the portal\n    'ENV': 'sandbox'\n}\n";
    assert.strictEqual(written(text, { mode: 'value' }).text, `MOMO = {\n    'API_USER': '${U}',  # from the portal\n    'API_KEY': '${K}',\n    'ENV': 'sandbox'\n}\n`);
    const last = "MOMO = {\n    'ENV': 'sandbox',\n    'API_USER': ''\n}\n";
    assert.strictEqual(written(last, { mode: 'value' }).text, `MOMO = {\n    'ENV': 'sandbox',\n    'API_USER': '${U}',\n    'API_KEY': '${K}'\n}\n`);
  });

  it('value mode keeps an entry that reads the environment without a default; its value goes to .env', () => {
    const text = 'import os\nMOMO = {"API_USER": "", "API_KEY": os.environ["MOMO_API_KEY"]}\n';
    const result = written(text, { mode: 'value' });
    assert.strictEqual(result.text, `import os\nMOMO = {"API_USER": "${U}", "API_KEY": os.environ["MOMO_API_KEY"]}\n`);
    assert.strictEqual(result.dotenv, `# MTN MoMo API credentials\nMOMO_API_KEY=${K}\n`);
  });

  it('refuses an entry computed by an expression, and a MoMo dict without credential entries', () => {
    const computed = planCredentialInsert({ text: "MOMO = {\n    'API_USER': '',\n    'API_KEY': vault('momo'),\n}\n", fileName: 'settings.py' }, VALUES, { mode: 'value' });
    assert.strictEqual(computed.ok, false);
    assert.match(String(computed.error), /MOMO\['API_KEY'\] \(line 3\) is computed by an expression/);
    assert.deepStrictEqual(computed.edits, []);
    const empty = planCredentialInsert({ text: 'MOMO = {}\n', fileName: 'settings.py' }, VALUES, { mode: 'value' });
    assert.strictEqual(empty.ok, false);
    assert.match(String(empty.error), /MOMO \(line 1\) holds the MoMo settings as a dict, but it has no API user or API key entry/);
  });

  it('never loops on stray closing brackets inside a MoMo dict', () => {
    for (const text of ['MOMO = { ) }\n', 'MOMO = {"API_USER": ]}\n', 'MOMO = dict(] )\n', 'MOMO = dict(API_USER=)\n', 'MOMO = { ] ) , : }\n']) {
      const plan = planCredentialInsert({ text, fileName: 'settings.py' }, VALUES, { mode: 'value' });
      assert.strictEqual(typeof plan.ok, 'boolean', text);
    }
  });

  it('leaves top-level settings files as they were (no dict, no change of behaviour)', () => {
    const text = 'MOMO_API_USER = ""\nMOMO_API_KEY = ""\nOTHER = {"a": 1}\n';
    assert.strictEqual(written(text, { mode: 'value' }).text, `MOMO_API_USER = "${U}"\nMOMO_API_KEY = "${K}"\nOTHER = {"a": 1}\n`);
  });
});

describe('settings planner: which JSON files are written', () => {
  it('refuses a JSON file that is neither appsettings*.json nor holds a MoMo section', () => {
    const plan = planCredentialInsert({ text: '{ "name": "shop" }', fileName: 'package.json' }, VALUES, { mode: 'value' });
    assert.strictEqual(plan.ok, false);
    assert.match(String(plan.error), /package\.json is not a settings file .*Supported: .*appsettings\*\.json, or a \.json file that already has a MoMo section/);
    assert.strictEqual(planCredentialInsert({ text: '{}', fileName: 'appsettings.Production.json' }, VALUES, { mode: 'value' }).ok, true);
    assert.strictEqual(planCredentialInsert({ text: '{ "Mtn": { "ApiUser": "" } }', fileName: 'config.json' }, VALUES, { mode: 'value' }).ok, true);
  });

  it('refuses duplicate MoMo sections at any level, whatever their case', () => {
    const top = planCredentialInsert({ text: '{\n"MoMo": {"ApiUser": ""},\n"momo": {"ApiKey": ""}\n}', fileName: 'appsettings.json' }, VALUES, { mode: 'value' });
    assert.strictEqual(top.ok, false);
    assert.match(String(top.error), /2 "MoMo" sections \(lines 2 and 3\)/);
    const nested = planCredentialInsert({ text: '{"Pay": {"MoMo": {"ApiUser": ""}}, "Pay": {"MoMo": {"ApiUser": ""}}}', fileName: 'appsettings.json' }, VALUES, { mode: 'value' });
    assert.strictEqual(nested.ok, false);
    assert.match(String(nested.error), /2 "Pay" sections/);
  });
});
