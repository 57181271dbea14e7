/**
 * `momo-credentials doctor` as CI runs it: the bundled dist/cli.js in a child process, against
 * the emulator running in this process (so the child is spawned asynchronously: a blocking
 * spawn would stop the emulator from answering). Build first: `node esbuild.js`.
 */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { provisionUser, useEmulator, type Provisioned } from './helpers';

const CLI = path.resolve(__dirname, '../../../../dist/cli.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    // A clean environment: a MOMO_* variable of the machine running the tests must not leak in.
    const base = { PATH: process.env.PATH ?? '', SYSTEMROOT: process.env.SYSTEMROOT ?? '' };
    execFile(process.execPath, [CLI, 'doctor', ...args], { env: { ...base, ...env }, timeout: 15_000 }, (error, stdout, stderr) => {
      const code = error && typeof error.code === 'number' ? error.code : error ? -1 : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

interface JsonFinding {
  check: string;
  ok: boolean;
  message: string;
  next: string | null;
}

function findingsOf(run: Run): JsonFinding[] {
  const parsed = JSON.parse(run.stdout) as { findings: JsonFinding[] };
  assert.deepEqual(Object.keys(parsed), ['findings']);
  for (const finding of parsed.findings) assert.deepEqual(Object.keys(finding), ['check', 'ok', 'message', 'next']);
  return parsed.findings;
}

function assertNoSecretIn(run: Run, secrets: string[]): void {
  for (const secret of secrets) assert.ok(!run.stdout.includes(secret) && !run.stderr.includes(secret), `secret ${secret.slice(0, 4)}… printed`);
}

describe('cli: momo-credentials doctor', function () {
  this.timeout(30_000);
  const emulator = useEmulator();
  let user: Provisioned;

  before(async function () {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build it first with "node esbuild.js".`);
    const help = await new Promise<string>((resolve) => execFile(process.execPath, [CLI, '--help'], (_e, stdout) => resolve(stdout)));
    if (!/\bdoctor\b/.test(help)) throw new Error('dist/cli.js has no doctor command: rebuild it with "node esbuild.js".');
    user = await provisionUser(emulator());
  });

  it('passes healthy credentials with exit 0, reading the keys from the environment', async () => {
    const users = emulator().apiUserCount();
    const run = await cli(['--api-user', user.apiUser, '--base-url', emulator().url, '--target-environment', 'sandbox', '--currency', 'EUR'], {
      MOMO_SUBSCRIPTION_KEY: user.subscriptionKey,
      MOMO_API_KEY: user.apiKey,
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /✓ Collections subscription key ••••06f: The gateway accepts this subscription key for Collections\./);
    assert.match(run.stdout, /✓ Collections API user .*: The API user and its API key get an access token for Collections\./);
    assert.match(run.stdout, /0 errors, 0 warnings, \d+ passed/);
    assert.equal(emulator().apiUserCount(), users, 'the doctor creates nothing');
    assertNoSecretIn(run, [user.subscriptionKey, user.apiKey]);
  });

  it('speaks French with --lang fr or LANG=fr_FR.UTF-8, and English with --lang en', async () => {
    const args = ['--api-user', user.apiUser, '--base-url', emulator().url, '--target-environment', 'sandbox', '--currency', 'EUR'];
    const keys = { MOMO_SUBSCRIPTION_KEY: user.subscriptionKey, MOMO_API_KEY: user.apiKey };
    const french = /✓ clé d'abonnement Collections ••••06f : La passerelle accepte cette clé d'abonnement pour Collections\./;
    for (const run of [await cli(['--lang', 'fr', ...args], keys), await cli(args, { ...keys, LANG: 'fr_FR.UTF-8' })]) {
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.match(run.stdout, french);
      assert.match(run.stdout, /^Clés d'abonnement$/m);
      assert.match(run.stdout, /0 erreur, 0 avertissement, \d+ sans problème/);
      assertNoSecretIn(run, [user.subscriptionKey, user.apiKey]);
    }
    const english = await cli(['--lang=en', ...args], { ...keys, LC_ALL: 'fr_FR.UTF-8' });
    assert.match(english.stdout, /The gateway accepts this subscription key for Collections\./);
  });

  it('prints exactly {"findings": [{check, ok, message, next}]} with --json and fails on a Collection Widget key', async () => {
    const widget = emulator().collectionWidgetKey;
    const run = await cli(['--json', '--subscription-key', widget, '--product', 'collection', '--base-url', emulator().url]);
    assert.equal(run.code, 1);
    const findings = findingsOf(run);
    const gateway = findings.find((f) => f.check === 'subscriptionKey.gateway');
    assert.equal(gateway?.ok, false);
    assert.match(gateway?.message ?? '', /^Collections subscription key ••••c80: The gateway at .* rejected the subscription key as invalid \(401\)\./);
    assert.equal(gateway?.next, 'Enter the subscription key again');
    assert.equal(findings.find((f) => f.check === 'baseUrl')?.next, null);
    assertNoSecretIn(run, [widget]);
  });

  it('fails a key read from the environment with a trailing newline', async () => {
    const run = await cli(['--json', '--base-url', emulator().url], { MOMO_SUBSCRIPTION_KEY: `${user.subscriptionKey}\n` });
    assert.equal(run.code, 1);
    const format = findingsOf(run).find((f) => f.check === 'subscriptionKey.format');
    assert.equal(format?.ok, false);
    assert.match(format?.message ?? '', /a line break/);
  });

  it('explains login_failed for a regenerated key, with the next step', async () => {
    const run = await cli(['--subscription-key', user.subscriptionKey, '--api-user', user.apiUser, '--base-url', emulator().url], {
      MOMO_API_KEY: 'ffffffffffffffffffffffffffffffff',
    });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /✗ .*refused this API user and API key pair \(login_failed\)/);
    assert.match(run.stdout, /next: Create a new API key for this API user/);
  });

  it('names the API URL when given a portal page', async () => {
    const run = await cli(['--base-url', 'https://momodeveloper.mtn.com']);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /✗ .*developer portal.*use https:\/\/sandbox\.momodeveloper\.mtn\.com/);
  });

  it('fails a wrong target environment and a local currency in the sandbox', async () => {
    const run = await cli(['--json', '--target-environment', 'production', '--currency', 'RWF']);
    assert.equal(run.code, 1);
    const failed = findingsOf(run).filter((f) => !f.ok).map((f) => f.check);
    assert.deepEqual(failed, ['targetEnvironment']);
    const wrongCurrency = await cli(['--json', '--target-environment', 'sandbox', '--currency', 'RWF']);
    assert.deepEqual(findingsOf(wrongCurrency).filter((f) => !f.ok).map((f) => f.check), ['currency']);
  });

  it('explains a pasted error and exits 0', async () => {
    const run = await cli(['--explain', '401 Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.']);
    assert.equal(run.code, 0, run.stdout);
    assert.match(run.stdout, /The pasted error means: The gateway rejected the subscription key as invalid \(401\)\./);
  });

  it('exits 1 during an outage (503)', async () => {
    emulator().injectFault({ kind: 'status', status: 503, times: 20 });
    const run = await cli(['--subscription-key', user.subscriptionKey, '--base-url', emulator().url]);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /temporarily unavailable \(503\)/);
  });

  it('exits 2 on usage errors, never echoing a value', async () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /Nothing to check/],
      [['--subscriptoin-key', 'x'], /Unknown option --subscriptoin-key/],
      [['--api-key', user.apiKey], /--api-key needs --api-user/],
      [['--product', 'payments', '--subscription-key', user.subscriptionKey], /--product must be one of/],
      [['--json', 'extra'], /Unexpected argument/],
    ];
    for (const [args, message] of cases) {
      const run = await cli(args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message);
      assert.equal(run.stdout, '');
      assertNoSecretIn(run, [user.apiKey, user.subscriptionKey]);
    }
  });

  it('gives a 40,000-character key the normal wrong-length finding, never echoing it (issue 9)', async () => {
    const huge = 'a'.repeat(40_000);
    const run = await cli(['--json', '--base-url', emulator().url], { MOMO_SUBSCRIPTION_KEY: huge });
    assert.equal(run.code, 1, run.stderr);
    const format = findingsOf(run).find((f) => f.check === 'subscriptionKey.format');
    assert.match(format?.message ?? '', /40000 characters: a subscription key has exactly 32 hexadecimal characters/);
    assert.doesNotMatch(run.stdout + run.stderr, /Invalid regular expression|aaaaaaaaaaaaaaaa/);
  });

  it('refuses plain http to a host other than this machine, naming the https URL', async () => {
    const run = await cli(['--json', '--base-url', 'http://momo.example.org', '--subscription-key', user.subscriptionKey]);
    assert.equal(run.code, 1);
    const baseUrl = findingsOf(run).find((f) => f.check === 'baseUrl');
    assert.match(baseUrl?.message ?? '', /clear text.*Use https:\/\/momo\.example\.org\./);
    assertNoSecretIn(run, [user.subscriptionKey]);
  });
});
