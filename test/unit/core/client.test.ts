import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { v1 as uuidv1, v4 as uuidv4 } from 'uuid';
import { MomoClient } from '../../../src/core/momo/client';
import { MomoError, MomoErrorKind } from '../../../src/core/momo/errors';
import { agentFor } from '../../../src/core/momo/http';
import { PRODUCTS, Product } from '../../../src/core/momo/products';
import { useEmulator } from './helpers/emulator';
import { assertNoSecretsIn, basicOf } from './helpers/secrets';

async function expectMomoError(promise: Promise<unknown>, kind: MomoErrorKind, secrets: string[] = []): Promise<MomoError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof MomoError, `expected a MomoError, got ${String(err)}`);
    assert.equal(err.kind, kind, `${err.kind}: ${err.message}`);
    assertNoSecretsIn(err, secrets);
    return err;
  }
  assert.fail(`expected a ${kind} failure, but the call succeeded`);
}

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('core/momo MomoClient against the emulator', () => {
  const emulator = useEmulator();
  const client = () => new MomoClient({ baseUrl: `${emulator().url}/` });

  /** Creates a user and key through the client itself. */
  async function newCredentials(product: Product = 'collection') {
    const subscriptionKey = emulator().subscriptionKeys[product].primary;
    const apiUser = uuidv4();
    await client().createApiUser(subscriptionKey, apiUser, 'localhost');
    const apiKey = await client().createApiKey(subscriptionKey, apiUser);
    return { subscriptionKey, apiUser, apiKey };
  }

  for (const product of PRODUCTS) {
    it(`provisions, gets a token, reads the balance and an account holder for ${product}`, async () => {
      const c = client();
      assert.equal(c.baseUrl, emulator().url, 'trailing slash stripped');
      const subscriptionKey = emulator().subscriptionKeys[product].primary;
      const apiUser = uuidv4();
      await c.createApiUser(subscriptionKey, apiUser, 'example.com');
      assert.deepEqual(await c.getApiUser(subscriptionKey, apiUser), { providerCallbackHost: 'example.com', targetEnvironment: 'sandbox' });
      const apiKey = await c.createApiKey(subscriptionKey, apiUser);
      assert.match(apiKey, /^[0-9a-f]{32}$/);
      const token = await c.getToken(product, subscriptionKey, apiUser, apiKey);
      assert.match(token.accessToken, /^eyJ/);
      assert.equal(token.expiresIn, 3600);
      assert.deepEqual(await c.getBalance(product, subscriptionKey, token.accessToken, 'sandbox'), { availableBalance: '1000', currency: 'EUR' });
      assert.equal(await c.isAccountHolderActive(product, subscriptionKey, token.accessToken, 'sandbox', '46733123450'), true);
    });
  }

  it('sends the documented requests: headers, {} bodies with Content-Type, trailing slash on /token/', async () => {
    const { subscriptionKey, apiUser, apiKey } = await newCredentials('remittance');
    await client().getToken('remittance', subscriptionKey, apiUser, apiKey);
    const requests = emulator().requests;
    const create = requests.find((r) => r.method === 'POST' && r.path === '/v1_0/apiuser' && r.headers['x-reference-id'] === apiUser);
    assert.ok(create, 'create user request seen');
    assert.deepEqual(JSON.parse(create.body), { providerCallbackHost: 'localhost' });
    assert.equal(create.headers['ocp-apim-subscription-key'], subscriptionKey);
    const keyRequest = requests.find((r) => r.path === `/v1_0/apiuser/${apiUser}/apikey`);
    assert.equal(keyRequest?.body, '{}');
    assert.match(String(keyRequest?.headers['content-type']), /^application\/json/);
    const tokenRequest = requests.filter((r) => r.path === '/remittance/token/').pop();
    assert.ok(tokenRequest, 'token requested at /remittance/token/ (with the trailing slash)');
    assert.equal(tokenRequest.body, '{}');
    assert.equal(tokenRequest.headers.authorization, `Basic ${basicOf(apiUser, apiKey)}`);
    assert.match(String(tokenRequest.headers['content-type']), /^application\/json/);
  });

  it('shares one keep-alive agent per base URL and reuses its socket', async () => {
    const url = emulator().url;
    assert.equal(agentFor(url), agentFor(`${url}/`));
    assert.notEqual(agentFor(url), agentFor('https://sandbox.momodeveloper.mtn.com'));
    assert.equal(agentFor('https://sandbox.momodeveloper.mtn.com'), agentFor('https://sandbox.momodeveloper.mtn.com/x'));
    const c = client();
    const key = emulator().subscriptionKeys.collection.primary;
    await c.createApiUser(key, uuidv4(), 'localhost');
    await c.createApiUser(key, uuidv4(), 'localhost');
    const agent = agentFor(url);
    const free = Object.values(agent.freeSockets).flat();
    assert.equal(free.length, 1, 'two calls in a row used one kept-alive socket');
  });

  describe('failures, each one MomoError with its explanation and no secret', () => {
    it('Collection Widget key → invalidSubscriptionKey, widget named first', async () => {
      const widget = emulator().collectionWidgetKey;
      const error = await expectMomoError(client().createApiUser(widget, uuidv4(), 'localhost'), 'invalidSubscriptionKey', [widget]);
      assert.equal(error.status, 401);
      assert.match(error.causes[0], /Collection Widget/);
      assert.equal(error.host, new URL(emulator().url).host);
    });

    it("another product's key on a token call → invalidSubscriptionKey naming the product", async () => {
      const { apiUser, apiKey } = await newCredentials();
      const otherKey = emulator().subscriptionKeys.collection.primary;
      const error = await expectMomoError(client().getToken('disbursement', otherKey, apiUser, apiKey), 'invalidSubscriptionKey', [otherKey, apiKey, basicOf(apiUser, apiKey)]);
      assert.match(error.causes[1], /Disbursements key/);
    });

    it('empty subscription key → missingSubscriptionKey', async () => {
      await expectMomoError(client().createApiUser('', uuidv4(), 'localhost'), 'missingSubscriptionKey');
    });

    it('unknown API user → apiUserNotFound naming it', async () => {
      const key = emulator().subscriptionKeys.collection.primary;
      const id = uuidv4();
      const error = await expectMomoError(client().getApiUser(key, id), 'apiUserNotFound', [key]);
      assert.ok(error.message.includes(id));
      await expectMomoError(client().createApiKey(key, id), 'apiUserNotFound', [key]);
    });

    it('reused reference id → duplicateReferenceId', async () => {
      const key = emulator().subscriptionKeys.collection.primary;
      const id = uuidv4();
      await client().createApiUser(key, id, 'localhost');
      await expectMomoError(client().createApiUser(key, id, 'localhost'), 'duplicateReferenceId', [key]);
    });

    it('a reference id that is not a UUID v4 → badRequest', async () => {
      const key = emulator().subscriptionKeys.collection.primary;
      const error = await expectMomoError(client().createApiUser(key, uuidv1(), 'localhost'), 'badRequest', [key]);
      assert.match(error.causes[0], /UUID version 4/);
    });

    it('wrong API key → loginFailed', async () => {
      const { subscriptionKey, apiUser } = await newCredentials();
      const wrong = 'ffffffffffffffffffffffffffffffff';
      const error = await expectMomoError(client().getToken('collection', subscriptionKey, apiUser, wrong), 'loginFailed', [subscriptionKey, wrong, basicOf(apiUser, wrong)]);
      assert.equal(error.nextSteps[0].id, 'regenerateApiKey');
    });

    it('an old key after a new one was created → loginFailed', async () => {
      const { subscriptionKey, apiUser, apiKey } = await newCredentials();
      await client().createApiKey(subscriptionKey, apiUser);
      await expectMomoError(client().getToken('collection', subscriptionKey, apiUser, apiKey), 'loginFailed', [apiKey]);
    });

    it('a production target environment on the sandbox → wrongTargetEnvironment', async () => {
      const { subscriptionKey, apiUser, apiKey } = await newCredentials();
      const { accessToken } = await client().getToken('collection', subscriptionKey, apiUser, apiKey);
      const error = await expectMomoError(client().getBalance('collection', subscriptionKey, accessToken, 'mtnuganda'), 'wrongTargetEnvironment', [subscriptionKey, accessToken]);
      assert.match(error.message, /"mtnuganda"/);
    });

    it('INVALID_CURRENCY → invalidCurrency', async () => {
      const { subscriptionKey, apiUser, apiKey } = await newCredentials();
      const { accessToken } = await client().getToken('collection', subscriptionKey, apiUser, apiKey);
      emulator().injectFault({ path: '/account/balance', kind: 'status', status: 500, body: { code: 'INVALID_CURRENCY', message: 'Currency not supported.' } });
      const error = await expectMomoError(client().getBalance('collection', subscriptionKey, accessToken, 'sandbox'), 'invalidCurrency', [accessToken]);
      assert.match(error.causes[0], /EUR/);
    });

    it('a 401 without statusCode on a product call → tokenExpired', async () => {
      const key = emulator().subscriptionKeys.collection.primary;
      const madeUp = 'eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjB9.c2lnbmF0dXJl';
      const error = await expectMomoError(client().getBalance('collection', key, madeUp, 'sandbox'), 'tokenExpired', [key, madeUp]);
      assert.equal(error.retryable, true);
    });

    it('503 → serviceUnavailable, 500 → serverError, both retryable', async () => {
      const key = emulator().subscriptionKeys.collection.primary;
      emulator().injectFault({ path: '/v1_0/apiuser', kind: 'status', status: 503, body: 'Service Unavailable' });
      const outage = await expectMomoError(client().createApiUser(key, uuidv4(), 'localhost'), 'serviceUnavailable', [key]);
      assert.equal(outage.retryable, true);
      emulator().injectFault({ path: '/v1_0/apiuser', kind: 'status', status: 500 });
      await expectMomoError(client().createApiUser(key, uuidv4(), 'localhost'), 'serverError', [key]);
    });

    it('a reset connection → network (ECONNRESET) naming the host', async () => {
      const key = emulator().subscriptionKeys.collection.primary;
      emulator().injectFault({ path: '/v1_0/apiuser', kind: 'reset' });
      const error = await expectMomoError(client().createApiUser(key, uuidv4(), 'localhost'), 'network', [key]);
      assert.ok(error.message.includes(new URL(emulator().url).host));
      assert.match(error.message, /ECONNRESET/);
    });

    it('nothing listening → network (ECONNREFUSED)', async () => {
      const port = await closedPort();
      const key = emulator().subscriptionKeys.collection.primary;
      const error = await expectMomoError(new MomoClient({ baseUrl: `http://127.0.0.1:${port}` }).createApiUser(key, uuidv4(), 'x'), 'network', [key]);
      assert.match(error.message, new RegExp(`127\\.0\\.0\\.1:${port}.*ECONNREFUSED`));
    });

    it('a host that does not resolve → network naming the host', async () => {
      const error = await expectMomoError(new MomoClient({ baseUrl: 'https://momo-emulator.invalid', timeoutMs: 5000 }).getApiUser('k', uuidv4()), 'network');
      assert.match(error.message, /momo-emulator\.invalid.*(ENOTFOUND|EAI_AGAIN)/);
    });

    it('https spoken to a plain-http server → network, secure connection failed', async () => {
      const baseUrl = emulator().url.replace('http:', 'https:');
      const error = await expectMomoError(new MomoClient({ baseUrl }).getApiUser('k', uuidv4()), 'network');
      assert.match(error.message, /secure connection/);
    });

    it('no answer → timeout after timeoutMs', async () => {
      const key = emulator().subscriptionKeys.collection.primary;
      emulator().injectFault({ path: '/v1_0/apiuser', kind: 'hang' });
      const started = Date.now();
      const error = await expectMomoError(new MomoClient({ baseUrl: emulator().url, timeoutMs: 200 }).createApiUser(key, uuidv4(), 'x'), 'timeout', [key]);
      assert.ok(Date.now() - started < 3000, 'gave up soon after the limit');
      assert.match(error.message, /within 0\.2 s/);
    });

    it('AbortSignal → cancelled at once, while waiting and before sending', async () => {
      const key = emulator().subscriptionKeys.collection.primary;
      emulator().injectFault({ path: '/v1_0/apiuser', kind: 'hang' });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const started = Date.now();
      await expectMomoError(client().createApiUser(key, uuidv4(), 'x', { signal: controller.signal }), 'cancelled', [key]);
      assert.ok(Date.now() - started < 2000);
      const before = emulator().requests.length;
      await expectMomoError(client().getApiUser(key, uuidv4(), { signal: controller.signal }), 'cancelled');
      assert.equal(emulator().requests.length, before, 'an aborted signal sends nothing');
    });

    it('a base URL that cannot be read → MomoError from the constructor', () => {
      assert.throws(() => new MomoClient({ baseUrl: 'not a url' }), (err: unknown) => err instanceof MomoError && err.kind === 'unexpected');
    });
  });
});

describe('core/momo MomoClient against a production-mode emulator', () => {
  const emulator = useEmulator({ mode: 'production' });

  it('provisioning → provisioningNotAvailable (the gateway 404), pointing at the Partner Portal', async () => {
    const key = emulator().subscriptionKeys.collection.primary;
    const error = await expectMomoError(new MomoClient({ baseUrl: emulator().url }).createApiUser(key, uuidv4(), 'example.com'), 'provisioningNotAvailable', [key]);
    assert.equal(error.status, 404);
    assert.ok(error.nextSteps.some((s) => s.id === 'openPartnerPortal'));
  });
});
