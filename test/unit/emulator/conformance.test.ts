import * as assert from 'assert';
import { randomUUID } from 'crypto';
import * as path from 'path';
import { isProduct, PRODUCTS, type Product } from '../../../src/core/momo/products';
import { startEmulator } from '../../../src/emulator/server';
import type { RunningEmulator } from '../../../src/emulator/types';
import { call, createPayment, getToken, keyOf, provisionUser, type Credentials, type WireResponse } from './helpers';
import { loadOperations, sampleFromSchema, specPath, successStatus, type MomoOperation } from './momoSpec';

/**
 * Conformance generated from the MoMo contract (spec/momo-operations.json, made from MTN's
 * Swagger files): every operation it declares must be served, and leaving out any header it
 * requires must be refused as MoMo would. Nothing here lists paths by hand; a new operation in
 * the contract becomes a new test.
 */
const operations = loadOperations();

interface Fixture {
  creds: Record<Product, Credentials>;
  tokens: Record<Product, string>;
  payments: Record<Product, string>;
}

interface BuildOptions {
  omitHeader?: string;
  keyInQuery?: boolean;
  toggleTrailingSlash?: boolean;
}

function productOf(op: MomoOperation): Product | undefined {
  const name = op.basePath.replace(/^\//, '');
  return isProduct(name) ? name : undefined;
}

function isTokenOperation(op: MomoOperation): boolean {
  return op.path.replace(/\/$/, '').endsWith('/token');
}

function label(op: MomoOperation): string {
  return `${op.method} ${op.basePath}${op.path} (${op.file})`;
}

/** A request the Swagger calls valid, filled from the fixture. Unknown parameters fail loudly. */
function buildRequest(emu: RunningEmulator, fx: Fixture, op: MomoOperation, options: BuildOptions = {}) {
  const product = productOf(op);
  const keyProduct = product ?? 'collection'; // provisioning takes any product's key
  let opPath = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(pathValue(name, product, fx)));
  if (options.toggleTrailingSlash) opPath = opPath.endsWith('/') ? opPath.slice(0, -1) : `${opPath}/`;
  const headers: Record<string, string> = {};
  for (const p of op.parameters.filter((x) => x.in === 'header')) headers[p.name] = headerValue(p.name, op, product, fx);
  let query = '';
  if (options.keyInQuery) {
    assert.ok(op.keyQuery, `${op.file} declares no query key`);
    query = `?${op.keyQuery}=${keyOf(emu, keyProduct)}`;
  } else {
    headers[op.keyHeader] = keyOf(emu, keyProduct);
  }
  if (options.omitHeader) delete headers[options.omitHeader];
  const bodyParam = op.parameters.find((p) => p.in === 'body');
  let body: string | undefined;
  if (bodyParam?.schema) {
    body = JSON.stringify(sampleFromSchema(bodyParam.schema));
    headers['Content-Type'] = 'application/json';
  } else if (op.method === 'POST') {
    body = ''; // explicit empty body: Content-Length: 0
  }
  return { method: op.method, path: `${op.basePath}${opPath}${query}`, headers, body };
}

function pathValue(name: string, product: Product | undefined, fx: Fixture): string {
  switch (name) {
    case 'X-Reference-Id':
      return fx.creds.collection.apiUser;
    case 'accountHolderIdType':
      return 'msisdn';
    case 'accountHolderId':
      return '46733123456';
    case 'referenceId':
      assert.ok(product, 'referenceId outside a product');
      return fx.payments[product];
    default:
      throw new Error(`The conformance test does not know path parameter ${name}: teach it.`);
  }
}

function headerValue(name: string, op: MomoOperation, product: Product | undefined, fx: Fixture): string {
  switch (name) {
    case 'Authorization': {
      assert.ok(product, 'Authorization outside a product');
      const creds = fx.creds[product];
      return isTokenOperation(op)
        ? 'Basic ' + Buffer.from(`${creds.apiUser}:${creds.apiKey}`).toString('base64')
        : `Bearer ${fx.tokens[product]}`;
    }
    case 'X-Reference-Id':
      return randomUUID();
    case 'X-Target-Environment':
      return 'sandbox';
    case 'X-Callback-Url':
      return 'http://example.com/momo/callback' // sandbox mode: http, on the user's host;
    default:
      throw new Error(`The conformance test does not know header ${name}: teach it.`);
  }
}

