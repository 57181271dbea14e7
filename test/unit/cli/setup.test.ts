import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { useEmulator } from '../core/helpers/emulator';
import { assertExit, buildCli, runCli } from './helpers/runCli';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function settingsFile(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'momo-setup-'));
  const file = path.join(dir, 'settings.py');
  fs.writeFileSync(file, text);
  return file;
}

const SAMPLE = ['import os', 'MOMO_SUBSCRIPTION_KEY = os.environ.get("MOMO_SUBSCRIPTION_KEY", "")', 'MOMO_API_USER = "your-api-user-id"', 'MOMO_API_KEY = "your-api-key"', ''].join('\n');

describe('cli momo-credentials setup and the product probe (built dist/cli.js)', function () {
  this.timeout(60_000);
  const emulator = useEmulator();
  before(() => buildCli());

  it('setup --test-payment --json: finds the product, provisions, writes (filling the empty key slot), verifies, pays; one JSON object, exit 0', async () => {
    const key = emulator().subscriptionKeys.remittance.secondary;
    const file = settingsFile(SAMPLE);
    const run = await runCli(['setup', '--file', file, '--base-url', emulator().url, '--mode', 'value', '--test-payment', '--json'], { MOMO_SUBSCRIPTION_KEY: key });
    assertExit(run, 0);
    assert.equal(run.stdout.trim().split('\n').length, 1);
    const result = JSON.parse(run.stdout) as { ok: boolean; product: string; apiUser: string; steps: Array<{ name: string; ok: boolean; [k: string]: unknown }> };
    assert.equal(result.ok, true);
    assert.equal(result.product, 'remittance');
    assert.match(result.apiUser, UUID_V4);
    assert.deepEqual(result.steps.map((s) => `${s.name}:${s.ok}`), ['product:true', 'provision:true', 'settings:true', 'verify:true', 'testPayment:true']);
    assert.equal(result.steps[2]?.subscriptionKeySlot, 'empty');
    assert.equal(result.steps[4]?.status, 'SUCCESSFUL');
    const written = fs.readFileSync(file, 'utf8');
    assert.match(written, new RegExp(`^MOMO_API_USER = "${result.apiUser}"$`, 'm'));
    assert.match(written, /^MOMO_API_KEY = "[0-9a-f]{32}"$/m);
    assert.match(written, new RegExp(`"MOMO_SUBSCRIPTION_KEY", "${key}"`));
    const apiKey = /^MOMO_API_KEY = "([0-9a-f]{32})"$/m.exec(written)?.[1] ?? '';
    assert.ok(!run.stdout.includes(apiKey) && !run.stderr.includes(apiKey), 'the API key is only in the file');
    assert.ok(!run.stdout.includes(key) && !run.stderr.includes(key), 'the subscription key is never printed');
  });

  it('setup warns about a different subscription key in the file and still passes', async () => {
    const file = settingsFile('MOMO_SUBSCRIPTION_KEY = "5b2e8d4a9c1f47e3b6d0a8c2e4f61937"\nMOMO_API_USER = ""\nMOMO_API_KEY = ""\n');
    const run = await runCli(['setup', '--file', file, '--base-url', emulator().url, '--mode', 'value'], { MOMO_SUBSCRIPTION_KEY: emulator().subscriptionKeys.collection.primary });
    assertExit(run, 0);
    assert.match(run.stderr, /holds a different subscription key/);
    assert.match(run.stdout, /✓ The subscription key belongs to Collections\./);
    assert.match(fs.readFileSync(file, 'utf8'), /5b2e8d4a9c1f47e3b6d0a8c2e4f61937/, 'the other key is left for the person to fix');
  });

  it('setup stops at the product step for a Collection Widget key: exit 1, nothing created', async () => {
    const users = emulator().apiUserCount();
    const run = await runCli(['setup', '--file', settingsFile(SAMPLE), '--base-url', emulator().url, '--json'], { MOMO_SUBSCRIPTION_KEY: emulator().collectionWidgetKey });
    assertExit(run, 1);
    const result = JSON.parse(run.stdout) as { ok: boolean; steps: Array<{ name: string; ok: boolean; error?: { kind: string } }> };
    assert.equal(result.ok, false);
    assert.deepEqual(result.steps.map((s) => `${s.name}:${s.ok}`), ['product:false']);
    assert.equal(result.steps[0]?.error?.kind, 'invalidSubscriptionKey');
    assert.match(run.stderr, /Collection Widget/);
    assert.equal(emulator().apiUserCount(), users);
  });

  it('setup exits 1 at verify when the gateway refuses the balance', async () => {
    emulator().injectFault({ kind: 'status', path: '/account/balance', status: 500, body: { code: 'NOT_ALLOWED_TARGET_ENVIRONMENT', message: 'Access to target environment is forbidden.' }, times: 5 });
    const run = await runCli(['setup', '--file', settingsFile(SAMPLE), '--base-url', emulator().url, '--json'], { MOMO_SUBSCRIPTION_KEY: emulator().subscriptionKeys.collection.primary });
    assertExit(run, 1);
    const result = JSON.parse(run.stdout) as { steps: Array<{ name: string; ok: boolean }> };
    assert.deepEqual(result.steps.map((s) => `${s.name}:${s.ok}`), ['product:true', 'provision:true', 'settings:true', 'verify:false']);
  });

  it('provision without --product finds and says the key\'s product; JSON unchanged', async () => {
    const key = emulator().subscriptionKeys.disbursement.primary;
    const run = await runCli(['provision', '--base-url', emulator().url, '--json'], { MOMO_SUBSCRIPTION_KEY: key });
    assertExit(run, 0);
    const result = JSON.parse(run.stdout) as Record<string, string>;
    assert.deepEqual(Object.keys(result), ['apiUser', 'apiKey', 'product', 'callbackHost', 'baseUrl', 'targetEnvironment']);
    assert.equal(result.product, 'disbursement');
    assert.match(run.stderr, /The subscription key belongs to Disbursements\./);
  });

  it('provision with a --product the key does not belong to names the key\'s product and creates nothing', async () => {
    const users = emulator().apiUserCount();
    const run = await runCli(['provision', '--product', 'remittance', '--base-url', emulator().url], { MOMO_SUBSCRIPTION_KEY: emulator().subscriptionKeys.collection.primary });
    assertExit(run, 1);
    assert.match(run.stderr, /This is a Collections subscription key, not a Remittances one/);
    assert.match(run.stderr, /--product collection/);
    assert.equal(emulator().apiUserCount(), users);
  });

  it('setup without --file is a usage error (exit 2)', async () => {
    const run = await runCli(['setup'], { MOMO_SUBSCRIPTION_KEY: emulator().subscriptionKeys.collection.primary });
    assertExit(run, 2);
    assert.match(run.stderr, /--file PATH/);
  });
});
