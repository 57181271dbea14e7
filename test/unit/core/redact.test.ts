import * as assert from 'node:assert/strict';
import { MAX_REDACTED_LENGTH, maskSecret, redactSecrets } from '../../../src/core/momo/redact';

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

  describe('the forms issue 9 found unmasked', () => {
    const PAIR = Buffer.from(`${API_USER}:${KEY}`).toString('base64');
    const leaks: Array<{ name: string; text: string; known?: string[]; gone: string[] }> = [
      { name: 'a bare base64 user:key without the word Basic', text: `header was ${PAIR} then`, gone: [PAIR.slice(4, 24)] },
      { name: 'a URL-encoded apiKey field', text: `body=apiKey%3D${KEY}&x=1`, gone: [KEY.slice(0, 12)] },
      { name: 'a URL-encoded quoted key', text: `q=%22${KEY}%22`, gone: [KEY.slice(0, 12), KEY.slice(-12)] },
      { name: 'a key followed by more hex', text: `value ${KEY}abc123`, gone: [KEY.slice(0, 12), KEY.slice(-12)] },
      { name: 'a key with more hex before it', text: `value 00ff${KEY}`, gone: [KEY.slice(0, 12)] },
      { name: 'the password in https://user:pass@host', text: 'proxy https://momo:s3cret-Pa55@proxy.example.org/x', gone: ['s3cret-Pa55'] },
      { name: 'a key as the user part of a URL', text: `https://${KEY}@proxy.example.org`, gone: [KEY.slice(0, 12)] },
      { name: 'a key with a zero-width space inside', text: `key ${KEY.slice(0, 10)}\u200b${KEY.slice(10)} end`, gone: [KEY.slice(0, 10), KEY.slice(10, 26)] },
      { name: 'a key with a zero-width joiner and a BOM inside', text: `k ${KEY.slice(0, 5)}\u200d${KEY.slice(5, 20)}\ufeff${KEY.slice(20)}`, gone: [KEY.slice(5, 20), KEY.slice(20)] },
      { name: 'a key written in full-width characters', text: `key ${fullWidth(KEY)} end`, gone: [fullWidth(KEY).slice(0, 10)] },
      { name: 'a known key of any shape, URL-encoded', text: 'k=pa%24%24w0rd%2Fxyz', known: ['pa$$w0rd/xyz'], gone: ['pa%24%24w0rd%2Fxyz'] },
      { name: 'a known key JSON-escaped', text: '{"note":"a\\\\b\\"c-secret"}', known: ['a\\b"c-secret'], gone: ['c-secret'] },
      { name: 'a known key inside base64 at any alignment', text: `x ${Buffer.from(`ab:${'s3cr3t-value-long-enough'}`).toString('base64')}`, known: ['s3cr3t-value-long-enough'], gone: [Buffer.from('ab:s3cr3t-value-long-enough').toString('base64').slice(8, 28)] },
    ];
    for (const c of leaks) {
      it(`masks ${c.name}`, () => {
        const result = redactSecrets(c.text, c.known ?? []);
        for (const secret of c.gone) assert.ok(!result.includes(secret), `${secret} still in ${result}`);
        assert.ok(result.includes('••••'), result);
      });
    }

    it('keeps the text around a masked key with invisible characters', () => {
      assert.equal(redactSecrets(`key ${KEY.slice(0, 10)}\u200b${KEY.slice(10)} end`, []), 'key ••••06f end');
    });

    it('never builds a regular expression from a known secret: a 40,000-character one is masked', () => {
      const huge = 'a('.repeat(20_000);
      const result = redactSecrets(`value ${huge} end`, [huge]);
      assert.equal(result, 'value ••••a!( end'.replace('a!(', huge.slice(-3)));
    });

    it('cuts text longer than it will read', () => {
      const result = redactSecrets('x'.repeat(MAX_REDACTED_LENGTH + 10), []);
      assert.ok(result.length < MAX_REDACTED_LENGTH + 20 && result.endsWith('(cut)'));
    });
  });
});

function fullWidth(text: string): string {
  return [...text].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
}
