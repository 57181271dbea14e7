/**
 * The built CLI under server faults: it always ends, with one plain message, and a user that
 * may exist is handed back with the exact command that finishes it, never "run it again".
 */
import * as assert from 'node:assert/strict';
import { useEmulator } from '../core/helpers/emulator';
import { assertExit, buildCli, runCli } from './helpers/runCli';

describe('cli provision under server faults (built dist/cli.js)', function () {
  this.timeout(60_000);
  const emulator = useEmulator();
  const key = () => emulator().subscriptionKeys.collection.primary;
  const host = () => new URL(emulator().url).host;
  const provisionArgs = (...extra: string[]) => ['provision', '--subscription-key', key(), '--base-url', emulator().url, ...extra];
  const referenceIds = () => [...new Set(emulator().requests.filter((r) => r.method === 'POST' && r.path === '/v1_0/apiuser').map((r) => r.headers['x-reference-id']))];

  before(() => buildCli());

  it('an endless body: exits 1 with one sentence naming the host and the 1 MB cap, no stack trace', async () => {
    emulator().injectFault({ method: 'GET', path: '/v1_0/apiuser/', kind: 'endless' });
    const run = await runCli(provisionArgs('--api-user', '3f2b8c1e-7d4a-4e6b-9c0d-5a1b2c3d4e5f'));
    assertExit(run, 1);
    assert.match(run.stderr, new RegExp(`✗ ${host().replace(/\./g, '\\.')} sent an answer larger than 1 MB`));
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  });

  it('a server that trickles one byte at a time: --timeout 1 ends each try; the user is read back and its id handed over', async () => {
    emulator().injectFault({ method: 'POST', path: /^\/v1_0\/apiuser$/, kind: 'trickle', intervalMs: 100, when: 'after', times: 3 });
    emulator().injectFault({ method: 'GET', path: '/v1_0/apiuser/', kind: 'trickle', intervalMs: 100, times: 3 });
    const run = await runCli(provisionArgs('--timeout', '1'));
    assertExit(run, 1);
    assert.match(run.stderr, new RegExp(`✗ ${host().replace(/\./g, '\\.')} did not answer within 1 s\\.`));
    const [apiUser] = referenceIds().slice(-1);
    assert.match(run.stderr, new RegExp(`The API user ${apiUser} may have been created`));
    assert.ok(run.stderr.includes(`momo-credentials provision --api-user ${apiUser} --base-url ${emulator().url}`), run.stderr);
  });

  it('the server creates the user, then every answer is a 503: the id and the resume command, never "run the same command again"; resuming finishes with one user', async () => {
    const before = emulator().apiUserCount();
    emulator().injectFault({ method: 'POST', path: /^\/v1_0\/apiuser$/, kind: 'status', status: 503, when: 'after', times: 3 });
    emulator().injectFault({ method: 'GET', path: '/v1_0/apiuser/', kind: 'status', status: 503, times: 3 });
    const run = await runCli(provisionArgs());
    assertExit(run, 1);
    const [apiUser] = referenceIds().slice(-1);
    assert.doesNotMatch(run.stderr, /Try again/);
    assert.match(run.stderr, /Do not run the same command again/);
    const resume = `momo-credentials provision --api-user ${apiUser} --base-url ${emulator().url}`;
    assert.ok(run.stderr.includes(resume), run.stderr);
    const resumed = await runCli([...provisionArgs('--json'), '--api-user', apiUser as string]);
    assertExit(resumed, 0);
    assert.equal(JSON.parse(resumed.stdout).apiUser, apiUser);
    assert.equal(emulator().apiUserCount(), before + 1, 'one user, never two');
  });

  it('--timeout takes whole seconds from 1 to 300', async () => {
    const run = await runCli(provisionArgs('--timeout', '0'));
    assertExit(run, 2);
    assert.match(run.stderr, /--timeout must be a whole number from 1 to 300/);
  });
});
