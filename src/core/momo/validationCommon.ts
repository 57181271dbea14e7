/**
 * Shared pieces of the validators: the result type and the clean-up every pasted value gets
 * (surrounding spaces, quotes and invisible characters copied from web pages).
 */
import * as l10n from '@vscode/l10n';

/**
 * What a validator changed or noticed in an accepted value. Code reads the code; people read
 * the message, which is in their language, so nothing ever matches on the message.
 */
export type NoticeCode =
  | 'quotesRemoved'
  | 'namePrefixDropped'
  | 'bracesRemoved'
  | 'lowercased'
  | 'documentationExample'
  | 'httpsAdded'
  | 'productionHost'
  | 'reducedToHost'
  | 'portDropped'
  | 'unknownTargetEnvironment'
  | 'looksLikeApiUser'
  | 'looksLikeApiKey';

export interface Notice {
  code: NoticeCode;
  message: string;
}

/** `notice` is every notice's message in one text; `notices` lists them with their codes. */
export type Validation = { ok: true; value: string; notice?: string; notices?: readonly Notice[] } | { ok: false; message: string };

export function accept(value: string, notices: readonly Notice[] = []): Validation {
  if (notices.length === 0) return { ok: true, value };
  return { ok: true, value, notice: notices.map((n) => n.message).join(' '), notices };
}

/** Whether an accepted value came with the notice `code`. */
export function hasNotice(result: Validation, code: NoticeCode): boolean {
  return result.ok && (result.notices ?? []).some((n) => n.code === code);
}

export function refuse(message: string): Validation {
  return { ok: false, message };
}

/**
 * Longer than anything a person means to paste into one field. Longer input gets the same
 * "wrong length" message without any pattern ever looking at it.
 */
const MAX_PASTED_LENGTH = 1024;

export function isTooLong(raw: unknown): raw is string {
  return typeof raw === 'string' && raw.length > MAX_PASTED_LENGTH;
}

export interface Cleaned {
  value: string;
  notices: Notice[];
}

const QUOTE_PAIRS: ReadonlyArray<[string, string]> = [
  ['"', '"'],
  ["'", "'"],
  ['`', '`'],
  ['“', '”'],
  ['‘', '’'],
  ['<', '>'],
];

/** Trims spaces (including no-break and zero-width ones) and surrounding quotes. */
export function cleanPasted(raw: unknown): Cleaned {
  let value = typeof raw === 'string' ? raw : '';
  value = value.replace(/\u200b|\u200c|\u200d|\ufeff/g, '').replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, '');
  let unquoted = false;
  for (let changed = true; changed && value.length >= 2; ) {
    changed = false;
    for (const [open, close] of QUOTE_PAIRS) {
      if (value.startsWith(open) && value.endsWith(close)) {
        value = value.slice(open.length, value.length - close.length).trim();
        unquoted = changed = true;
      }
    }
  }
  return { value, notices: unquoted ? [{ code: 'quotesRemoved', message: l10n.t('Removed the surrounding quotes.') }] : [] };
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const HEX32_PATTERN = /^[0-9a-f]{32}$/i;

/** A JWT (what the token endpoint returns), with or without "Bearer ". */
export function looksLikeAccessToken(value: string): boolean {
  return /^bearer\s+/i.test(value) || /^eyJ[\w-]+\.[\w-]+\.[\w-]*$/.test(value);
}

/** "Basic xxx" or the bare base64 of "apiUser:apiKey". */
export function looksLikeBasicCredential(value: string): boolean {
  if (/^basic\s+\S+/i.test(value)) return true;
  if (!/^[A-Za-z0-9+/]{16,}={0,2}$/.test(value) || value.length % 4 !== 0) return false;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  return /^[\x20-\x7e]+:[\x20-\x7e]+$/.test(decoded);
}
