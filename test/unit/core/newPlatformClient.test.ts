import * as assert from 'node:assert/strict';
import { v4 as uuidv4 } from 'uuid';
import { MomoClient } from '../../../src/core/momo/client';
import { MomoError, explainErrorText, type MomoErrorKind } from '../../../src/core/momo/errors';
import { verifyCredentials } from '../../../src/core/momo/verify';
import { PaymentApi } from '../../../src/core/payments/paymentApi';
import { AZURE_GATEWAY_403_HTML } from '../../../src/emulator/newPlatform';
import { USER_AGENT } from '../../../src/core/version';
import { useEmulator } from './helpers/emulator';
import { assertNoSecretsIn } from './helpers/secrets';

const USER_ID = 'c3lzdGVtLXVzZXItMDAy=';
const TOKEN = 'Qm.9x_2-Lp~Rt!Vz=Ka7.bN4_eW-1';

async function failure(promise: Promise<unknown>, kind: MomoErrorKind, secrets: string[] = []): Promise<MomoError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof MomoError, String(err));
    assert.equal(err.kind, kind, `${err.kind}: ${err.message}`);
    assertNoSecretsIn(err, secrets);
    return err;
  }
  assert.fail(`expected ${kind}`);
}

describe('core/momo against the new production platform (emulator production-new)', () => {
  const emulator = useEmulator({ mode: 'production-new' });
  const key = () => emulator().subscriptionKeys.collection.primary;
  const client = (extra: Partial<ConstructorParameters<typeof MomoClient>[0]> = {}) =>
    new MomoClient({ baseUrl: emulator().url, targetEnvironment: 'mtnuganda', ...extra });
  before(() => emulator().issueSystemCredentials({ userId: USER_ID, credentialToken: TOKEN }));
  const systemPair = () => ({
    product: 'collection' as const,
    subscriptionKey: key(),
    apiUser: USER_ID,
    apiKey: TOKEN,
    targetEnvironment: 'mtnuganda',
    platform: 'new' as const,
  });

  it('gets a token with System Credentials: X-Target-Environment, raw Basic values, product User-Agent', async () => {
    const emu = emulator();
    const before = emu.requests.length;
    const token = await client().getToken('collection', key(), USER_ID, TOKEN);
    assert.ok(token.accessToken);
    const sent = emu.requests[before];
    assert.equal(sent.headers['x-target-environment'], 'mtnuganda');
    assert.equal(sent.headers['user-agent'], USER_AGENT);
    const basic = String(sent.headers.authorization).replace(/^Basic /, '');
    assert.equal(Buffer.from(basic, 'base64').toString('utf8'), `${USER_ID}:${TOKEN}`, 'raw, not URL-encoded');
  });

  it('sends X-Target-Environment on every token request, "sandbox" when nothing else is known', async () => {
    const emu = emulator();
    const before = emu.requests.length;
    await failure(new MomoClient({ baseUrl: emu.url }).getToken('collection', key(), USER_ID, TOKEN), 'missingTargetEnvironment', [TOKEN]);
    assert.equal(emu.requests[before].headers['x-target-environment'], 'sandbox');
  });

  it('explains the 400 of a missing or wrong X-Target-Environment', async () => {
    const error = await failure(client().getToken('collection', key(), USER_ID, TOKEN, { targetEnvironment: 'production' }), 'missingTargetEnvironment', [TOKEN]);
    assert.match(error.message, /X-Target-Environment/);
    assert.equal(error.status, 400);
    assert.equal(error.nextSteps[0].id, 'chooseTargetEnvironment');
  });

  it('explains invalid_client: unknown pair, or a legacy API user + key on the new platform', async () => {
    const error = await failure(client().getToken('collection', key(), USER_ID, `${TOKEN}x`), 'invalidClient', [TOKEN]);
    assert.match(error.causes.join(' '), /System and device credentials/);
    assert.match(error.causes.join(' '), /other platform/);
    const legacy = { id: uuidv4(), apiKey: 'ab'.repeat(16) };
    emulator().addApiUser({ ...legacy, providerCallbackHost: 'shop.example.com' });
    await failure(client().getToken('collection', key(), legacy.id, legacy.apiKey), 'invalidClient', [legacy.apiKey]);
  });

  it('names the Azure Application Gateway\'s HTML 403 without repeating the HTML', async () => {
    emulator().injectFault({ kind: 'status', status: 403, body: AZURE_GATEWAY_403_HTML });
    const error = await failure(client().getToken('collection', key(), USER_ID, TOKEN), 'gatewayForbidden', [TOKEN]);
    assert.match(error.message, /Microsoft-Azure-Application-Gateway/);
    assert.ok(!/<\/?(html|center|h1)/i.test(JSON.stringify(error)), 'no HTML in the explanation');
    assert.match(error.causes[0], /python-requests/);
  });

  it('explains RESOURCE_NOT_FOUND on a status read as a transaction of the other platform', async () => {
    const token = await client().getToken('collection', key(), USER_ID, TOKEN);
    const api = new PaymentApi({ baseUrl: emulator().url, host: new URL(emulator().url).host, timeoutMs: 5000 });
    const auth = { subscriptionKey: key(), accessToken: token.accessToken, targetEnvironment: 'mtnuganda' };
    const error = await failure(api.status('collection', auth, uuidv4()), 'transactionNotFound', [key()]);
    assert.match(error.causes[0], /other production platform/);
  });

  it('gives production token calls their own, longer deadline', async () => {
    emulator().injectFault({ kind: 'delay', path: '/token', delayMs: 600 });
    const slowToken = client({ timeoutMs: 200, tokenTimeoutMs: 10_000 }).getToken('collection', key(), USER_ID, TOKEN);
    assert.ok((await slowToken).accessToken, 'the token call outlives the general timeout');
    emulator().injectFault({ kind: 'delay', path: '/token', delayMs: 600 });
    const error = await failure(client({ timeoutMs: 200 }).getToken('collection', key(), USER_ID, TOKEN), 'timeout', [TOKEN]);
    assert.match(error.message, /0\.2 s/);
  });

  it('verifies a System Credentials pair end to end (token, then balance in UGX)', async () => {
    const report = await verifyCredentials({ ...systemPair(), baseUrl: emulator().url, tokenTimeoutMs: 30_000 });
    assert.equal(report.ok, true, JSON.stringify(report.steps));
    assert.deepEqual(report.balance, { availableBalance: '1000', currency: 'UGX' });
  });

  it('never sends a pair to the other platform\'s host', async () => {
    const emu = emulator();
    const before = emu.requests.length;
    const report = await verifyCredentials({ ...systemPair(), baseUrl: 'https://proxy.momoapi.mtn.com' });
    assert.equal(report.ok, false);
    assert.match(report.steps[0].summary, /legacy platform.*not sent/);
    assert.equal(emu.requests.length, before);
    assert.throws(() => new MomoClient({ baseUrl: 'https://momoapi.momo.africa', platform: 'legacy' }), /not sent/);
  });
});

