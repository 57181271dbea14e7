import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyPlan, planCredentialInsert, subscriptionKeySlot } from '../../../src/core/settings';

const KEY = '604eefeda5a9f82c1d33fcb6eb24206f';
const OTHER = '5b2e8d4a9c1f47e3b6d0a8c2e4f61937';
const py = (text: string) => ({ text, fileName: 'settings.py' });

describe('settings: the subscription-key slot of a settings file', () => {
  it('tells empty, placeholder, same, different, environment-only and missing apart', () => {
    assert.equal(subscriptionKeySlot(py('MOMO_SUBSCRIPTION_KEY = ""\n'), KEY), 'empty');
    assert.equal(subscriptionKeySlot(py('MOMO_SUBSCRIPTION_KEY = os.environ.get("MOMO_SUBSCRIPTION_KEY", "")\n'), KEY), 'empty');
    assert.equal(subscriptionKeySlot(py('MOMO_SUBSCRIPTION_KEY = "your-subscription-key"\n'), KEY), 'placeholder');
    assert.equal(subscriptionKeySlot(py(`MOMO_SUBSCRIPTION_KEY = "${KEY}"\n`), KEY), 'same');
    assert.equal(subscriptionKeySlot(py(`MOMO_COLLECTION_SUBSCRIPTION_KEY = os.environ.get("X", "${OTHER}")\n`), KEY), 'different');
    assert.equal(subscriptionKeySlot(py('MOMO_SUBSCRIPTION_KEY = os.environ["MOMO_SUBSCRIPTION_KEY"]\n'), KEY), 'environment');
    assert.equal(subscriptionKeySlot(py('MOMO_API_USER = ""\n'), KEY), 'none');
    assert.equal(subscriptionKeySlot({ text: 'MOMO_SUBSCRIPTION_KEY=\n', fileName: '.env' }, KEY), 'empty');
  });

  it('the sample project: an alias of an empty env read is empty, and filling it writes the key where the value lives', () => {
    const file = path.join(__dirname, '../../../../test/fixtures/workspace/mysite/settings.py');
    const doc = py(fs.readFileSync(file, 'utf8'));
    assert.equal(subscriptionKeySlot(doc, KEY), 'empty');
    const values = { apiUser: '5b9c5f3e-6f1e-4d4e-9d2a-1c2b3c4d5e6f', apiKey: '0123456789abcdef0123456789abcdef', subscriptionKey: KEY, product: 'collection' as const };
    const plan = planCredentialInsert(doc, values, { mode: 'value', tracked: false });
    assert.equal(plan.ok, true);
    assert.deepEqual(plan.notices, []);
    const written = applyPlan(doc.text, plan);
    assert.match(written, /^MOMO_SUBSCRIPTION_KEY = os\.environ\.get\("MOMO_SUBSCRIPTION_KEY", "604eefeda5a9f82c1d33fcb6eb24206f"\)$/m);
    assert.match(written, /^MOMO_COLLECTION_PRIMARY_KEY = MOMO_SUBSCRIPTION_KEY$/m);
    assert.equal(subscriptionKeySlot({ ...doc, text: written }, KEY), 'same');
  });
});
