/**
 * A user that may exist is never forgotten: when "create user" may have gone through (a 5xx
 * after the server created it, a reset after the write, the deadline), the user is read back;
 * if that cannot tell, the error carries the reference id, and never advises a plain retry.
 */
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { MomoError } from '../../../src/core/momo/errors';
import { explain } from '../../../src/core/momo/explanations';
import { mayHaveReachedServer, provision, ProvisionInput, ProvisionStep } from '../../../src/core/momo/provision';
import { useEmulator } from './helpers/emulator';
import { provisionFails } from './helpers/provisionFails';

const FAST_RETRY = { attempts: 3, baseDelayMs: 5 };
const CREATE = { method: 'POST', path: /^\/v1_0\/apiuser$/ } as const;
const READ = { method: 'GET', path: '/v1_0/apiuser/' } as const;

describe('core/momo provision: a user that may exist is never forgotten', () => {
  const emulator = useEmulator();
  const input = (extra: Partial<ProvisionInput> = {}): ProvisionInput => ({
    baseUrl: emulator().url,
    product: 'collection',
    subscriptionKey: emulator().subscriptionKeys.collection.primary,
    callbackHost: 'localhost',
    retry: FAST_RETRY,
    ...extra,
  });
  const createPosts = () => emulator().requests.filter((r) => r.method === 'POST' && r.path === '/v1_0/apiuser');
  const lastReferenceId = () => createPosts().slice(-1)[0].headers['x-reference-id'];

  /** The error names the user, says "finish", and never offers a plain retry. */
  function assertKeepsTheUser(error: MomoError): string {
    assert.equal(error.createdApiUser, lastReferenceId(), 'the reference id sent is the one handed back');
    assert.equal(error.apiUserUnconfirmed, true);
    assert.equal(error.nextSteps[0].id, 'finishProvisioning');
    assert.ok(!error.nextSteps.some((s) => s.id === 'retry'), 'no plain retry offered');
    return error.createdApiUser as string;
  }

  it('the server creates the user, then answers 503 every time → read back, found → key created, one user', async () => {
    const before = emulator().apiUserCount();
    emulator().injectFault({ ...CREATE, kind: 'status', status: 503, when: 'after', times: 3 });
    const steps: ProvisionStep[] = [];
    const result = await provision({ ...input(), onStep: (s) => steps.push(s) });
    assert.equal(emulator().apiUserCount(), before + 1, 'exactly one user');
    assert.deepEqual(createPosts().slice(-3).map((p) => p.status), [503, 503, 503]);
    assert.deepEqual(steps, ['createUser', 'createUser', 'createUser', 'confirmUser', 'createKey']);
    assert.equal(result.apiUser, lastReferenceId());
    assert.match(result.apiKey, /^[0-9a-f]{32}$/);
  });

  it('created, and every answer is a 503 (the read-back too) → the error carries the id; resuming with it creates only the key', async () => {
    const before = emulator().apiUserCount();
    emulator().injectFault({ ...CREATE, kind: 'status', status: 503, when: 'after', times: 3 });
    emulator().injectFault({ ...READ, kind: 'status', status: 503, times: 3 });
    const error = await provisionFails(input());
    assert.equal(error.kind, 'serviceUnavailable');
    const apiUser = assertKeepsTheUser(error);
    const result = await provision({ ...input(), existingApiUser: apiUser });
    assert.equal(result.apiUser, apiUser);
    assert.equal(emulator().apiUserCount(), before + 1, 'never a second user');
  });

  it('the connection resets after every write, the read-back too → the error carries the id', async () => {
    emulator().injectFault({ ...CREATE, kind: 'reset', when: 'after', times: 3 });
    emulator().injectFault({ ...READ, kind: 'reset', times: 3 });
    const error = await provisionFails(input());
    assert.equal(error.kind, 'network');
    assert.equal(error.networkCode, 'ECONNRESET');
    assertKeepsTheUser(error);
  });

  it('the deadline passes on every try, the read-back too → the error carries the id', async () => {
    emulator().injectFault({ ...CREATE, kind: 'hang', when: 'after', times: 3 });
    emulator().injectFault({ ...READ, kind: 'hang', times: 3 });
    const error = await provisionFails(input({ timeoutMs: 200 }));
    assert.equal(error.kind, 'timeout');
    assertKeepsTheUser(error);
  });

  it('503 before the server did anything → the read-back says "not found": a plain failure, no id, a retry is safe', async () => {
    emulator().injectFault({ ...CREATE, kind: 'status', status: 503, times: 3 });
    const steps: ProvisionStep[] = [];
    const error = await provisionFails({ ...input(), onStep: (s) => steps.push(s) });
    assert.equal(error.kind, 'serviceUnavailable');
    assert.equal(error.createdApiUser, undefined);
    assert.equal(error.nextSteps[0].id, 'retry');
    assert.deepEqual(steps.slice(-1), ['confirmUser'], 'it did read back');
  });

  it('a connection that never opened (ECONNREFUSED) cannot have created anything: no read-back, no id', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const steps: ProvisionStep[] = [];
    const error = await provisionFails({ ...input({ baseUrl: `http://127.0.0.1:${port}` }), onStep: (s) => steps.push(s) });
    assert.equal(error.networkCode, 'ECONNREFUSED');
    assert.equal(error.createdApiUser, undefined);
    assert.ok(!steps.includes('confirmUser'));
  });

  it('cancelled while "create user" is in flight → nothing more is sent, and the id is handed back', async () => {
    emulator().injectFault({ ...CREATE, kind: 'hang', when: 'after' });
    const controller = new AbortController();
    const count = emulator().requests.length;
    // Cancel once the server holds the request (a fixed delay could cancel before it arrives on a loaded machine).
    const abortOnceReceived = (): void => {
      if (emulator().requests.length > count) controller.abort();
      else setTimeout(abortOnceReceived, 5);
    };
    const error = await provisionFails(input({ signal: controller.signal, onStep: abortOnceReceived }));
    assert.equal(error.kind, 'cancelled');
    assertKeepsTheUser(error);
    assert.equal(emulator().requests.length, count + 1, 'no read-back after a cancellation');
  });

  it('tells a failure that may have gone through from a definite refusal', () => {
    const cases: Array<[MomoError, boolean]> = [
      [explain('timeout'), true],
      [explain('serviceUnavailable', { status: 503 }), true],
      [explain('serverError', { status: 500 }), true],
      [explain('network', { networkCode: 'ECONNRESET' }), true],
      [explain('network', { networkCode: 'EPIPE' }), true],
      [explain('cancelled'), true],
      [explain('network', { networkCode: 'ECONNREFUSED' }), false],
      [explain('network', { networkCode: 'ENOTFOUND' }), false],
      [explain('network', { networkCode: 'ERR_TLS_CERT_ALTNAME_INVALID' }), false],
      [explain('badRequest', { status: 400 }), false],
      [explain('invalidSubscriptionKey', { status: 401 }), false],
      [explain('provisioningNotAvailable', { status: 404 }), false],
    ];
    for (const [error, expected] of cases) assert.equal(mayHaveReachedServer(error), expected, `${error.kind} ${error.networkCode ?? ''}`);
  });
});
