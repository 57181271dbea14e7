import * as assert from 'node:assert/strict';
import { useEmulator } from '../core/helpers/emulator';
import { buildCli, CliRun, runCli } from './helpers/runCli';

/** The Partner Portal's shapes: a base64 User ID ending in "=", a Credential Token with punctuation. */
const USER_ID = 'U3lzdGVtVXNlcjAwMw=';
const TOKEN = 'Zx.7k_Q-2w~Mn!Bv=Lp4.rT8_yU-5';

function assertExit(run: CliRun, code: number): void {
  assert.equal(run.code, code, `exit ${run.code}, expected ${code}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
}

function assertNoSecrets(run: CliRun, secrets: string[]): void {
  for (const secret of secrets) {
    assert.ok(!run.stdout.includes(secret) && !run.stderr.includes(secret), `secret ${secret.slice(0, 4)}… printed`);
  }
}

describe('cli with System Credentials (built dist/cli.js, emulator --mode production-new)', function () {
  this.timeout(60_000);
  const emulator = useEmulator({ mode: 'production-new' });
  const key = () => emulator().subscriptionKeys.collection.primary;
  before(() => {
    buildCli();
    emulator().issueSystemCredentials({ userId: USER_ID, credentialToken: TOKEN, targetEnvironment: 'mtnuganda' });
  });

  const verifyArgs = (extra: string[] = []) => [
    'verify',
    '--subscription-key', key(),
    '--api-user', USER_ID,
    '--base-url', emulator().url,
    '--target-environment', 'mtnuganda',
    ...extra,
  ];

  it('verify recognises System Credentials from the User ID\'s shape, token from MOMO_CREDENTIAL_TOKEN', async () => {
    const run = await runCli(verifyArgs(['--json']), { MOMO_CREDENTIAL_TOKEN: TOKEN });
    assertExit(run, 0);
    const out = JSON.parse(run.stdout);
    assert.equal(out.ok, true);
    assert.equal(out.apiUser, USER_ID, 'the User ID is kept exactly, "=" and case included');
    assert.equal(out.credentialKind, 'system');
    assert.equal(out.platform, 'new');
    assert.deepEqual(out.balance, { availableBalance: '1000', currency: 'UGX' });
    assertNoSecrets(run, [TOKEN, key()]);
    const token = emulator().requests.filter((r) => r.path === '/collection/token/').pop();
    assert.equal(token?.headers['x-target-environment'], 'mtnuganda');
    assert.match(String(token?.headers['user-agent']), /^momo-credentials\/\d+\.\d+\.\d+$/);
  });

  it('verify takes --credential-kind system with the token as --api-key', async () => {
    const run = await runCli(verifyArgs(['--credential-kind', 'system', '--api-key', TOKEN]));
    assertExit(run, 0);
    assert.match(run.stdout, /new platform/);
    assert.match(run.stdout, /All checks passed/);
    assertNoSecrets(run, [TOKEN]);
  });

  it('verify explains invalid_client for a wrong token, without printing it', async () => {
    const wrong = `${TOKEN}~x`;
    const run = await runCli(verifyArgs(['--api-key', wrong]));
    assertExit(run, 1);
    assert.match(run.stderr, /invalid_client/);
    assert.match(run.stderr, /System and device credentials/);
    assertNoSecrets(run, [wrong, TOKEN]);
  });

  it('verify refuses --credential-kind api-key for a base64 User ID, and System Credentials in the sandbox', async () => {
    const asApiKey = await runCli(verifyArgs(['--credential-kind', 'api-key', '--api-key', TOKEN]));
    assertExit(asApiKey, 2);
    assert.match(asApiKey.stderr, /--api-user: .*not a UUID/);
    const sandbox = await runCli(['verify', '--subscription-key', key(), '--api-user', USER_ID, '--api-key', TOKEN, '--credential-kind', 'system', '--base-url', emulator().url]);
    assertExit(sandbox, 2);
    assert.match(sandbox.stderr, /production credentials/);
    assertNoSecrets(sandbox, [TOKEN]);
  });

  it('doctor checks System Credentials: shape, platform, token', async () => {
    const run = await runCli(
      ['doctor', '--subscription-key', key(), '--api-user', USER_ID, '--base-url', emulator().url, '--target-environment', 'mtnuganda', '--json'],
      { MOMO_API_KEY: TOKEN },
    );
    assertExit(run, 0);
    const findings = (JSON.parse(run.stdout) as { findings: Array<{ check: string; ok: boolean; message: string }> }).findings;
    const byCheck = (check: string) => findings.find((f) => f.check === check);
    assert.match(byCheck('apiUser.format')?.message ?? '', /User ID has the shape of System Credentials/);
    assert.match(byCheck('apiKey.format')?.message ?? '', /Credential Token has the shape/);
    assert.match(byCheck('apiUser.platform')?.message ?? '', /new platform/);
    assert.match(byCheck('apiUser.token')?.message ?? '', /User ID and its Credential Token get an access token/);
    assertNoSecrets(run, [TOKEN]);
  });

  it('doctor notes proxy.momoapi.mtn.com and what the migration changes, without failing', async () => {
    const run = await runCli(['doctor', '--base-url', 'https://proxy.momoapi.mtn.com', '--target-environment', 'mtnuganda', '--json']);
    assertExit(run, 0);
    const note = (JSON.parse(run.stdout) as { findings: Array<{ check: string; ok: boolean; message: string }> }).findings.find((f) => f.check === 'baseUrl.platform');
    assert.ok(note?.ok);
    assert.match(note.message, /momoapi\.momo\.africa/);
    assert.match(note.message, /X-Target-Environment/);
  });
});
