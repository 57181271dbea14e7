import * as assert from 'node:assert/strict';
import { maskSecret, redactSecrets } from '../../../src/core/momo/redact';

const KEY = '604eefeda5a9f82c1d33fcb6eb24206f';
const API_USER = '3f2b8c1e-7d4a-4e6b-9c0d-5a1b2c3d4e5f';
const JWT = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJjbGllbnRJZCI6IjEyMyJ9.c2lnbmF0dXJlLXZhbHVlLWhlcmU';

describe('core/momo redact', () => {
  it('maskSecret shows at most the last 3 characters', () => {
    assert.equal(maskSecret(KEY), '••••06f');
    assert.equal(maskSecret('short'), '••••');
    assert.equal(maskSecret(''), '••••');
  });

  const cases: Array<{ name: string; text: string; known?: string[]; gone: string[]; kept?: string[] }> = [
    { name: 'a known secret of any shape', text: 'password is hunter2-xyz!', known: ['hunter2-xyz!'], gone: ['hunter2-xyz!'] },
    { name: 'a known secret in another case', text: `key ${KEY.toUpperCase()}`, known: [KEY], gone: [KEY.toUpperCase()] },
    { name: 'an unknown 32-hex key', text: `subscription ${KEY} used`, gone: [KEY], kept: ['subscription', 'used'] },
    { name: 'a Bearer token', text: `Authorization: Bearer ${JWT}`, gone: [JWT, JWT.slice(0, 20)], kept: ['Bearer'] },
    { name: 'a bare JWT', text: `token=${JWT}`, gone: [JWT.slice(0, 30)] },
    { name: 'a Basic credential', text: `Authorization: Basic ${Buffer.from(`${API_USER}:${KEY}`).toString('base64')}`, gone: [Buffer.from(`${API_USER}:${KEY}`).toString('base64').slice(0, 20)], kept: ['Basic'] },
    { name: 'a JSON apiKey field of another shape', text: '{"apiKey":"not-hex-but-secret-123"}', gone: ['not-hex-but-secret-123'] },
    { name: 'the subscription key header of a wrong length', text: 'Ocp-Apim-Subscription-Key: abc123abc123abc', gone: ['abc123abc123abc'] },
    { name: 'a dotenv line', text: 'MOMO_API_KEY=abcdefabcdef0123', gone: ['abcdefabcdef0123'], kept: ['MOMO_API_KEY='] },
  ];
  for (const c of cases) {
    it(`masks ${c.name}`, () => {
      const result = redactSecrets(c.text, c.known ?? []);
      for (const secret of c.gone) assert.ok(!result.includes(secret), `${secret} still in ${result}`);
      for (const text of c.kept ?? []) assert.ok(result.includes(text), `${text} lost from ${result}`);
      assert.ok(result.includes('••••'), result);
    });
  }

  it('leaves prose about Basic and Bearer credentials readable', () => {
    const text = 'This is a Basic authorization value, not a Bearer access token.';
    assert.equal(redactSecrets(text, []), text);
  });

  it('keeps API user ids (UUIDs are not secrets) and ordinary text', () => {
    const text = `API user ${API_USER} created on sandbox.momodeveloper.mtn.com in 120 ms`;
    assert.equal(redactSecrets(text, []), text);
  });

  it('shows the last 3 characters of a masked key and nothing more', () => {
    assert.equal(redactSecrets(`key=${KEY}`, [KEY]), 'key=••••06f');
    assert.equal(redactSecrets(`the key ${KEY}.`, []), 'the key ••••06f.');
  });

  it('masks a longer secret whole even when a shorter known one is inside it', () => {
    const long = `${KEY}-extra-part`;
    const result = redactSecrets(`value ${long}`, [KEY, long]);
    assert.ok(!result.includes('extra-part'), result);
  });
});
