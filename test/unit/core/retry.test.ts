import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { MomoClient } from '../../../src/core/momo/client';
import { MomoError } from '../../../src/core/momo/momoError';
import { backoffDelay, MAX_RETRY_AFTER_MS, parseRetryAfter, resolvePolicy, retryDelay, withRetries } from '../../../src/core/momo/retry';

const KEY = '0123456789abcdef0123456789abcdef';

function unavailable(retryAfterMs?: number): MomoError {
  const error = new MomoError({ kind: 'serviceUnavailable', message: 'down', status: 503, retryable: true });
  error.retryAfterMs = retryAfterMs;
  return error;
}

/** A server that answers every request with `status` and the given headers. */
async function answering(status: number, headers: Record<string, string>): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const server = http.createServer((req, res) => {
    hits++;
    req.resume();
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, hits: () => hits, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('core/momo retries: jitter and Retry-After', () => {
  const policy = resolvePolicy({ attempts: 3, baseDelayMs: 400 });

  it('spreads each backoff step between half and all of it', () => {
    assert.equal(backoffDelay(policy, 2, () => 0), 200);
    assert.equal(backoffDelay(policy, 2, () => 1), 400);
    assert.equal(backoffDelay(policy, 3, () => 0.5), 600);
    const seen = new Set(Array.from({ length: 50 }, () => backoffDelay(policy, 2)));
    assert.ok(seen.size > 1, 'no jitter: every delay was the same');
    for (const delay of seen) assert.ok(delay >= 200 && delay <= 400, String(delay));
  });

  it('reads Retry-After as seconds or as an HTTP date, and nothing else', () => {
    const now = Date.parse('2026-11-30T10:00:00Z');
    assert.equal(parseRetryAfter('2', now), 2000);
    assert.equal(parseRetryAfter(' 7 ', now), 7000);
    assert.equal(parseRetryAfter('Mon, 30 Nov 2026 10:00:05 GMT', now), 5000);
    assert.equal(parseRetryAfter('Mon, 30 Nov 2026 09:00:00 GMT', now), 0);
    for (const bad of [undefined, '', 'soon', '-1', '1.5', '9'.repeat(80), ['1']]) assert.equal(parseRetryAfter(bad, now), undefined, String(bad));
  });

  it('waits at least what the server asked, and gives up at once on an unreasonable wait', () => {
    assert.ok((retryDelay(policy, 2, unavailable(5000)) ?? 0) >= 5000);
    assert.ok((retryDelay(policy, 2, unavailable(0)) ?? 0) >= 200);
    assert.equal(retryDelay(policy, 2, unavailable(MAX_RETRY_AFTER_MS + 1)), undefined);
  });

  it('withRetries honours Retry-After between tries', async () => {
    const times: number[] = [];
    const result = await withRetries(resolvePolicy({ attempts: 2, baseDelayMs: 1 }), undefined, async (attempt) => {
      times.push(Date.now());
      if (attempt === 1) throw unavailable(600);
      return 'done';
    });
    assert.equal(result, 'done');
    assert.ok(times[1] - times[0] >= 590, `retried after ${times[1] - times[0]} ms`);
  });

  it('withRetries does not retry when the server asks for a longer wait than is reasonable', async () => {
    let tries = 0;
    const error = unavailable(MAX_RETRY_AFTER_MS * 2);
    await assert.rejects(
      withRetries(resolvePolicy({ attempts: 3, baseDelayMs: 1 }), undefined, async () => {
        tries++;
        throw error;
      }),
      (thrown) => thrown === error,
    );
    assert.equal(tries, 1);
  });

  for (const status of [429, 503]) {
    it(`the client keeps a ${status}'s Retry-After on the error`, async () => {
      const server = await answering(status, { 'Retry-After': '7' });
      try {
        const error = await new MomoClient({ baseUrl: server.url }).getApiUser(KEY, randomUUID()).then(
          () => assert.fail('expected a failure'),
          (e: unknown) => e as MomoError,
        );
        assert.ok(error instanceof MomoError);
        assert.equal(error.retryAfterMs, 7000);
      } finally {
        await server.close();
      }
    });
  }
});
