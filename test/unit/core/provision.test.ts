import * as assert from 'node:assert/strict';
import { MomoClient } from '../../../src/core/momo/client';
import { PRODUCTS } from '../../../src/core/momo/products';
import { provision, ProvisionInput, ProvisionStep } from '../../../src/core/momo/provision';
import { useEmulator } from './helpers/emulator';
import { provisionFails } from './helpers/provisionFails';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const FAST_RETRY = { attempts: 3, baseDelayMs: 5 };

describe('core/momo provision', () => {
  const emulator = useEmulator();
  const key = () => emulator().subscriptionKeys.collection.primary;
  const input = (extra: Partial<ProvisionInput> = {}): ProvisionInput => ({
    baseUrl: emulator().url,
    product: 'collection',
    subscriptionKey: key(),
    callbackHost: 'localhost',
    retry: FAST_RETRY,
    ...extra,
  });
  const postsToCreateUser = () => emulator().requests.filter((r) => r.method === 'POST' && r.path === '/v1_0/apiuser');

  /** The credentials really work: the token endpoint accepts them. */
  async function assertUsable(result: { apiUser: string; apiKey: string; product: (typeof PRODUCTS)[number] }) {
    const subscriptionKey = emulator().subscriptionKeys[result.product].primary;
    const token = await new MomoClient({ baseUrl: emulator().url }).getToken(result.product, subscriptionKey, result.apiUser, result.apiKey);
    assert.ok(token.accessToken);
  }

  for (const product of PRODUCTS) {
    it(`creates a working API user and key for ${product}`, async () => {
      const before = emulator().apiUserCount();
      const steps: string[] = [];
      const result = await provision({
        ...input({ product, subscriptionKey: emulator().subscriptionKeys[product].primary, callbackHost: 'example.com' }),
        baseUrl: `${emulator().url}/`,
        onStep: (step, attempt) => steps.push(`${step}#${attempt}`),
      });
      assert.match(result.apiUser, UUID_V4);
      assert.match(result.apiKey, /^[0-9a-f]{32}$/);
      assert.deepEqual(
        { ...result, apiUser: 'x', apiKey: 'x' },
        { apiUser: 'x', apiKey: 'x', product, callbackHost: 'example.com', baseUrl: emulator().url, targetEnvironment: 'sandbox' },
      );
      assert.deepEqual(steps, ['createUser#1', 'confirmUser#1', 'createKey#1']);
      assert.equal(emulator().apiUserCount(), before + 1);
      await assertUsable(result);
    });
  }

  describe('faults while creating the user: retried with the same id, nothing lost', () => {
    it('reset after the server created the user → retry → 409 → GET finds it → success, one user', async () => {
      const before = emulator().apiUserCount();
      emulator().injectFault({ method: 'POST', path: '/v1_0/apiuser', kind: 'reset', when: 'after' });
      const steps: ProvisionStep[] = [];
      const result = await provision({ ...input(), onStep: (s) => steps.push(s) });
      assert.equal(emulator().apiUserCount(), before + 1, 'exactly one user created');
      const posts = postsToCreateUser().slice(-2);
      assert.deepEqual(posts.map((p) => p.status), [0, 409]);
      assert.deepEqual(posts.map((p) => p.headers['x-reference-id']), [result.apiUser, result.apiUser], 'same reference id');
      assert.deepEqual(steps, ['createUser', 'createUser', 'confirmUser', 'createKey']);
      await assertUsable(result);
    });

    it('timeout after the server created the user → same recovery', async () => {
      const before = emulator().apiUserCount();
      emulator().injectFault({ method: 'POST', path: '/v1_0/apiuser', kind: 'hang', when: 'after' });
      const result = await provision({ ...input(), timeoutMs: 300 });
      assert.equal(emulator().apiUserCount(), before + 1);
      await assertUsable(result);
    });

    it('timeout before the server saw the request → the retry creates it (201)', async () => {
      const before = emulator().apiUserCount();
      emulator().injectFault({ method: 'POST', path: '/v1_0/apiuser', kind: 'hang' });
      const result = await provision({ ...input(), timeoutMs: 300 });
      assert.equal(emulator().apiUserCount(), before + 1);
      assert.deepEqual(postsToCreateUser().slice(-1).map((p) => p.status), [201]);
      await assertUsable(result);
    });

    it('503 then success → one user', async () => {
      const before = emulator().apiUserCount();
      emulator().injectFault({ method: 'POST', path: '/v1_0/apiuser', kind: 'status', status: 503, times: 2 });
      const result = await provision(input());
      assert.equal(emulator().apiUserCount(), before + 1);
      assert.deepEqual(postsToCreateUser().slice(-3).map((p) => p.status), [503, 503, 201]);
      await assertUsable(result);
    });

    it('gives up after the attempts, waiting longer each time, and says why', async () => {
      emulator().injectFault({ method: 'POST', path: '/v1_0/apiuser', kind: 'status', status: 503, times: 10 });
      const count = postsToCreateUser().length;
      const started = Date.now();
      const error = await provisionFails(input({ retry: { attempts: 3, baseDelayMs: 60 } }));
      const elapsed = Date.now() - started;
      assert.equal(error.kind, 'serviceUnavailable');
      assert.equal(error.createdApiUser, undefined, 'no user exists, nothing to keep');
      assert.equal(postsToCreateUser().length - count, 3);
      // Jittered backoff waits between half and all of each step (60, then 120 ms).
      assert.ok(elapsed >= 30 + 60, `waited ${elapsed} ms, expected at least 90 (half of 60 + 120)`);
    });

    it('never retries a 4xx: invalid subscription key is tried once', async () => {
      const count = postsToCreateUser().length;
      const error = await provisionFails(input({ subscriptionKey: emulator().collectionWidgetKey }));
      assert.equal(error.kind, 'invalidSubscriptionKey');
      assert.equal(postsToCreateUser().length - count, 1);
    });

    it('never retries a 400', async () => {
      const count = postsToCreateUser().length;
      emulator().injectFault({ method: 'POST', path: '/v1_0/apiuser', kind: 'status', status: 400 });
      const error = await provisionFails(input());
      assert.equal(error.kind, 'badRequest');
      assert.equal(postsToCreateUser().length - count, 1);
    });

    it('a 409 on the first try is a real duplicate, not success', async () => {
      emulator().injectFault({ method: 'POST', path: '/v1_0/apiuser', kind: 'status', status: 409, body: { code: 'RESOURCE_ALREADY_EXIST', message: 'Duplicated reference id. Creation of resource failed.' } });
      const error = await provisionFails(input());
      assert.equal(error.kind, 'duplicateReferenceId');
    });
  });

  describe('faults after the user exists: the id comes back and resuming works', () => {
    it('key step fails every time → error carries createdApiUser; resume creates only the key', async () => {
      emulator().injectFault({ method: 'POST', path: '/apikey', kind: 'status', status: 503, times: 3 });
      const error = await provisionFails(input());
      assert.equal(error.kind, 'serviceUnavailable');
      assert.match(error.createdApiUser ?? '', UUID_V4);
      const users = emulator().apiUserCount();
      const posts = postsToCreateUser().length;
      const steps: ProvisionStep[] = [];
      const result = await provision({ ...input(), existingApiUser: error.createdApiUser, onStep: (s) => steps.push(s) });
      assert.equal(result.apiUser, error.createdApiUser);
      assert.equal(emulator().apiUserCount(), users, 'no new user');
      assert.equal(postsToCreateUser().length, posts, 'no create-user call');
      assert.deepEqual(steps, ['confirmUser', 'createKey']);
      await assertUsable(result);
    });

    it('reading the user back fails → the key created beside it is still returned, never lost', async () => {
      emulator().injectFault({ method: 'GET', path: '/v1_0/apiuser/', kind: 'status', status: 500, times: 3 });
      const result = await provision(input());
      assert.match(result.apiUser, UUID_V4);
      assert.equal(result.targetEnvironment, 'sandbox');
      assert.equal(result.callbackHost, input().callbackHost);
      await assertUsable(result);
    });

    it('the key step fails after the user exists → createdApiUser set', async () => {
      emulator().injectFault({ method: 'POST', path: '/apikey', kind: 'status', status: 500, times: 3 });
      const error = await provisionFails(input());
      assert.equal(error.kind, 'serverError');
      assert.match(error.createdApiUser ?? '', UUID_V4);
    });

    it('a key whose answer was lost is created again, and the new one works', async () => {
      emulator().injectFault({ method: 'POST', path: '/apikey', kind: 'reset', when: 'after' });
      const result = await provision(input());
      await assertUsable(result);
    });

    it('resuming with an id that does not exist → apiUserNotFound, nothing to keep', async () => {
      const error = await provisionFails(input({ existingApiUser: '3f2b8c1e-7d4a-4e6b-9c0d-5a1b2c3d4e5f' }));
      assert.equal(error.kind, 'apiUserNotFound');
      assert.equal(error.createdApiUser, undefined);
    });
  });

  describe('cancellation stops at once', () => {
    it('while creating the user → cancelled, no retry', async () => {
      emulator().injectFault({ method: 'POST', path: '/v1_0/apiuser', kind: 'hang' });
      const count = postsToCreateUser().length;
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const started = Date.now();
      const error = await provisionFails(input({ signal: controller.signal }));
      assert.equal(error.kind, 'cancelled');
      assert.ok(Date.now() - started < 2000);
      assert.equal(postsToCreateUser().length - count, 1);
    });

    it('during the wait between retries', async () => {
      emulator().injectFault({ method: 'POST', path: '/v1_0/apiuser', kind: 'status', status: 503 });
      const controller = new AbortController();
      const started = Date.now();
      const run = provisionFails(input({ signal: controller.signal, retry: { attempts: 3, baseDelayMs: 10_000 } }));
      setTimeout(() => controller.abort(), 100);
      const error = await run;
      assert.equal(error.kind, 'cancelled');
      assert.ok(Date.now() - started < 2000, 'did not sit out the 10 s backoff');
    });

    it('while creating the key → cancelled, with the created user kept', async () => {
      emulator().injectFault({ method: 'POST', path: '/apikey', kind: 'hang' });
      const controller = new AbortController();
      const error = await provisionFails(input({ signal: controller.signal, onStep: (step) => step === 'createKey' && setTimeout(() => controller.abort(), 30) }));
      assert.equal(error.kind, 'cancelled');
      assert.match(error.createdApiUser ?? '', UUID_V4);
    });

    it('an already aborted signal sends nothing', async () => {
      const count = emulator().requests.length;
      const error = await provisionFails(input({ signal: AbortSignal.abort() }));
      assert.equal(error.kind, 'cancelled');
      assert.equal(emulator().requests.length, count);
    });
  });
});

describe('core/momo provision on a production host', () => {
  const emulator = useEmulator({ mode: 'production' });

  it('fails once with provisioningNotAvailable (no retries on the gateway 404)', async () => {
    const key = emulator().subscriptionKeys.collection.primary;
    const error = await provisionFails({ baseUrl: emulator().url, product: 'collection', subscriptionKey: key, callbackHost: 'example.com', retry: FAST_RETRY });
    assert.equal(error.kind, 'provisioningNotAvailable');
    assert.equal(emulator().requests.length, 1);
  });
});
