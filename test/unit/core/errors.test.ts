import * as assert from 'node:assert/strict';
import { AxiosError, AxiosHeaders } from 'axios';
import {
  classifyError,
  classifyResponse,
  explainErrorText,
  MomoError,
  MomoErrorKind,
} from '../../../src/core/momo/errors';
import { assertNoSecretsIn } from './helpers/secrets';
import { INVALID_KEY_BODY as INVALID_KEY, MISSING_KEY_BODY as MISSING_KEY } from '../gatewayBodies';

const HOST = 'sandbox.momodeveloper.mtn.com';
const SUBSCRIPTION_KEY = '0123456789abcdef0123456789abcdef';

describe('core/momo errors: classifyResponse (documented bodies)', () => {
  const cases: Array<{ name: string; status: number; body: unknown; operation: string; kind: MomoErrorKind }> = [
    { name: 'gateway invalid key', status: 401, body: INVALID_KEY, operation: 'createApiUser', kind: 'invalidSubscriptionKey' },
    { name: 'gateway invalid key as text', status: 401, body: JSON.stringify(INVALID_KEY), operation: 'getToken', kind: 'invalidSubscriptionKey' },
    { name: 'gateway missing key', status: 401, body: MISSING_KEY, operation: 'getBalance', kind: 'missingSubscriptionKey' },
    { name: 'gateway 404 on provisioning', status: 404, body: { statusCode: 404, message: 'Resource not found' }, operation: 'createApiUser', kind: 'provisioningNotAvailable' },
    { name: 'gateway 404 on a product call', status: 404, body: { statusCode: 404, message: 'Resource not found' }, operation: 'getBalance', kind: 'unexpected' },
    { name: 'unknown API user', status: 404, body: { code: 'RESOURCE_NOT_FOUND', message: 'Requested resource was not found.' }, operation: 'createApiKey', kind: 'apiUserNotFound' },
    { name: 'duplicate reference id', status: 409, body: { code: 'RESOURCE_ALREADY_EXIST', message: 'Duplicated reference id. Creation of resource failed.' }, operation: 'createApiUser', kind: 'duplicateReferenceId' },
    { name: '400 without body', status: 400, body: '', operation: 'createApiUser', kind: 'badRequest' },
    { name: 'login_failed', status: 500, body: { error: 'login_failed' }, operation: 'getToken', kind: 'loginFailed' },
    { name: 'token 401 invalid_client', status: 401, body: { error: 'invalid_client' }, operation: 'getToken', kind: 'invalidClient' },
    { name: 'token 401 without a body', status: 401, body: '', operation: 'getToken', kind: 'loginFailed' },
    { name: 'wrong target environment', status: 500, body: { code: 'NOT_ALLOWED_TARGET_ENVIRONMENT', message: 'Access to target environment is forbidden.' }, operation: 'getBalance', kind: 'wrongTargetEnvironment' },
    { name: 'invalid currency', status: 500, body: { code: 'INVALID_CURRENCY', message: 'Currency not supported.' }, operation: 'requestToPay', kind: 'invalidCurrency' },
    { name: '401 without statusCode on a product call', status: 401, body: { code: 'UNAUTHORIZED', message: 'Access token expired.' }, operation: 'getBalance', kind: 'tokenExpired' },
    { name: '503', status: 503, body: 'Service Unavailable', operation: 'createApiUser', kind: 'serviceUnavailable' },
    { name: '502', status: 502, body: '', operation: 'getToken', kind: 'serviceUnavailable' },
    { name: '500 without body', status: 500, body: '', operation: 'createApiUser', kind: 'serverError' },
    { name: 'redirect', status: 302, body: '', operation: 'createApiUser', kind: 'unexpected' },
  ];
  for (const c of cases) {
    it(`${c.name} → ${c.kind}`, () => {
      const error = classifyResponse(c.status, c.body, { host: HOST, operation: c.operation });
      assert.ok(error instanceof MomoError);
      assert.equal(error.kind, c.kind);
      assert.equal(error.status, c.status);
      assert.equal(error.host, HOST);
      assert.ok(error.message.length > 10 && /[.)]$/.test(error.message), error.message);
      assert.ok(!error.message.includes('\n'), 'message is one sentence on one line');
      assert.ok(error.nextSteps.length > 0, 'has a next step');
    });
  }

  it('names the Collection Widget first among the causes of an invalid key, then product, region, regeneration', () => {
    const error = classifyResponse(401, INVALID_KEY, { host: HOST, operation: 'createApiUser' });
    assert.match(error.causes[0], /Collection Widget/);
    assert.match(error.causes[1], /another product/);
    assert.match(error.causes[2], /momodeveloper\.mtn\.co\.rw/);
    assert.match(error.causes[3], /regenerated|not active/);
    assert.equal(error.nextSteps[0].id, 'reenterSubscriptionKey');
    assert.equal(error.retryable, false);
  });

  it('names the product a product call needs', () => {
    const error = classifyResponse(401, INVALID_KEY, { host: HOST, operation: 'getToken', product: 'disbursement' });
    assert.match(error.causes[1], /Disbursements key/);
  });

  it('tells provisioning on a production host to use the Partner Portal', () => {
    const error = classifyResponse(404, { statusCode: 404, message: 'Resource not found' }, { host: 'proxy.momoapi.mtn.com', operation: 'createApiUser' });
    assert.match(error.message, /proxy\.momoapi\.mtn\.com has no Provisioning API/);
    assert.match(error.causes.join(' '), /Partner Portal/);
    assert.ok(error.nextSteps.some((s) => s.id === 'openPartnerPortal' && s.url));
  });

  it('names the unknown API user', () => {
    const id = '3f2b8c1e-7d4a-4e6b-9c0d-5a1b2c3d4e5f';
    const error = classifyResponse(404, { code: 'RESOURCE_NOT_FOUND' }, { host: HOST, operation: 'getApiUser', apiUser: id });
    assert.ok(error.message.includes(id));
  });

  it('marks only transient failures as retryable', () => {
    const retryable = (status: number, body: unknown) => classifyResponse(status, body, { host: HOST, operation: 'createApiUser' }).retryable;
    assert.equal(retryable(503, ''), true);
    assert.equal(retryable(500, ''), true);
    assert.equal(retryable(400, ''), false);
    assert.equal(retryable(409, { code: 'RESOURCE_ALREADY_EXIST' }), false);
    assert.equal(retryable(401, INVALID_KEY), false);
  });

  it('quotes a server message only after redacting it', () => {
    const error = classifyResponse(500, { message: `boom with key ${SUBSCRIPTION_KEY}` }, { host: HOST, operation: 'getBalance' });
    assert.equal(error.kind, 'serverError');
    assert.match(error.message, /boom with key/);
    assertNoSecretsIn(error, [SUBSCRIPTION_KEY]);
  });
});

