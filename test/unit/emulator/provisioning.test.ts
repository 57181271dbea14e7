import * as assert from 'assert';
import { randomUUID } from 'crypto';
import * as net from 'net';
import { startEmulator } from '../../../src/emulator/server';
import type { RunningEmulator } from '../../../src/emulator/types';
import { basic, call, keyOf, provisionUser } from './helpers';

/** Sends a request byte for byte: fetch and http.request always add a length or chunking. */
function rawRequest(emu: RunningEmulator, lines: string[]): Promise<{ status: number; raw: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(emu.port, '127.0.0.1', () => socket.write(lines.join('\r\n') + '\r\n\r\n'));
    let raw = '';
    socket.on('data', (chunk) => {
      raw += chunk.toString('utf8');
      if (raw.includes('\r\n\r\n')) {
        socket.destroy();
        resolve({ status: Number(raw.split(' ')[1]), raw });
      }
    });
    socket.on('error', reject);
  });
}

function createUser(emu: RunningEmulator, referenceId: string | undefined, body?: string) {
  return call(emu, 'POST', '/v1_0/apiuser', {
    headers: { 'X-Reference-Id': referenceId, 'Ocp-Apim-Subscription-Key': keyOf(emu), 'Content-Type': 'application/json' },
    body,
  });
}

