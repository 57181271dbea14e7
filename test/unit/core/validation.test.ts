import * as assert from 'node:assert/strict';
import {
  Validation,
  validateApiKey,
  validateApiUser,
  validateBaseUrl,
  validateCallbackHost,
  validateSubscriptionKey,
  validateTargetEnvironment,
} from '../../../src/core/momo/validation';

const KEY = '604eefeda5a9f82c1d33fcb6eb24206f';
const UUID4 = '3f2b8c1e-7d4a-4e6b-9c0d-5a1b2c3d4e5f';
const JWT = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJjbGllbnRJZCI6IjEyMyJ9.c2lnbmF0dXJl';
const BASIC = Buffer.from(`${UUID4}:${KEY}`).toString('base64');

/** ok: expected normalised value; fail: a RegExp the message must match. */
type Case = [input: string, expected: { value: string; notice?: RegExp } | RegExp];

function runTable(name: string, validate: (raw: string) => Validation, cases: Case[]): void {
  describe(name, () => {
    for (const [input, expected] of cases) {
      const label = JSON.stringify(input.length > 50 ? `${input.slice(0, 47)}...` : input);
      if (expected instanceof RegExp) {
        it(`refuses ${label}`, () => {
          const result = validate(input);
          assert.equal(result.ok, false, `expected a refusal, got ${JSON.stringify(result)}`);
          if (!result.ok) assert.match(result.message, expected);
        });
      } else {
        it(`accepts ${label} as ${JSON.stringify(expected.value)}`, () => {
          const result = validate(input);
          assert.equal(result.ok, true, `expected ok, got ${JSON.stringify(result)}`);
          if (result.ok) {
            assert.equal(result.value, expected.value);
            if (expected.notice) assert.match(result.notice ?? '', expected.notice);
            else assert.equal(result.notice, undefined);
          }
        });
      }
    }
  });
}

