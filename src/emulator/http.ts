import type { IncomingHttpHeaders } from 'http';

/** A request as the handlers see it: already read in full, path split from the query. */
export interface EmulatorRequest {
  method: string;
  /** Path without the query string, e.g. `/collection/token/`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** True when the client sent neither a body nor Content-Length / Transfer-Encoding. */
  bodyless: boolean;
}

/** What a handler answers; server.ts turns it into bytes. */
export interface EmulatorReply {
  status: number;
  /** Object → JSON; string → sent as is; undefined → empty body. */
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * Header used to explain answers whose body the real API leaves empty (most 400s).
 * Clients must not depend on it: it exists so that a developer reading a log sees why.
 */
export const EMULATOR_REASON_HEADER = 'x-emulator-reason';

export function jsonReply(status: number, body: unknown, headers?: Record<string, string>): EmulatorReply {
  return { status, body, headers };
}

/** A reply with no body, as the real API sends for 201/202 and for most 400s. */
export function emptyReply(status: number, reason?: string): EmulatorReply {
  return { status, headers: reason ? { [EMULATOR_REASON_HEADER]: reason } : undefined };
}

/** First value of a header, or undefined when absent. Node lower-cases header names. */
export function headerValue(req: EmulatorRequest, name: string): string | undefined {
  const raw = req.headers[name.toLowerCase()];
  return Array.isArray(raw) ? raw[0] : raw;
}

export type JsonObjectParse = { ok: true; value: Record<string, unknown> } | { ok: false };

/** Parses a body that must be a JSON object (not an array, not a primitive). */
export function parseJsonObject(body: string): JsonObjectParse {
  try {
    const value: unknown = JSON.parse(body);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      return { ok: true, value: value as Record<string, unknown> };
    }
  } catch {
    // fall through: malformed JSON is a 400 like a wrong shape
  }
  return { ok: false };
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** MoMo requires reference ids (API users, payments) to be UUID version 4. */
export function isUuidV4(value: string | undefined): value is string {
  return value !== undefined && UUID_V4.test(value);
}
