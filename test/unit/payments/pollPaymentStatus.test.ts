import * as assert from 'node:assert/strict';
import { isFinalStatus, pollPaymentStatus } from '../../../src/core/payments';
import type { PaymentStatusAnswer } from '../../../src/core/payments';
import { explain } from '../../../src/core/momo/explanations';

/** A read that answers from a script of statuses and errors, recording when it was called. */
function scripted(script: Array<string | Error>) {
  const calls: number[] = [];
  const start = Date.now();
  const read = async (): Promise<PaymentStatusAnswer> => {
    calls.push(Date.now() - start);
    const next = script.shift() ?? 'PENDING';
    if (next instanceof Error) throw next;
    return { status: next };
  };
  return { read, calls };
}

describe('payments: polling', () => {
  it('knows which statuses are final', () => {
    assert.deepEqual(['PENDING', 'ongoing', 'CREATED', 'SUCCESSFUL', 'FAILED', 'REJECTED'].map(isFinalStatus), [false, false, false, true, true, true]);
  });

  it('reads until the status is final', async () => {
    const { read } = scripted(['PENDING', 'PENDING', 'SUCCESSFUL']);
    const outcome = await pollPaymentStatus(read, { intervalMs: 1, maxIntervalMs: 5, timeLimitMs: 5000 });
    assert.deepEqual({ status: outcome.last?.status, polls: outcome.polls, timedOut: outcome.timedOut }, { status: 'SUCCESSFUL', polls: 3, timedOut: false });
  });

  it('waits longer between reads (backoff), up to the cap', async () => {
    const { read } = scripted(['PENDING', 'PENDING', 'PENDING', 'PENDING', 'FAILED']);
    const waits: number[] = [];
    const outcome = await pollPaymentStatus(read, {
      intervalMs: 20,
      maxIntervalMs: 50,
      timeLimitMs: 60_000,
      wait: async (ms) => {
        waits.push(ms);
      },
    });
    assert.equal(outcome.last?.status, 'FAILED');
    assert.deepEqual(waits, [20, 40, 50, 50]);
  });

  it('gives up at the time limit with the last status', async () => {
    const { read } = scripted([]);
    const started = Date.now();
    const outcome = await pollPaymentStatus(read, { intervalMs: 10, maxIntervalMs: 10, timeLimitMs: 60 });
    assert.equal(outcome.timedOut, true);
    assert.equal(outcome.last?.status, 'PENDING');
    // It stops near the 60 ms limit; the bound leaves room for a loaded machine, not for polling on.
    assert.ok(Date.now() - started < 3000);
    assert.ok(outcome.polls >= 4);
  });

  it('keeps polling through an outage and reports it if the time runs out', async () => {
    const outage = explain('serviceUnavailable', { status: 503 });
    const recovered = await pollPaymentStatus(scripted([outage, outage, 'SUCCESSFUL']).read, { intervalMs: 1, maxIntervalMs: 1, timeLimitMs: 5000 });
    assert.equal(recovered.last?.status, 'SUCCESSFUL');
    assert.equal(recovered.lastError, undefined);
    const down = await pollPaymentStatus(scripted(Array(50).fill(outage)).read, { intervalMs: 5, maxIntervalMs: 5, timeLimitMs: 30 });
    assert.equal(down.timedOut, true);
    assert.equal(down.last, undefined);
    assert.equal(down.lastError?.kind, 'serviceUnavailable');
  });

  it('throws an error that polling cannot cure', async () => {
    const notFound = explain('unexpected', { status: 404 });
    const polling = pollPaymentStatus(scripted([notFound]).read, { intervalMs: 1, maxIntervalMs: 1, timeLimitMs: 1000 });
    await assert.rejects(polling, (e: Error) => e === notFound);
  });

  it('stops waiting as soon as it is cancelled', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const started = Date.now();
    await assert.rejects(
      pollPaymentStatus(scripted([]).read, { intervalMs: 10_000, maxIntervalMs: 10_000, timeLimitMs: 60_000, signal: controller.signal }),
      { kind: 'cancelled' },
    );
    assert.ok(Date.now() - started < 5000, 'it waited for the 10 s interval instead of stopping');
  });
});