describe('core/momo validation', () => {
  runTable('validateSubscriptionKey', validateSubscriptionKey, [
    [KEY, { value: KEY }],
    [`  ${KEY}  `, { value: KEY }],
    [`"${KEY}"`, { value: KEY, notice: /quotes/ }],
    [`'${KEY}'`, { value: KEY, notice: /quotes/ }],
    [`“${KEY}”`, { value: KEY, notice: /quotes/ }],
    [KEY.toUpperCase(), { value: KEY, notice: /lowercase/ }],
    [`Ocp-Apim-Subscription-Key: ${KEY}`, { value: KEY, notice: /after the name/ }],
    [`MOMO_SUBSCRIPTION_KEY="${KEY}"`, { value: KEY, notice: /after the name/ }],
    [`\u200b${KEY}\n`, { value: KEY }],
    ['', /Enter the subscription key.*momodeveloper\.mtn\.com/],
    ['   ', /Enter the subscription key/],
    ['""', /Enter the subscription key/],
    [UUID4, /^36 characters with dashes: this looks like an API user id, not a subscription key\.$/],
    [JWT, /access token.*not a subscription key/],
    [`Bearer ${JWT}`, /access token/],
    [`Basic ${BASIC}`, /Basic authorization value/],
    [BASIC, /Basic authorization value/],
    [KEY.slice(0, 31), /^31 characters: .*32 hexadecimal.*missing/],
    [`${KEY}a`, /^33 characters: .*extra/],
    [`${KEY.slice(0, 31)}z`, /^32 characters including "z"/],
    [`${KEY.slice(0, 16)} ${KEY.slice(16)}`, /spaces/],
    // Issue 9: a huge value gets the normal wrong-length message, without any pattern looking at it.
    ['a'.repeat(40_000), /^40000 characters: a subscription key has exactly 32 hexadecimal characters/],
  ]);

  runTable('validateApiKey', validateApiKey, [
    [KEY, { value: KEY }],
    [` '${KEY.toUpperCase()}' `, { value: KEY, notice: /quotes.*lowercase/ }],
    ['f1db798c98df4bcf83b538175893bbf0', { value: 'f1db798c98df4bcf83b538175893bbf0', notice: /example API key/ }],
    [UUID4, /API user id, not an API key/],
    [JWT, /access token.*not an API key/],
    ['abc', /^3 characters: an API key has exactly 32 hexadecimal characters/],
    ['', /Enter the API key/],
  ]);

  runTable('validateApiUser', validateApiUser, [
    [UUID4, { value: UUID4 }],
    [UUID4.toUpperCase(), { value: UUID4, notice: /lowercase/ }],
    [`{${UUID4}}`, { value: UUID4, notice: /braces/ }],
    [`"${UUID4}"`, { value: UUID4, notice: /quotes/ }],
    ['81660f34-0fda-4873-9fbd-057d8ecf1b98', { value: '81660f34-0fda-4873-9fbd-057d8ecf1b98', notice: /example API user/ }],
    ['', /Enter the API user id/],
    [KEY, /32 hexadecimal characters without dashes: this looks like a key/],
    ['3f2b8c1e-7d4a-1e6b-9c0d-5a1b2c3d4e5f', /UUID version 1, but MoMo requires version 4/],
    ['3f2b8c1e-7d4a-7e6b-9c0d-5a1b2c3d4e5f', /UUID version 7/],
    ['3f2b8c1e-7d4a-4e6b-1c0d-5a1b2c3d4e5f', /variant/],
    ['3f2b8c1e-7d4a-4e6b-9c0d-5a1b2c3d4e5', /35 characters: an API user id has 36/],
    ['LISTING-12-ab', /not a UUID/],
    [JWT, /access token/],
    [BASIC, /Basic authorization value/],
  ]);

  describe('validateCallbackHost', () => {
    runTable('sandbox', (raw) => validateCallbackHost(raw), [
      ['example.com', { value: 'example.com' }],
      ['Callback.Example.COM', { value: 'callback.example.com' }],
      ['localhost', { value: 'localhost' }],
      ['https://example.com/momo/callback?x=1', { value: 'example.com', notice: /Reduced the URL to its host "example\.com"/ }],
      ['http://webhook.site', { value: 'webhook.site', notice: /not a URL/ }],
      ['example.com:8443', { value: 'example.com', notice: /port/ }],
      ['10.0.0.7', { value: '10.0.0.7' }],
      ['', /Enter the callback host/],
      ['   ', /Enter the callback host/],
      ['example .com', /no spaces/],
      ['example.com/callback', /no path/],
      ['exa_mple.com', /not a host name or an IP address/],
      ['-bad.example.com', /not a host name or an IP address/],
      // Issue 9: any ":" used to be taken for IPv6.
      ['localhost:abc', /not a host name or an IP address/],
      ['javascript:alert(1)', /not a host name or an IP address/],
      ['999.1.1.1', /not a host name or an IP address/],
      ['::1', { value: '::1' }],
      ['[::1]', { value: '[::1]' }],
      ['[::1]:8080', { value: '[::1]', notice: /port/ }],
      ['fe80::zz', /not a host name or an IP address/],
      ['a'.repeat(40_000), /40000 characters/],
    ]);
    runTable('production', (raw) => validateCallbackHost(raw, { production: true }), [
      ['pay.example.com', { value: 'pay.example.com' }],
      ['https://pay.example.com/cb', { value: 'pay.example.com', notice: /host/ }],
      ['203.0.113.9', /not an IP address/],
      ['http://203.0.113.9/cb', /not an IP address/],
      ['[2001:db8::1]', /not an IP address/],
      ['localhost', /localhost/],
    ]);
  });

  describe('validateBaseUrl', () => {
    runTable('any environment', (raw) => validateBaseUrl(raw), [
      ['https://sandbox.momodeveloper.mtn.com', { value: 'https://sandbox.momodeveloper.mtn.com' }],
      ['https://sandbox.momodeveloper.mtn.com/', { value: 'https://sandbox.momodeveloper.mtn.com' }],
      ['https://sandbox.momodeveloper.mtn.com///', { value: 'https://sandbox.momodeveloper.mtn.com' }],
      ['HTTPS://Sandbox.MomoDeveloper.MTN.com', { value: 'https://sandbox.momodeveloper.mtn.com' }],
      ['sandbox.momodeveloper.mtn.com', { value: 'https://sandbox.momodeveloper.mtn.com', notice: /https/ }],
      ['http://127.0.0.1:4010/', { value: 'http://127.0.0.1:4010' }],
      ['http://localhost:4010', { value: 'http://localhost:4010' }],
      ['https://proxy.example.org/momo/', { value: 'https://proxy.example.org/momo' }],
      ['https://momodeveloper.mtn.com', /developer portal.*use https:\/\/sandbox\.momodeveloper\.mtn\.com/],
      ['https://www.momodeveloper.mtn.com/products', /use https:\/\/sandbox\.momodeveloper\.mtn\.com/],
      ['momoapi.mtn.com', /production portal.*use https:\/\/proxy\.momoapi\.mtn\.com/],
      ['https://momodeveloper.mtn.co.rw/', /Rwanda.*use https:\/\/proxy\.momoapi\.mtn\.co\.rw/],
      ['http://sandbox.momodeveloper.mtn.com', /clear text.*Use https:\/\/sandbox\.momodeveloper\.mtn\.com\.$/],
      ['http://192.168.1.5:4010', /clear text.*Use https:\/\/192\.168\.1\.5:4010\.$/],
      ['http://proxy.example.org/momo', /clear text.*Use https:\/\/proxy\.example\.org\/momo\.$/],
      ['http://[::1]:4010', { value: 'http://[::1]:4010' }],
      ['http://127.0.0.1.nip.io:4010', /clear text/],
      ['https://sandbox.momodeveloper.mtn.com/collection', /Leave out the path after the host: use https:\/\/sandbox\.momodeveloper\.mtn\.com;/],
      ['https://sandbox.momodeveloper.mtn.com/v1_0/apiuser', /Leave out the path/],
      ['https://sandbox.momodeveloper.mtn.com?subscription-key=abc', /without \?/],
      ['ftp://sandbox.momodeveloper.mtn.com', /https/],
      ['', /Enter the API base URL/],
      ['https://', /cannot be read/],
    ]);
    runTable('production', (raw) => validateBaseUrl(raw, { production: true }), [
      ['https://proxy.momoapi.mtn.com', { value: 'https://proxy.momoapi.mtn.com' }],
      ['http://127.0.0.1:4010', { value: 'http://127.0.0.1:4010' }],
      ['https://sandbox.momodeveloper.mtn.com', /sandbox does not serve production/],
    ]);
    runTable('sandbox', (raw) => validateBaseUrl(raw, { production: false }), [
      ['https://proxy.momoapi.mtn.com', { value: 'https://proxy.momoapi.mtn.com', notice: /production host/ }],
    ]);
  });

  runTable('validateTargetEnvironment', validateTargetEnvironment, [
    ['sandbox', { value: 'sandbox' }],
    [' Sandbox ', { value: 'sandbox' }],
    ['mtnuganda', { value: 'mtnuganda' }],
    ['"MTNGHANA"', { value: 'mtnghana', notice: /quotes/ }],
    ['mtnrwanda', { value: 'mtnrwanda' }],
    ['mtnnewland', { value: 'mtnnewland', notice: /not a target environment this extension knows/ }],
    ['production', /"production" is not a target environment: use mtn<country>/],
    ['prod', /not a target environment/],
    ['uganda', /^Use "mtnuganda" for Uganda/],
    ['Ghana', /Use "mtnghana"/],
    ['MTN Uganda', /Use "mtnuganda"/],
    ["Côte d'Ivoire", /Use "mtnivorycoast"/],
    ['ivory coast', /Use "mtnivorycoast"/],
    ['Eswatini', /Use "mtnswaziland"/],
    ['South Africa', /Use "mtnsouthafrica"/],
    ['test', /called "sandbox"/],
    ['', /Enter the target environment/],
    ['42', /Unknown target environment/],
  ]);

  it('never echoes a pasted secret back in a message', () => {
    const validators = [validateSubscriptionKey, validateApiKey, validateApiUser, validateTargetEnvironment, (r: string) => validateCallbackHost(r), (r: string) => validateBaseUrl(r)];
    const pasted = [JWT, `Bearer ${JWT}`, `Basic ${BASIC}`, BASIC, `${KEY}a`, KEY.slice(0, 31)];
    for (const validate of validators) {
      for (const value of pasted) {
        const result = validate(value);
        if (!result.ok) {
          for (const secret of [JWT, BASIC, KEY.slice(0, 31)]) assert.ok(!result.message.includes(secret), result.message);
        }
      }
    }
  });

  it('is pure: the same input gives the same answer', () => {
    assert.deepEqual(validateSubscriptionKey(` "${KEY.toUpperCase()}" `), validateSubscriptionKey(` "${KEY.toUpperCase()}" `));
  });
});
