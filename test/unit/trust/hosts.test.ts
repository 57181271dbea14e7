import * as assert from 'node:assert/strict';
import { checkTransport, classifyHost, isHostNameOrAddress, isKnownHost, MTN_PRODUCTION_HOSTS } from '../../../src/core/trust/hosts';

describe('core/trust hosts', () => {
  const kinds: Array<[string, ReturnType<typeof classifyHost>]> = [
    ['sandbox.momodeveloper.mtn.com', 'mtnSandbox'],
    ['SANDBOX.MomoDeveloper.MTN.com.', 'mtnSandbox'],
    ['ericssonbasicapi2.azure-api.net', 'mtnSandbox'],
    ['proxy.momoapi.mtn.com', 'mtnProduction'],
    ['proxy.momoapi.mtn.co.rw', 'mtnProduction'],
    ['ericssonbasicapi1.azure-api.net', 'mtnProduction'],
    ['momoapi.momo.africa', 'mtnProduction'],
    ['127.0.0.1', 'loopback'],
    ['localhost', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    // Look-alikes are other hosts.
    ['sandbox.momodeveloper.mtn.com.evil.example', 'other'],
    ['evilsandbox.momodeveloper.mtn.com', 'other'],
    ['momodeveloper.mtn.com', 'other'],
    ['127.0.0.1.nip.io', 'other'],
    ['localhost.example.org', 'other'],
    ['10.0.0.5', 'other'],
    ['momo-capture.example.net', 'other'],
  ];
  for (const [host, kind] of kinds) {
    it(`classifies ${host} as ${kind}`, () => assert.equal(classifyHost(host), kind));
  }

  it('knows MTN hosts and loopback, nothing else', () => {
    assert.ok(isKnownHost('proxy.momoapi.mtn.com') && isKnownHost('localhost'));
    assert.ok(!isKnownHost('proxy.example.org'));
    assert.ok(MTN_PRODUCTION_HOSTS.every((h) => !h.includes(':')), 'host names without ports');
  });

  describe('the http:// rule', () => {
    const cases: Array<[string, string | undefined]> = [
      ['http://127.0.0.1:4010', undefined],
      ['http://localhost:4010/', undefined],
      ['http://[::1]:4010', undefined],
      ['https://proxy.example.org', undefined],
      ['http://proxy.example.org', 'https://proxy.example.org'],
      ['http://proxy.example.org:8080/momo/', 'https://proxy.example.org:8080/momo'],
      ['http://sandbox.momodeveloper.mtn.com', 'https://sandbox.momodeveloper.mtn.com'],
      ['http://10.0.0.5:4010', 'https://10.0.0.5:4010'],
    ];
    for (const [url, https] of cases) {
      it(`${https ? 'refuses' : 'allows'} ${url}`, () => {
        const result = checkTransport(new URL(url));
        if (!https) return assert.deepEqual(result, { ok: true });
        assert.equal(result.ok, false);
        if (!result.ok) {
          assert.equal(result.httpsUrl, https);
          assert.match(result.message, /clear text/);
          assert.ok(result.message.endsWith(`Use ${https}.`), result.message);
        }
      });
    }
  });

  describe('a host is a DNS name or an IP address, nothing else', () => {
    const good = ['example.com', 'a-b.example.com', 'localhost', '10.0.0.7', '::1', '[2001:db8::1]', 'xn--bcher-kva.example'];
    const bad = ['localhost:abc', 'javascript:alert(1)', 'exa_mple.com', '-bad.example.com', '999.1.1.1', '1.2.3', '[example.com]', 'a..b', '', 'a'.repeat(300), `${'a'.repeat(64)}.com`];
    for (const host of good) it(`accepts ${host}`, () => assert.ok(isHostNameOrAddress(host)));
    for (const host of bad) it(`refuses ${JSON.stringify(host.slice(0, 30))}`, () => assert.ok(!isHostNameOrAddress(host)));
  });
});
