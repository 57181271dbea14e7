import * as assert from 'node:assert/strict';
import { decideDestination, type DestinationInput } from '../../../src/core/trust/destination';

describe('core/trust decideDestination', () => {
  const cases: Array<[string, DestinationInput, 'send' | 'ask' | 'refuse', RegExp?]> = [
    ['sandbox keys to the MTN sandbox (default)', { url: 'https://sandbox.momodeveloper.mtn.com', source: 'default', production: false }, 'send'],
    ['sandbox keys to the emulator from a workspace', { url: 'http://127.0.0.1:4010', source: 'workspace', production: false }, 'send'],
    ['sandbox keys to another host from a workspace', { url: 'https://momo-capture.example.net:8443', source: 'workspace', production: false }, 'ask'],
    ['sandbox keys to another host from the user', { url: 'https://proxy.example.org', source: 'user', production: false }, 'ask'],
    ['sandbox keys to an allowed host', { url: 'https://proxy.example.org', source: 'workspace', production: false, approval: { sandbox: true, production: false } }, 'send'],
    ['sandbox keys over http to another host', { url: 'http://proxy.example.org', source: 'user', production: false, approval: { sandbox: true, production: true } }, 'refuse', /clear text.*Use https:\/\/proxy\.example\.org\./],
    ['production keys to MTN production', { url: 'https://proxy.momoapi.mtn.com', source: 'workspace', production: true }, 'send'],
    ['production keys to the new production platform', { url: 'https://momoapi.momo.africa', source: 'default', production: true }, 'send'],
    ['production keys to another host from a workspace, even if allowed', { url: 'https://momo-capture.example.net', source: 'workspace', production: true, approval: { sandbox: true, production: true } }, 'refuse', /only sent to MTN's production hosts.*workspace setting cannot/],
    ['production keys to another host from a folder', { url: 'https://momo-capture.example.net', source: 'folder', production: true }, 'refuse', /folder setting/],
    ['production keys to another host from an argument', { url: 'https://momo-capture.example.net', source: 'argument', production: true }, 'refuse', /argument/],
    ['production keys to the emulator from a workspace', { url: 'http://127.0.0.1:4010', source: 'workspace', production: true }, 'refuse'],
    ['production keys to the emulator from the user', { url: 'http://127.0.0.1:4010', source: 'user', production: true }, 'send'],
    ['production keys to another host from the user', { url: 'https://proxy.example.org', source: 'user', production: true }, 'ask'],
    ['production keys to a host allowed only for sandbox keys', { url: 'https://proxy.example.org', source: 'user', production: true, approval: { sandbox: true, production: false } }, 'ask'],
    ['production keys to a host allowed for production', { url: 'https://proxy.example.org', source: 'user', production: true, approval: { sandbox: true, production: true } }, 'send'],
    ['production keys to the sandbox', { url: 'https://sandbox.momodeveloper.mtn.com', source: 'user', production: true }, 'refuse', /sandbox does not serve production/],
    ['a look-alike MTN host', { url: 'https://sandbox.momodeveloper.mtn.com.example.net', source: 'workspace', production: false }, 'ask'],
    ['an unreadable URL', { url: 'https://exa mple', source: 'workspace', production: false }, 'refuse'],
  ];
  for (const [name, input, kind, message] of cases) {
    it(`${kind}: ${name}`, () => {
      const decision = decideDestination(input);
      assert.equal(decision.kind, kind, JSON.stringify(decision));
      if (message && decision.kind === 'refuse') assert.match(decision.message, message);
    });
  }

  it('names the host with its port, which is what approvals are kept under', () => {
    const decision = decideDestination({ url: 'https://Momo-Capture.example.net:8443/', source: 'workspace', production: false });
    assert.equal(decision.kind === 'ask' && decision.host, 'momo-capture.example.net:8443');
  });
});