describe('core/momo explainErrorText: the new platform\'s answers, pasted', () => {
  const cases: Array<[string, string, MomoErrorKind]> = [
    ['the token 400 body', '400 {"error": "Invalid or missing X-Target-Environment header"}', 'missingTargetEnvironment'],
    ['the token 400 body alone', '{"error": "Invalid or missing X-Target-Environment header"}', 'missingTargetEnvironment'],
    ['401 invalid_client', '401 {"error": "invalid_client"}', 'invalidClient'],
    ['invalid_client alone', '{"error":"invalid_client"}', 'invalidClient'],
    ['the gateway HTML 403', AZURE_GATEWAY_403_HTML, 'gatewayForbidden'],
    ['a status read answered RESOURCE_NOT_FOUND', 'GET https://momoapi.momo.africa/collection/v1_0/requesttopay/3f2b8c1e-7d4a-4e6b-9c0d-5a1b2c3d4e5f → 404 {"code":"RESOURCE_NOT_FOUND","message":"Requested resource was not found."}', 'transactionNotFound'],
  ];
  for (const [name, text, kind] of cases) {
    it(`explains ${name}`, () => {
      const error = explainErrorText(text);
      assert.equal(error?.kind, kind, error?.message);
      assert.ok(error.causes.length > 0 && error.nextSteps.length > 0, 'cause and next step');
      assert.ok(!/<\/?(html|center|h1)/i.test(JSON.stringify(error)), 'no HTML');
    });
  }

  it('explains pasted text the same way as the live answer', () => {
    const pasted = explainErrorText('401 {"error": "invalid_client"} from https://momoapi.momo.africa/collection/token/');
    assert.equal(pasted?.kind, 'invalidClient');
    assert.equal(pasted?.host, 'momoapi.momo.africa');
  });
});
