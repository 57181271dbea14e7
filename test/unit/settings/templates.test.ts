/**
 * Template files (.env.example and friends) are committed on purpose: their empty values are not
 * findings, nothing is ever filled into them, but a real secret pasted into one is still a leak.
 */
import * as assert from 'assert';
import { detectFindings, isTemplateFileName, planCredentialInsert } from '../../../src/core/settings';

const SUBSCRIPTION_KEY = '5b2e8d4a9c1f47e3b6d0a8c2e4f61937';
const TEMPLATE = 'MOMO_SUBSCRIPTION_KEY=\nMOMO_API_USER=\nMOMO_API_KEY=\nMOMO_TARGET_ENVIRONMENT=sandbox\n';
const VALUES = { apiUser: '0d6c1f7e-2b4a-4e8d-9c3b-5a7f1e2d4c6b', apiKey: '7c9e2b4f1a3d5e6f8b0c2d4e6f8a0b1c' };

describe('settings templates', () => {
  it('recognises template names and leaves real settings files alone', () => {
    for (const name of ['.env.example', 'inzulink/.env.sample', 'example.env', '.env.template', '.env.dist', 'settings.example.py', 'appsettings.Template.json']) {
      assert.strictEqual(isTemplateFileName(name), true, name);
    }
    for (const name of ['.env', '.env.local', '.env.production', 'settings.py', 'appsettings.Development.json', 'examples/settings.py']) {
      assert.strictEqual(isTemplateFileName(name), false, name);
    }
  });

  it('reports no placeholder in a template, but does in the same text as .env', () => {
    const inTemplate = detectFindings({ text: TEMPLATE, fileName: '.env.example' }).map((f) => f.code);
    assert.ok(!inTemplate.includes('momo.placeholder'), inTemplate.join(','));
    const inDotenv = detectFindings({ text: TEMPLATE, fileName: '.env' }).map((f) => f.code);
    assert.ok(inDotenv.includes('momo.placeholder'), inDotenv.join(','));
  });

  it('still flags a real secret pasted into a tracked template', () => {
    const text = TEMPLATE.replace('MOMO_SUBSCRIPTION_KEY=', `MOMO_SUBSCRIPTION_KEY=${SUBSCRIPTION_KEY}`);
    const found = detectFindings({ text, fileName: '.env.example' }, { tracked: true, ignored: false });
    assert.ok(found.some((f) => f.code === 'momo.hardcodedSecret'), found.map((f) => f.code).join(','));
  });

  it('refuses to write credentials into a template and says where they go instead', () => {
    const plan = planCredentialInsert({ text: TEMPLATE, fileName: '.env.example' }, VALUES, { mode: 'value' });
    assert.strictEqual(plan.ok, false);
    assert.deepStrictEqual(plan.edits, []);
    assert.match(plan.error ?? '', /template.*copy \.env\.example to \.env/s);
    assert.ok(!(plan.error ?? '').includes(VALUES.apiKey));
  });
});
