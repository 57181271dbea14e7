import * as assert from 'node:assert/strict';
import { checkTargetEnvironmentValue } from '../../../src/core/doctor/checks/targetEnvironment';
import { runDoctor } from '../../../src/core/doctor';
import { only, provisionUser, useEmulator } from './helpers';

describe('doctor: target environment and currency', () => {
  describe('the values alone', () => {
    const check = (targetEnvironment: string | undefined, currency?: string, production = false) =>
      checkTargetEnvironmentValue({ targetEnvironment, currency, production });

    it('accepts sandbox with EUR', () => {
      const { findings, value } = check('sandbox', 'EUR');
      assert.equal(value, 'sandbox');
      assert.deepEqual(findings.map((f) => [f.check, f.severity]), [['targetEnvironment', 'ok'], ['currency', 'ok']]);
    });

    it('refuses "production", which is never a target environment', () => {
      const { findings, value } = check('production', undefined, true);
      assert.equal(value, undefined);
      assert.equal(only(findings, 'targetEnvironment').severity, 'error');
      assert.match(findings[0].message, /mtn<country>/);
      assert.equal(findings[0].fixes?.[0].id, 'chooseTargetEnvironment');
    });

    it('refuses a country name and says which id to use', () => {
      assert.match(check('Uganda').findings[0].message, /mtnuganda/);
    });

    it('refuses "Sandbox": the API compares the header exactly', () => {
      const { findings, value } = check('Sandbox');
      assert.equal(value, undefined);
      assert.equal(findings[0].severity, 'error');
      assert.match(findings[0].message, /"sandbox"/);
    });

    it('refuses a local currency in the sandbox and names where it belongs', () => {
      const currency = only(check('sandbox', 'RWF').findings, 'currency');
      assert.equal(currency.ok, false);
      assert.match(currency.message, /only accepts EUR/);
      assert.match(currency.message, /mtnrwanda/);
      assert.equal(currency.next, 'Use EUR');
    });

    it("checks a production currency against the country's", () => {
      assert.equal(only(check('mtnuganda', 'ugx', true).findings, 'currency').severity, 'ok');
      assert.match(only(check('mtnuganda', 'EUR', true).findings, 'currency').message, /UGX/);
    });

    it('assumes sandbox outside production, and asks for a value in production', () => {
      assert.deepEqual(check(undefined), { findings: [], value: 'sandbox' });
      const production = check(undefined, undefined, true);
      assert.equal(production.value, undefined);
      assert.equal(production.findings[0].severity, 'info');
    });

    it('warns about a well-formed but unknown country id', () => {
      assert.equal(check('mtnatlantis', undefined, true).findings[0].severity, 'warning');
    });
  });

  describe('tried for real with a token', () => {
    const emulator = useEmulator();

    it('reads the balance in the sandbox', async () => {
      const user = await provisionUser(emulator());
      const report = await runDoctor({ baseUrl: emulator().url, apiUsers: [{ ...user, product: 'collection' }] });
      const live = only(report.findings, 'targetEnvironment.balance');
      assert.equal(live.severity, 'ok');
      assert.match(live.message, /1000 EUR/);
    });

    it('reports a wrong target environment with the core explanation (NOT_ALLOWED_TARGET_ENVIRONMENT)', async () => {
      const user = await provisionUser(emulator());
      const report = await runDoctor({ baseUrl: emulator().url, targetEnvironment: 'mtnghana', apiUsers: [{ ...user, product: 'collection' }] });
      assert.equal(only(report.findings, 'targetEnvironment').severity, 'ok', 'the value itself is valid');
      const live = only(report.findings, 'targetEnvironment.balance');
      assert.equal(live.ok, false);
      assert.match(live.message, /does not allow the target environment "mtnghana"/);
      assert.equal(live.fixes?.[0].id, 'chooseTargetEnvironment');
      assert.equal(report.ok, false);
    });
  });
});
