import * as assert from 'node:assert/strict';
import { checkBaseUrl } from '../../../src/core/doctor/checks/baseUrl';
import { resolveEnvironment } from '../../../src/core/doctor/environment';

const check = (baseUrl: string | undefined, targetEnvironment?: string) => checkBaseUrl(resolveEnvironment({ baseUrl, targetEnvironment }));

describe('doctor: base URL check', () => {
  it('accepts the sandbox API host', () => {
    const { finding, usableBaseUrl } = check('https://sandbox.momodeveloper.mtn.com/');
    assert.equal(finding.severity, 'ok');
    assert.equal(usableBaseUrl, 'https://sandbox.momodeveloper.mtn.com');
    assert.match(finding.message, /sandbox API/);
  });

  it('names a portal page and offers the API URL it stands for', () => {
    const { finding, usableBaseUrl } = check('https://momodeveloper.mtn.com/products');
    assert.equal(finding.ok, false);
    assert.equal(usableBaseUrl, undefined, 'no call may go to a portal page');
    assert.match(finding.message, /developer portal/);
    assert.deepEqual(finding.fixes?.[0], {
      id: 'useBaseUrl',
      label: 'Use https://sandbox.momodeveloper.mtn.com',
      args: { baseUrl: 'https://sandbox.momodeveloper.mtn.com' },
    });
    assert.equal(finding.next, 'Use https://sandbox.momodeveloper.mtn.com');
  });

  it('offers the production API for the developer portal when the target is a country', () => {
    const { finding } = check('https://momodeveloper.mtn.com', 'mtnghana');
    assert.match(finding.message, /For mtnghana that is https:\/\/proxy\.momoapi\.mtn\.com\./);
    assert.deepEqual(finding.fixes?.[0].args, { baseUrl: 'https://proxy.momoapi.mtn.com' });
    assert.equal(finding.subject, undefined, 'the message names the host already');
    assert.equal(check('https://exa mple.com').finding.subject, 'https://exa mple.com', 'a message without the value gets it as subject');
  });

  it("maps Rwanda's portal to Rwanda's production API", () => {
    const { finding } = check('momodeveloper.mtn.co.rw');
    assert.equal(finding.fixes?.[0].label, 'Use https://proxy.momoapi.mtn.co.rw');
  });

  it('refuses the sandbox host for a production target environment', () => {
    const { finding } = check('https://sandbox.momodeveloper.mtn.com', 'mtnuganda');
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, /proxy\.momoapi\.mtn\.com/);
  });

  it('refuses a production host for the sandbox target environment', () => {
    const { finding, usableBaseUrl } = check('https://proxy.momoapi.mtn.com', 'sandbox');
    assert.equal(finding.severity, 'error');
    assert.equal(usableBaseUrl, undefined);
    assert.match(finding.message, /production host/);
    assert.deepEqual(finding.fixes?.[0].args, { baseUrl: 'https://sandbox.momodeveloper.mtn.com' });
  });

  it("accepts MTN's new platform for every production country, naming it", () => {
    for (const target of ['mtnuganda', 'mtnrwanda']) {
      const { finding, usableBaseUrl } = check('https://momoapi.momo.africa', target);
      assert.equal(finding.severity, 'ok', finding.message);
      assert.equal(usableBaseUrl, 'https://momoapi.momo.africa');
      assert.match(finding.message, /new production platform, where System Credentials/);
      assert.equal(finding.fixes, undefined, 'no fix pointing back to the legacy host');
    }
    assert.equal(check('https://momoapi.momo.africa', 'sandbox').finding.severity, 'error', 'still not a sandbox host');
  });

  it("warns when a country's usual host is not the one given", () => {
    const { finding } = check('https://proxy.momoapi.mtn.com', 'mtnrwanda');
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /proxy\.momoapi\.mtn\.co\.rw/);
    assert.equal(check('https://proxy.momoapi.mtn.co.rw', 'mtnrwanda').finding.severity, 'ok');
  });

  it('treats a local address as the emulator and an unknown host as a possible proxy', () => {
    assert.equal(check('http://127.0.0.1:8080').finding.severity, 'info');
    const other = check('https://momo.example.com').finding;
    assert.equal(other.severity, 'warning');
    assert.equal(other.ok, true, 'a proxy is not a failure');
  });

  it('refuses plain http to a remote host', () => {
    assert.equal(check('http://sandbox.momodeveloper.mtn.com').finding.ok, false);
  });

  it('checks the default URL of the target environment when none is given, and says so', () => {
    const sandbox = check(undefined);
    assert.equal(sandbox.usableBaseUrl, 'https://sandbox.momodeveloper.mtn.com');
    assert.match(sandbox.finding.message, /No base URL was given/);
    assert.equal(check(undefined, 'mtnrwanda').usableBaseUrl, 'https://proxy.momoapi.mtn.co.rw');
  });
});