describe('emulator provisioning (sandbox user provisioning)', () => {
  let emu: RunningEmulator;
  beforeEach(async () => {
    emu = await startEmulator();
  });
  afterEach(() => emu.close());

  it('creates a user (201, empty body) that can be read back', async () => {
    const id = randomUUID();
    const created = await createUser(emu, id, JSON.stringify({ providerCallbackHost: 'shop.example.com' }));
    assert.strictEqual(created.status, 201);
    assert.strictEqual(created.text, '');
    const read = await call(emu, 'GET', `/v1_0/apiuser/${id}`, { headers: { 'Ocp-Apim-Subscription-Key': keyOf(emu) } });
    assert.strictEqual(read.status, 200);
    assert.deepStrictEqual(read.json(), { providerCallbackHost: 'shop.example.com', targetEnvironment: 'sandbox' });
    assert.strictEqual(emu.apiUserCount(), 1);
  });

  it('accepts any string as providerCallbackHost, even a URL, like the sandbox', async () => {
    const res = await createUser(emu, randomUUID(), JSON.stringify({ providerCallbackHost: 'https://webhook.site/x' }));
    assert.strictEqual(res.status, 201);
  });

  it('treats reference ids without regard to case', async () => {
    const id = randomUUID();
    assert.strictEqual((await createUser(emu, id.toUpperCase(), '{"providerCallbackHost":"a.b"}')).status, 201);
    const read = await call(emu, 'GET', `/v1_0/apiuser/${id}`, { headers: { 'Ocp-Apim-Subscription-Key': keyOf(emu) } });
    assert.strictEqual(read.status, 200);
  });

  for (const [name, id] of [
    ['missing', undefined],
    ['a UUID v1', 'c232ab00-9414-11ec-b3c8-9f6bdeced846'],
    ['a listing id', 'LISTING-12-ab34'],
    ['empty', ''],
  ] as const) {
    it(`refuses an X-Reference-Id that is ${name} with 400 and creates nothing`, async () => {
      const res = await createUser(emu, id, JSON.stringify({ providerCallbackHost: 'example.com' }));
      assert.strictEqual(res.status, 400);
      assert.strictEqual(res.text, '');
      assert.ok(res.headers.get('x-emulator-reason'));
      assert.strictEqual(emu.apiUserCount(), 0);
    });
  }

  for (const [name, body] of [
    ['malformed JSON', '{"providerCallbackHost": '],
    ['a JSON array', '[]'],
    ['no providerCallbackHost', '{}'],
    ['an empty providerCallbackHost', '{"providerCallbackHost": ""}'],
    ['a non-string providerCallbackHost', '{"providerCallbackHost": 5}'],
    ['an empty body', ''],
  ] as const) {
    it(`refuses ${name} with 400`, async () => {
      const res = await createUser(emu, randomUUID(), body);
      assert.strictEqual(res.status, 400);
      assert.strictEqual(emu.apiUserCount(), 0);
    });
  }

  it('refuses a duplicate reference id with the exact 409 body', async () => {
    const id = randomUUID();
    assert.strictEqual((await createUser(emu, id, '{"providerCallbackHost":"a.com"}')).status, 201);
    const again = await createUser(emu, id, '{"providerCallbackHost":"b.com"}');
    assert.strictEqual(again.status, 409);
    assert.deepStrictEqual(again.json(), { code: 'RESOURCE_ALREADY_EXIST', message: 'Duplicated reference id. Creation of resource failed.' });
  });

  it('answers an unknown user with the exact 404 body, for read and for key creation', async () => {
    const notFound = { code: 'RESOURCE_NOT_FOUND', message: 'Requested resource was not found.' };
    const headers = { 'Ocp-Apim-Subscription-Key': keyOf(emu) };
    const read = await call(emu, 'GET', `/v1_0/apiuser/${randomUUID()}`, { headers });
    assert.strictEqual(read.status, 404);
    assert.deepStrictEqual(read.json(), notFound);
    const key = await call(emu, 'POST', `/v1_0/apiuser/${randomUUID()}/apikey`, { headers, body: '' });
    assert.strictEqual(key.status, 404);
    assert.deepStrictEqual(key.json(), notFound);
  });

  it('refuses a malformed user id in the path with 400', async () => {
    const res = await call(emu, 'GET', '/v1_0/apiuser/not-a-uuid', { headers: { 'Ocp-Apim-Subscription-Key': keyOf(emu) } });
    assert.strictEqual(res.status, 400);
  });

  it('creates a 32-hex API key; a new key replaces the old one (login_failed)', async () => {
    const { apiUser, apiKey: oldKey } = await provisionUser(emu);
    assert.match(oldKey, /^[0-9a-f]{32}$/);
    const again = await call(emu, 'POST', `/v1_0/apiuser/${apiUser}/apikey`, { headers: { 'Ocp-Apim-Subscription-Key': keyOf(emu) }, body: '' });
    assert.strictEqual(again.status, 201);
    const newKey = (again.json() as { apiKey: string }).apiKey;
    assert.notStrictEqual(newKey, oldKey);
    const token = (apiKey: string) =>
      call(emu, 'POST', '/collection/token/', { headers: { 'Ocp-Apim-Subscription-Key': keyOf(emu), Authorization: basic(apiUser, apiKey) } });
    const withOld = await token(oldKey);
    assert.strictEqual(withOld.status, 500);
    assert.deepStrictEqual(withOld.json(), { error: 'login_failed' });
    assert.strictEqual((await token(newKey)).status, 200);
  });

  it('accepts a key-creation POST with no body and no Content-Length (lenient, like the sandbox)', async () => {
    const id = randomUUID();
    await createUser(emu, id, '{"providerCallbackHost":"example.com"}');
    const res = await rawRequest(emu, [`POST /v1_0/apiuser/${id}/apikey HTTP/1.1`, 'Host: localhost', `Ocp-Apim-Subscription-Key: ${keyOf(emu)}`, 'Connection: close']);
    assert.strictEqual(res.status, 201);
  });

  it('answers such a POST with 411 when requireContentLength is set, and accepts Content-Length: 0', async () => {
    const strict = await startEmulator({ requireContentLength: true });
    try {
      const id = randomUUID();
      await createUser(strict, id, '{"providerCallbackHost":"example.com"}');
      const head = [`POST /v1_0/apiuser/${id}/apikey HTTP/1.1`, 'Host: localhost', `Ocp-Apim-Subscription-Key: ${keyOf(strict)}`, 'Connection: close'];
      assert.strictEqual((await rawRequest(strict, head)).status, 411);
      assert.strictEqual((await rawRequest(strict, [...head, 'Content-Length: 0'])).status, 201);
    } finally {
      await strict.close();
    }
  });
});
