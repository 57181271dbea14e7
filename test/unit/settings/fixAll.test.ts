import * as assert from 'node:assert/strict';
import { applyEdits, detectFindings, planMoveAllSecrets, type FindingOptions } from '../../../src/core/settings';

const KEY = '5a1b9c3d4e5f60718293a4b5c6d7e8f9';
const USER = '8d3c1f0a-2b4e-4c6d-9e8f-0a1b2c3d4e5f';
const API_KEY = 'f0e1d2c3b4a5968778695a4b3c2d1e0f';
const TEXT = [
  'import os',
  '',
  'MOMO_BASE_URL = "https://sandbox.momodeveloper.mtn.com"',
  `MOMO_SUBSCRIPTION_KEY = "${KEY}"`,
  `MOMO_API_USER = "${USER}"`,
  `MOMO_API_KEY = '${API_KEY}'`,
  'DEBUG = True',
  '',
].join('\n');
const doc = (text = TEXT) => ({ text, fileName: '/project/settings.py' });
const TRACKED: FindingOptions = { tracked: true, gitignoreText: null, dotenvLoadedElsewhere: true };

describe('settings: "Fix all in file" moves every committed secret to .env at once', () => {
  it('plans one edit per file that moves all three and keeps every value', () => {
    const plan = planMoveAllSecrets(doc(), TRACKED);
    assert.ok(plan);
    assert.equal(plan.fix.title, 'Fix all in file: move 3 secrets to .env');
    assert.deepEqual(plan.moved.map((m) => [m.name, m.role]), [['MOMO_SUBSCRIPTION_KEY', 'subscriptionKey'], ['MOMO_API_USER', 'apiUser'], ['MOMO_API_KEY', 'apiKey']]);
    assert.deepEqual(plan.left, []);
    assert.equal(plan.fix.edits.length, 1);
    const settings = applyEdits(TEXT, plan.fix.edits);
    for (const secret of [KEY, USER, API_KEY]) assert.ok(!settings.includes(secret), 'a secret stayed in settings.py');
    assert.match(settings, /^MOMO_API_KEY = os\.environ\.get\("MOMO_API_KEY", ""\)$/m);
    assert.match(settings, /^MOMO_BASE_URL = "https:\/\/sandbox\.momodeveloper\.mtn\.com"\nMOMO_SUBSCRIPTION_KEY = os\.environ/m);
    assert.match(settings, /\nDEBUG = True\n$/);
    assert.equal(plan.fix.dotenv?.create, true);
    assert.equal(plan.fix.dotenv?.edits.length, 1);
    const dotenv = applyEdits('', plan.fix.dotenv?.edits ?? []);
    for (const line of [`MOMO_SUBSCRIPTION_KEY=${KEY}`, `MOMO_API_USER=${USER}`, `MOMO_API_KEY=${API_KEY}`]) assert.ok(dotenv.split('\n').includes(line), `.env lacks ${line.split('=')[0]}`);
    assert.equal(applyEdits('', plan.fix.gitignore?.edits ?? []), '.env\n');
    // Nothing committed is left for the diagnostics to find.
    assert.deepEqual(detectFindings(doc(settings), { ...TRACKED, dotenv: { text: dotenv, fileName: '/project/.env' }, gitignoreText: '.env\n' }).filter((f) => f.code === 'momo.hardcodedSecret'), []);
  });

  it('edits an existing .env and .gitignore in one span each, keeping what they hold', () => {
    const options = { ...TRACKED, dotenv: { text: 'DEBUG=1\r\nSECRET_KEY=abc\r\n', fileName: '/project/.env' }, gitignoreText: '__pycache__/\n' };
    const plan = planMoveAllSecrets(doc(), options);
    assert.ok(plan);
    assert.equal(plan.fix.dotenv?.create, false);
    const dotenv = applyEdits(options.dotenv.text, plan.fix.dotenv?.edits ?? []);
    assert.ok(dotenv.startsWith('DEBUG=1\r\nSECRET_KEY=abc\r\n'), dotenv);
    assert.ok(dotenv.includes(`MOMO_API_KEY=${API_KEY}\r\n`));
    assert.equal(applyEdits(options.gitignoreText, plan.fix.gitignore?.edits ?? []), '__pycache__/\n.env\n');
  });

  it('leaves a secret whose name .env already sets, and says so, rather than lose a value', () => {
    const options = { ...TRACKED, dotenv: { text: 'MOMO_API_KEY=0123456789abcdef0123456789abcdef\n', fileName: '/project/.env' }, gitignoreText: '.env\n' };
    const plan = planMoveAllSecrets(doc(), options);
    assert.ok(plan);
    assert.deepEqual(plan.moved.map((m) => m.name), ['MOMO_SUBSCRIPTION_KEY', 'MOMO_API_USER']);
    assert.deepEqual(plan.left, ['MOMO_API_KEY']);
    assert.ok(applyEdits(TEXT, plan.fix.edits).includes(API_KEY), 'the API key was dropped');
    assert.ok(applyEdits(options.dotenv.text, plan.fix.dotenv?.edits ?? []).startsWith('MOMO_API_KEY=0123456789abcdef0123456789abcdef\n'));
    assert.equal(plan.fix.gitignore, undefined);
  });

  it('is not offered for a single secret, or for a file git does not track', () => {
    const one = TEXT.replace(`"${KEY}"`, 'os.environ.get("MOMO_SUBSCRIPTION_KEY", "")').replace(`"${USER}"`, 'os.environ.get("MOMO_API_USER", "")');
    assert.equal(planMoveAllSecrets(doc(one), TRACKED), undefined);
    assert.equal(planMoveAllSecrets(doc(), { ...TRACKED, tracked: false }), undefined);
  });
});
