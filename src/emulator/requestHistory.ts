/**
 * The requests an emulator remembers, for tests to assert on. Bounded on both axes so that a
 * long test or bench run stays flat: only the latest requests are kept, and of each body only
 * its start (MoMo bodies are a few hundred bytes; the rest is counted, not kept).
 */
import type { RecordedRequest } from './types';

/** Default number of requests kept; older ones are dropped first. */
export const DEFAULT_HISTORY_LIMIT = 1000;
/** Characters of a body kept in the history. */
export const RECORDED_BODY_LIMIT = 8 * 1024;

export function recordedBody(body: string): Pick<RecordedRequest, 'body' | 'bodyLength'> {
  return { body: body.length > RECORDED_BODY_LIMIT ? body.slice(0, RECORDED_BODY_LIMIT) : body, bodyLength: body.length };
}

/** Appends `record`, then drops the oldest records beyond `limit`. */
export function remember(history: RecordedRequest[], record: RecordedRequest, limit: number): void {
  history.push(record);
  if (history.length > limit) history.splice(0, history.length - limit);
}

export function validHistoryLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`historyLimit must be an integer >= 1, got ${limit}`);
  return limit;
}
