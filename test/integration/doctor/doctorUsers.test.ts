// The doctor with two API users per product: every stored user is checked (side by side), the
// active one first, so a stale user beside it no longer hides the one in use.
import * as assert from 'assert';
import { MomoClient } from '../../../src/core/momo/client';
import type { DoctorReport } from '../../../src/core/doctor';
import type { MomoExtensionApi } from '../../../src/extension';
import type { RunningEmulator } from '../../../src/emulator/types';
import { run, useExtensionWithEmulator } from '../extension/testKit';

describe('doctor: every stored API user', function () {
  let api: MomoExtensionApi;
  let emulator: RunningEmulator;

  useExtensionWithEmulator((readyApi, readyEmulator) => {
    api = readyApi;
    emulator = readyEmulator;
  });

  it('checks two users per product, the active one first; the stale one fails alone', async () => {
    const users: Record<string, string[]> = { collection: [], disbursement: [] };
    // Collections last: its second user, the last one created, is the active one.
    for (const product of ['disbursement', 'collection'] as const) {
      const key = emulator.subscriptionKeys[product].primary;
      await run('momo.setSubscriptionKey', { environment: 'sandbox', product, key, keyType: 'primary' });
      for (let i = 0; i < 2; i++) {
        const provisioned = await run<{ apiUser: string }>('momo.provisionSandboxUser', { product, callbackHost: 'localhost' });
        assert.strictEqual(provisioned.ok, true, provisioned.reason);
        users[product]!.push(provisioned.apiUser);
      }
    }
    // The first Collections user gets a new key behind VS Code's back: its stored key is stale.
    const [stale, fresh] = users.collection as [string, string];
    await new MomoClient({ baseUrl: emulator.url }).createApiKey(emulator.subscriptionKeys.collection.primary, stale);
    assert.strictEqual(api.store.index().active?.apiUser, fresh);

    const result = await run<{ report: DoctorReport }>('momo.diagnoseSetup', { environment: 'sandbox', show: false, workspace: false });
    assert.strictEqual(result.ok, true, result.reason);
    const tokens = result.report.findings.filter((f) => f.check === 'apiUser.token');
    assert.strictEqual(tokens.length, 4, tokens.map((t) => t.subject).join(' | '));
    assert.match(String(tokens[0]?.subject), new RegExp(`${fresh} \\(active\\)`));
    const byUser = (id: string) => tokens.find((t) => t.subject?.includes(id));
    assert.strictEqual(byUser(fresh)?.severity, 'ok');
    assert.strictEqual(byUser(stale)?.severity, 'error');
    assert.match(String(byUser(stale)?.message), /login_failed/);
    for (const id of users.disbursement ?? []) assert.strictEqual(byUser(id)?.severity, 'ok');
  });
});
