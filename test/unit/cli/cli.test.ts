import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { MomoClient } from '../../../src/core/momo/client';
import { useEmulator } from '../core/helpers/emulator';
import { assertExit, buildCli, runCli, startCli } from './helpers/runCli';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function assertNoSecrets(text: string, secrets: string[]): void {
  for (const secret of secrets) assert.ok(!text.includes(secret), `secret ${secret.slice(0, 4)}… printed:\n${text}`);
}

describe('cli momo-credentials (built dist/cli.js)', function () {
  this.timeout(60_000);
  const emulator = useEmulator();
  const key = () => emulator().subscriptionKeys.collection.primary;

  before(() => buildCli());

  describe('provision', () => {
    it('--json prints exactly one JSON object with the contract keys, and exits 0', async () => {
      const before = emulator().apiUserCount();
      const run = await runCli(['provision', '--subscription-key', key(), '--base-url', emulator().url, '--json']);
      assertExit(run, 0);
      const result = JSON.parse(run.stdout);
      assert.deepEqual(Object.keys(result), ['apiUser', 'apiKey', 'product', 'callbackHost', 'baseUrl', 'targetEnvironment']);
      assert.match(result.apiUser, UUID_V4);
      assert.match(result.apiKey, /^[0-9a-f]{32}$/);
      assert.deepEqual(
        { product: result.product, callbackHost: result.callbackHost, baseUrl: result.baseUrl, targetEnvironment: result.targetEnvironment },
        { product: 'collection', callbackHost: 'localhost', baseUrl: emulator().url, targetEnvironment: 'sandbox' },
      );
      assert.equal(run.stdout.trim().split('\n').length, 1, 'one line, nothing else on stdout');
      assert.equal(emulator().apiUserCount(), before + 1);
      assertNoSecrets(run.stderr, [key(), result.apiKey]);
      const token = await new MomoClient({ baseUrl: emulator().url }).getToken('collection', key(), result.apiUser, result.apiKey);
      assert.ok(token.accessToken, 'the printed credentials work');
    });

    it('reads the key from MOMO_SUBSCRIPTION_KEY, takes --product and reduces a callback URL to its host', async () => {
      const disbursementKey = emulator().subscriptionKeys.disbursement.primary;
      const run = await runCli(
        ['provision', '--product', 'disbursement', '--callback-host', 'https://shop.example.com/momo/callback', '--base-url', `${emulator().url}/`],
        { MOMO_SUBSCRIPTION_KEY: `"${disbursementKey}"` },
      );
      assertExit(run, 0);
      assert.match(run.stdout, /Created an API user and API key for Disbursements/);
      assert.match(run.stdout, /Callback host\s+shop\.example\.com/);
      assert.match(run.stdout, /Next steps:/);
      assert.match(run.stdout, /momo-credentials verify --api-user [0-9a-f-]{36} --product disbursement --base-url/);
      assert.match(run.stderr, /Reduced the URL to its host/);
      assertNoSecrets(run.stderr, [disbursementKey]);
    });

    it('explains an invalid key on stderr (Collection Widget first), exits 1, prints nothing on stdout', async () => {
      const widget = emulator().collectionWidgetKey;
      const run = await runCli(['provision', '--subscription-key', widget, '--base-url', emulator().url, '--json']);
      assertExit(run, 1);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /rejected the subscription key as invalid/);
      assert.match(run.stderr, /1\. It is a key of the "Collection Widget" product/);
      assert.match(run.stderr, /Next steps:\n\s+→ Enter the subscription key again/);
      assertNoSecrets(run.stderr, [widget]);
    });

    it('prints the created API user and how to resume when the key step fails; --api-user resumes', async () => {
      emulator().injectFault({ method: 'POST', path: '/apikey', kind: 'status', status: 503, times: 3 });
      const failed = await runCli(['provision', '--subscription-key', key(), '--base-url', emulator().url]);
      assertExit(failed, 1);
      const id = /The API user ([0-9a-f-]{36}) was created/.exec(failed.stderr)?.[1];
      assert.ok(id, `created API user named on stderr:\n${failed.stderr}`);
      assert.match(failed.stderr, new RegExp(`momo-credentials provision --api-user ${id} --base-url ${emulator().url}`));
      assertNoSecrets(failed.stderr, [key()]);

      const users = emulator().apiUserCount();
      const resumed = await runCli(['provision', '--api-user', id, '--base-url', emulator().url, '--json'], { MOMO_SUBSCRIPTION_KEY: key() });
      assertExit(resumed, 0);
      assert.equal(JSON.parse(resumed.stdout).apiUser, id);
      assert.equal(emulator().apiUserCount(), users, 'resuming created no new user');
    });

    it('names the host and ECONNREFUSED when nothing listens', async () => {
      const server = net.createServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as net.AddressInfo).port;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      const run = await runCli(['provision', '--subscription-key', key(), '--base-url', `http://127.0.0.1:${port}`]);
      assertExit(run, 1);
      assert.match(run.stderr, new RegExp(`Could not reach 127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`));
      assertNoSecrets(run.stderr, [key()]);
    });

    it('stops on Ctrl+C (SIGINT) with exit 130 and "cancelled"', async () => {
      emulator().injectFault({ method: 'POST', path: '/v1_0/apiuser', kind: 'hang' });
      const cli = startCli(['provision', '--subscription-key', key(), '--base-url', emulator().url]);
      await cli.waitFor('stderr', /Creating the API user/);
      cli.child.kill('SIGINT');
      const run = await cli.done;
      assertExit(run, 130);
      assert.match(run.stderr, /cancelled/);
    });
  });

  describe('usage errors exit 2 with a clear message', () => {
    const cases: Array<{ name: string; args: string[]; env?: Record<string, string>; stderr: RegExp }> = [
      { name: 'unknown flag', args: ['provision', '--subscription-key', 'x', '--bogus'], stderr: /Unknown option --bogus\./ },
      { name: 'flag without its value', args: ['provision', '--subscription-key'], stderr: /--subscription-key needs a value/ },
      { name: 'missing subscription key', args: ['provision'], stderr: /--subscription-key or the MOMO_SUBSCRIPTION_KEY environment variable/ },
      { name: 'an API user id given as the key', args: ['provision', '--subscription-key', '3f2b8c1e-7d4a-4e6b-9c0d-5a1b2c3d4e5f'], stderr: /this looks like an API user id, not a subscription key/ },
      { name: 'portal host as base URL', args: ['provision', '--subscription-key', '604eefeda5a9f82c1d33fcb6eb24206f', '--base-url', 'https://momodeveloper.mtn.com'], stderr: /use https:\/\/sandbox\.momodeveloper\.mtn\.com/ },
      { name: 'unknown product', args: ['provision', '--subscription-key', '604eefeda5a9f82c1d33fcb6eb24206f', '--product', 'widget'], stderr: /--product must be one of collection, disbursement, remittance/ },
      { name: 'country as target environment', args: ['verify', '--subscription-key', '604eefeda5a9f82c1d33fcb6eb24206f', '--api-user', '3f2b8c1e-7d4a-4e6b-9c0d-5a1b2c3d4e5f', '--api-key', '604eefeda5a9f82c1d33fcb6eb24206f', '--target-environment', 'uganda'], stderr: /Use "mtnuganda"/ },
      { name: 'verify without API key', args: ['verify', '--api-user', '3f2b8c1e-7d4a-4e6b-9c0d-5a1b2c3d4e5f'], env: { MOMO_SUBSCRIPTION_KEY: '604eefeda5a9f82c1d33fcb6eb24206f' }, stderr: /MOMO_API_KEY/ },
      { name: 'emulator with a bad port', args: ['emulator', '--port', '70000'], stderr: /--port must be a whole number from 0 to 65535/ },
      { name: 'unknown command', args: ['frobnicate'], stderr: /Unknown command "frobnicate"/ },
      // Issue 9: unknown options, commands and values are named without their values.
      { name: 'a key glued to its option', args: ['provision', '--subscription-key604eefeda5a9f82c1d33fcb6eb24206f'], stderr: /Unknown option starting with --subscription-key \(not shown: it may hold a secret\): put a space or =/ },
      { name: 'a key as an unknown option', args: ['verify', '--604eefeda5a9f82c1d33fcb6eb24206f'], stderr: /Unknown option \(not shown/ },
      { name: 'a key glued to a short option', args: ['provision', '-x604eefeda5a9f82c1d33fcb6eb24206f'], stderr: /Unknown option -x\./ },
      { name: 'a key as the command', args: ['604eefeda5a9f82c1d33fcb6eb24206f'], stderr: /Unknown command\./ },
      { name: 'a key as a stray argument', args: ['provision', '604eefeda5a9f82c1d33fcb6eb24206f'], stderr: /Unexpected argument/ },
      { name: 'a callback host with a non-numeric port', args: ['provision', '--subscription-key', '604eefeda5a9f82c1d33fcb6eb24206f', '--callback-host', 'localhost:abc'], stderr: /--callback-host: This is not a host name or an IP address/ },
      { name: 'a script as the callback host', args: ['provision', '--subscription-key', '604eefeda5a9f82c1d33fcb6eb24206f', '--callback-host', 'javascript:alert(1)'], stderr: /--callback-host: This is not a host name or an IP address/ },
      { name: 'plain http to another host', args: ['provision', '--subscription-key', '604eefeda5a9f82c1d33fcb6eb24206f', '--base-url', 'http://momo.example.org'], stderr: /--base-url: http:\/\/momo\.example\.org would send your MoMo keys in clear text.*Use https:\/\/momo\.example\.org\./ },
      { name: 'plain http to another host (verify)', args: ['verify', '--subscription-key', '604eefeda5a9f82c1d33fcb6eb24206f', '--api-user', '3f2b8c1e-7d4a-4e6b-9c0d-5a1b2c3d4e5f', '--api-key', '604eefeda5a9f82c1d33fcb6eb24206f', '--base-url', 'http://10.1.2.3:8080'], stderr: /clear text.*Use https:\/\/10\.1\.2\.3:8080\./ },
      { name: 'no command', args: [], stderr: /Usage: momo-credentials <command>/ },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        const run = await runCli(c.args, c.env);
        assertExit(run, 2);
        assert.match(run.stderr, c.stderr);
        assert.equal(run.stdout, '');
        assertNoSecrets(run.stderr, ['604eefeda5a9f82c1d33fcb6eb24206f']);
      });
    }
  });

  describe('--help', () => {
    for (const command of ['provision', 'verify', 'emulator', 'demo']) {
      it(`${command} --help prints its usage and exits 0`, async () => {
        const run = await runCli([command, '--help']);
        assertExit(run, 0);
        assert.match(run.stdout, new RegExp(`^Usage: momo-credentials ${command}`));
      });
    }
    it('--help lists every command', async () => {
      const run = await runCli(['--help']);
      assertExit(run, 0);
      for (const command of ['provision', 'verify', 'emulator', 'demo']) assert.match(run.stdout, new RegExp(`\\n  ${command}\\s`));
    });
  });

  describe('verify', () => {
    let credentials: { apiUser: string; apiKey: string };
    before(async () => {
      const run = await runCli(['provision', '--subscription-key', key(), '--base-url', emulator().url, '--json']);
      credentials = JSON.parse(run.stdout);
    });

    it('reports ✓ for the token and the balance and exits 0', async () => {
      const run = await runCli(['verify', '--api-user', credentials.apiUser, '--base-url', emulator().url], {
        MOMO_SUBSCRIPTION_KEY: key(),
        MOMO_API_KEY: credentials.apiKey,
      });
      assertExit(run, 0);
      assert.match(run.stdout, /✓ Token: access token received/);
      assert.match(run.stdout, /✓ Balance: 1000 EUR in sandbox/);
      assertNoSecrets(run.stdout + run.stderr, [key(), credentials.apiKey]);
    });

    it('--json prints one object with each step', async () => {
      const run = await runCli(['verify', '--subscription-key', key(), '--api-user', credentials.apiUser, '--api-key', credentials.apiKey, '--base-url', emulator().url, '--json']);
      assertExit(run, 0);
      const report = JSON.parse(run.stdout);
      assert.equal(report.ok, true);
      assert.deepEqual(report.steps.map((s: { name: string; ok: boolean }) => [s.name, s.ok]), [['token', true], ['balance', true]]);
      assertNoSecrets(run.stdout, [key(), credentials.apiKey]);
    });

    it('reports ✗ for a wrong API key, explains login_failed on stderr, exits 1, leaks nothing', async () => {
      const wrong = 'ffffffffffffffffffffffffffffffff';
      const run = await runCli(['verify', '--subscription-key', key(), '--api-user', credentials.apiUser, '--api-key', wrong, '--base-url', emulator().url]);
      assertExit(run, 1);
      assert.match(run.stdout, /✗ Token: failed/);
      assert.match(run.stdout, /– Balance: skipped/);
      assert.match(run.stderr, /login_failed/);
      assertNoSecrets(run.stdout + run.stderr, [key(), wrong, Buffer.from(`${credentials.apiUser}:${wrong}`).toString('base64')]);
    });
  });

  describe('emulator and demo', () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      it(`emulator serves until ${signal}, printing its URL and keys`, async () => {
        const cli = startCli(['emulator', '--port', '0']);
        await cli.waitFor('stdout', /Press Ctrl\+C to stop/);
        const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(cli.stdout())?.[1];
        assert.ok(url, cli.stdout());
        assert.match(cli.stdout(), /Collections\s+primary [0-9a-f]{32}/);
        const collectionKey = /Collections\s+primary ([0-9a-f]{32})/.exec(cli.stdout())?.[1] as string;
        await new MomoClient({ baseUrl: url }).createApiUser(collectionKey, '3f2b8c1e-7d4a-4e6b-9c0d-5a1b2c3d4e5f', 'localhost');
        cli.child.kill(signal);
        const run = await cli.done;
        assertExit(run, 0);
        assert.match(run.stderr, /emulator stopped/);
      });
    }

    it('demo provisions and verifies on its own emulator, then stops', async () => {
      const run = await runCli(['demo']);
      assertExit(run, 0);
      assert.match(run.stdout, /API user\s+[0-9a-f]{8}-[0-9a-f]{4}-4/);
      assert.match(run.stdout, /API key\s+[0-9a-f]{32}/);
      assert.match(run.stdout, /✓ Token/);
      assert.match(run.stdout, /✓ Balance/);
    });
  });
});