describe('core/momo errors: classifyError (thrown things)', () => {
  const context = { host: HOST, operation: 'createApiUser', timeoutMs: 15000 };

  function axiosError(code: string | undefined, message: string, cause?: Error): AxiosError {
    const config = { headers: new AxiosHeaders({ 'Ocp-Apim-Subscription-Key': SUBSCRIPTION_KEY }) };
    const error = new AxiosError(message, code, config as never);
    if (cause) (error as { cause?: unknown }).cause = cause;
    return error;
  }

  const networkCases: Array<[string, string, RegExp]> = [
    ['ENOTFOUND', 'getaddrinfo ENOTFOUND sandbox.momodeveloper.mtn.com', /does not resolve/],
    ['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1', /ECONNREFUSED/],
    ['ECONNRESET', 'socket hang up', /cut/],
    ['EAI_AGAIN', 'getaddrinfo EAI_AGAIN', /looked up/],
  ];
  for (const [code, message, expected] of networkCases) {
    it(`${code} → network naming the host`, () => {
      const error = classifyError(axiosError(code, message), context);
      assert.equal(error.kind, 'network');
      assert.ok(error.message.includes(HOST));
      assert.match(error.message, expected);
      assertNoSecretsIn(error, [SUBSCRIPTION_KEY]);
    });
  }

  it('a misspelled host is not retryable, a reset is', () => {
    assert.equal(classifyError(axiosError('ENOTFOUND', 'x'), context).retryable, false);
    assert.equal(classifyError(axiosError('ECONNRESET', 'x'), context).retryable, true);
  });

  it('TLS failures say the secure connection failed', () => {
    const error = classifyError(axiosError(undefined, 'self signed', Object.assign(new Error('x'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' })), context);
    assert.equal(error.kind, 'network');
    assert.match(error.message, /secure connection/);
    assert.match(error.causes[0], /proxy/i);
  });

  it('axios timeout → timeout with the limit in seconds', () => {
    const error = classifyError(axiosError('ECONNABORTED', 'timeout of 15000ms exceeded'), context);
    assert.equal(error.kind, 'timeout');
    assert.match(error.message, /within 15 s/);
    assert.equal(error.retryable, true);
  });

  it('cancellation → cancelled', () => {
    assert.equal(classifyError(axiosError('ERR_CANCELED', 'canceled'), context).kind, 'cancelled');
    const abort = new Error('aborted');
    abort.name = 'AbortError';
    assert.equal(classifyError(abort, context).kind, 'cancelled');
  });

  it('an axios error with a response is classified by its status and body', () => {
    const error = axiosError('ERR_BAD_REQUEST', 'Request failed with status code 401');
    error.response = { status: 401, data: INVALID_KEY, headers: {}, statusText: '', config: error.config as never };
    const classified = classifyError(error, context);
    assert.equal(classified.kind, 'invalidSubscriptionKey');
    assertNoSecretsIn(classified, [SUBSCRIPTION_KEY]);
  });

  it('passes a MomoError through and turns anything else into unexpected', () => {
    const original = new MomoError({ kind: 'loginFailed', message: 'x.' });
    assert.equal(classifyError(original, context), original);
    assert.equal(classifyError('a string', context).kind, 'unexpected');
    assert.equal(classifyError(new TypeError('bad'), context).kind, 'unexpected');
    assert.equal(classifyError(axiosError('ERR_BAD_OPTION_VALUE', 'bad option'), context).kind, 'unexpected');
  });

  it('withCreatedApiUser keeps everything, adds the id, and puts "finish provisioning" where "try again" was', () => {
    const original = classifyError(axiosError('ECONNRESET', 'x'), context);
    assert.deepEqual(original.nextSteps.map((s) => s.id), ['checkNetwork', 'retry']);
    const copy = original.withCreatedApiUser('3f2b8c1e-7d4a-4e6b-9c0d-5a1b2c3d4e5f');
    assert.equal(copy.createdApiUser, '3f2b8c1e-7d4a-4e6b-9c0d-5a1b2c3d4e5f');
    assert.equal(copy.apiUserUnconfirmed, undefined);
    assert.deepEqual(copy.nextSteps.map((s) => s.id), ['finishProvisioning', 'checkNetwork']);
    assert.deepEqual({ ...copy.toJSON(), createdApiUser: undefined, nextSteps: original.nextSteps }, original.toJSON());
    assert.equal(original.createdApiUser, undefined);
    const unconfirmed = original.withCreatedApiUser('3f2b8c1e-7d4a-4e6b-9c0d-5a1b2c3d4e5f', false);
    assert.equal(unconfirmed.apiUserUnconfirmed, true);
    assert.equal(unconfirmed.toJSON().apiUserUnconfirmed, true);
  });
});

describe('core/momo errors: explainErrorText (pasted text)', () => {
  const cases: Array<[string, MomoErrorKind]> = [
    ['401 Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.', 'invalidSubscriptionKey'],
    [JSON.stringify(INVALID_KEY), 'invalidSubscriptionKey'],
    ['HTTP/1.1 401 Unauthorized\n' + JSON.stringify(MISSING_KEY), 'missingSubscriptionKey'],
    ['{"error": "login_failed"}', 'loginFailed'],
    ['login_failed', 'loginFailed'],
    ['Request failed: 409 {"code":"RESOURCE_ALREADY_EXIST","message":"Duplicated reference id. Creation of resource failed."}', 'duplicateReferenceId'],
    ['{"code":"RESOURCE_NOT_FOUND","message":"Requested resource was not found."}', 'apiUserNotFound'],
    ['POST https://proxy.momoapi.mtn.com/v1_0/apiuser 404 {"statusCode": 404, "message": "Resource not found"}', 'provisioningNotAvailable'],
    ['NOT_ALLOWED_TARGET_ENVIRONMENT Access to target environment is forbidden.', 'wrongTargetEnvironment'],
    ['500 {"code":"INVALID_CURRENCY","message":"Currency not supported."}', 'invalidCurrency'],
    ['503 Service Unavailable', 'serviceUnavailable'],
    ['Error: getaddrinfo ENOTFOUND sandbox.momodeveloper.mtn.com', 'network'],
    ['connect ECONNREFUSED 127.0.0.1:8080', 'network'],
    ['Error: timeout of 15000ms exceeded', 'timeout'],
    ['GET /collection/v1_0/account/balance 401 {"code":"UNAUTHORIZED","message":"Access token expired."}', 'tokenExpired'],
  ];
  for (const [text, kind] of cases) {
    it(`${JSON.stringify(text.slice(0, 60))} → ${kind}`, () => {
      const error = explainErrorText(text);
      assert.ok(error, 'recognised');
      assert.equal(error.kind, kind);
    });
  }

  it('gives the same explanation as the live answer', () => {
    const live = classifyResponse(401, INVALID_KEY, { host: HOST, operation: 'createApiUser' });
    const pasted = explainErrorText(`POST https://${HOST}/v1_0/apiuser → 401 ${JSON.stringify(INVALID_KEY)}`);
    assert.ok(pasted);
    assert.deepEqual(pasted.toJSON(), live.toJSON());
  });

  it('names the host found in the text, and reads well without one', () => {
    assert.match(explainErrorText('getaddrinfo ENOTFOUND sandbox.momodeveloper.mtn.co')?.message ?? '', /sandbox\.momodeveloper\.mtn\.co\b/);
    const hostless = explainErrorText('503 Service Unavailable');
    assert.equal(hostless?.host, undefined);
    assert.match(hostless?.message ?? '', /^The MoMo API is temporarily unavailable/);
  });

  it('keeps secrets in the pasted text out of the explanation', () => {
    const text = `curl -H "Ocp-Apim-Subscription-Key: ${SUBSCRIPTION_KEY}" → 401 ${JSON.stringify(INVALID_KEY)}`;
    const error = explainErrorText(text);
    assert.equal(error?.kind, 'invalidSubscriptionKey');
    assertNoSecretsIn(error as MomoError, [SUBSCRIPTION_KEY]);
  });

  it('returns undefined for text that is not a MoMo error', () => {
    assert.equal(explainErrorText(''), undefined);
    assert.equal(explainErrorText('hello world'), undefined);
    assert.equal(explainErrorText('{"ok": true}'), undefined);
  });
});