/** What leaving out a header must produce, per docs/momo-api.md and the emulator's documented choices. */
function assertRefusedWithout(header: string, op: MomoOperation, res: WireResponse): void {
  const where = `${label(op)} without ${header}`;
  if (header === op.keyHeader) {
    assert.strictEqual(res.status, 401, where);
    assert.deepStrictEqual(res.json(), {
      statusCode: 401,
      message: 'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.',
    });
  } else if (header === 'Authorization' && isTokenOperation(op)) {
    assert.strictEqual(res.status, 401, where);
    assert.deepStrictEqual(res.json(), { error: 'invalid_client' }, where);
  } else if (header === 'Authorization') {
    assert.strictEqual(res.status, 401, where);
    const body = res.json() as Record<string, unknown>;
    assert.strictEqual(body.code, 'UNAUTHORIZED', where);
    assert.ok(!('statusCode' in body), `${where}: MoMo's 401 must not look like the gateway's`);
  } else if (header === 'X-Reference-Id' || header === 'X-Target-Environment') {
    assert.strictEqual(res.status, 400, where);
  } else {
    assert.ok(res.status >= 400 && res.status < 600, `${where}: got ${res.status}`);
  }
}

describe('emulator conformance to the MoMo Swagger files', () => {
  let emu: RunningEmulator;
  const fx = {} as Fixture;

  before(async () => {
    emu = await startEmulator();
    fx.creds = {} as Fixture['creds'];
    fx.tokens = {} as Fixture['tokens'];
    fx.payments = {} as Fixture['payments'];
    for (const product of PRODUCTS) {
      fx.creds[product] = await provisionUser(emu, product);
      fx.tokens[product] = await getToken(emu, product, fx.creds[product]);
      fx.payments[product] = await createPayment(emu, product, fx.tokens[product], '46733123456');
    }
  });
  after(() => emu.close());

  it(`reads the operations of the four Swagger files from ${path.relative(process.cwd(), specPath())}`, () => {
    const files = new Set(operations.map((op) => op.file));
    assert.deepStrictEqual([...files].sort(), ['collection.json', 'disbursements.json', 'remittance.json', 'user.json']);
    assert.ok(operations.length >= 18, `only ${operations.length} operations found`);
  });

  for (const op of operations) {
    describe(label(op), () => {
      it(`is served with ${successStatus(op)} for a valid request`, async () => {
        const req = buildRequest(emu, fx, op);
        const res = await call(emu, req.method, req.path, req);
        assert.notDeepStrictEqual(safeJson(res), { statusCode: 404, message: 'Resource not found' }, 'gateway 404');
        assert.strictEqual(res.status, successStatus(op), `${label(op)}: ${res.status} ${res.text}`);
      });

      it('accepts the subscription key as the documented query parameter', async () => {
        const req = buildRequest(emu, fx, op, { keyInQuery: true });
        const res = await call(emu, req.method, req.path, req);
        assert.strictEqual(res.status, successStatus(op), res.text);
      });

      it('is also served with the other trailing-slash form of its path', async () => {
        const req = buildRequest(emu, fx, op, { toggleTrailingSlash: true });
        const res = await call(emu, req.method, req.path, req);
        assert.strictEqual(res.status, successStatus(op), res.text);
      });

      const required = op.parameters.filter((p) => p.in === 'header' && p.required).map((p) => p.name);
      // The Swagger marks Authorization optional on product calls, yet MoMo refuses them without it.
      const effectivelyRequired = op.parameters.some((p) => p.in === 'header' && p.name === 'Authorization') ? ['Authorization'] : [];
      for (const header of new Set([op.keyHeader, ...required, ...effectivelyRequired])) {
        it(`refuses a request without ${header}`, async () => {
          const req = buildRequest(emu, fx, op, { omitHeader: header });
          const res = await call(emu, req.method, req.path, req);
          assertRefusedWithout(header, op, res);
        });
      }
    });
  }
});

function safeJson(res: WireResponse): unknown {
  try {
    return res.json();
  } catch {
    return res.text;
  }
}
