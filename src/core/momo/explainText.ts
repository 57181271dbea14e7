/**
 * Explains an error a person pasted ("401 Access denied due to invalid subscription key…",
 * a JSON body, "login_failed", a Node network error). The pasted text is turned back into a
 * status and a body and goes through the same classification as a live answer, so both
 * explanations are identical.
 */
import { MomoError } from './momoError';
import { classifyResponse, ErrorBody, ErrorContext, isGatewayHtml, parseErrorBody } from './classify';
import { explain } from './explanations';

const MOMO_CODES = [
  'RESOURCE_ALREADY_EXIST',
  'RESOURCE_NOT_FOUND',
  'NOT_ALLOWED_TARGET_ENVIRONMENT',
  'INVALID_CURRENCY',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_PROCESSING_ERROR',
];

/** Phrases of the documented bodies, for text pasted without its JSON. */
const PHRASES: ReadonlyArray<{ pattern: RegExp; body: ErrorBody; status: number }> = [
  { pattern: /invalid subscription key/i, body: { statusCode: 401, message: 'invalid subscription key' }, status: 401 },
  { pattern: /missing subscription key/i, body: { statusCode: 401, message: 'missing subscription key' }, status: 401 },
  { pattern: /login_failed/i, body: { error: 'login_failed' }, status: 500 },
  { pattern: /duplicated reference id/i, body: { code: 'RESOURCE_ALREADY_EXIST' }, status: 409 },
  { pattern: /requested resource was not found/i, body: { code: 'RESOURCE_NOT_FOUND' }, status: 404 },
  { pattern: /access to target environment is forbidden/i, body: { code: 'NOT_ALLOWED_TARGET_ENVIRONMENT' }, status: 500 },
  { pattern: /\bresource not found\b/i, body: { statusCode: 404, message: 'Resource not found' }, status: 404 },
  {
    pattern: /invalid or missing x-target-environment/i,
    body: { error: 'Invalid or missing X-Target-Environment header' },
    status: 400,
  },
  { pattern: /\binvalid_client\b/i, body: { error: 'invalid_client' }, status: 401 },
];

/** Statuses implied by an `error` body the new platform sends. */
function statusOfError(error: string | undefined): number | undefined {
  if (error === 'login_failed') return 500;
  if (error === 'invalid_client') return 401;
  if (error && /x-target-environment/i.test(error.slice(0, 300))) return 400;
  return undefined;
}

const STATUS_FOR_CODE: Record<string, number> = {
  RESOURCE_ALREADY_EXIST: 409,
  RESOURCE_NOT_FOUND: 404,
  NOT_ALLOWED_TARGET_ENVIRONMENT: 500,
  INVALID_CURRENCY: 500,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_PROCESSING_ERROR: 500,
};

/** Pasted text beyond this is not read: an error body or status line is far shorter. */
const MAX_PASTED_CHARS = 20_000;

export function explainErrorText(pasted: string): MomoError | undefined {
  if (typeof pasted !== 'string' || !pasted.trim()) return undefined;
  const text = pasted.slice(0, MAX_PASTED_CHARS);
  const host = findHost(text);
  const ctx: ErrorContext = { host: host ?? '', operation: findOperation(text) };
  // An HTML error page (the Azure Application Gateway's 403): named, never quoted.
  if (isGatewayHtml(text) && /\b403\b|forbidden/i.test(text.slice(0, 4000))) return classifyResponse(403, text, ctx);

  const network = explainNetworkText(text, ctx);
  if (network) return network;

  const json = findJsonBody(text);
  let body: ErrorBody = json ?? {};
  let status = findStatus(text, json);
  if (!json || (!json.statusCode && !json.code && !json.error)) {
    const phrase = PHRASES.find((p) => p.pattern.test(text));
    const code = MOMO_CODES.find((c) => new RegExp(`\\b${c}\\b`).test(text));
    if (phrase) {
      body = phrase.body;
      status = status ?? phrase.status;
    } else if (code) {
      body = { code };
    }
  }
  status = status ?? body.statusCode ?? (body.code ? STATUS_FOR_CODE[body.code] : undefined);
  status = status ?? statusOfError(body.error);
  if (status === undefined) {
    if (/service unavailable/i.test(text)) status = 503;
    else return undefined;
  }
  return classifyResponse(status, body, ctx);
}

function findJsonBody(text: string): ErrorBody | undefined {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) return undefined;
  const parsed = parseErrorBody(text.slice(start, end + 1));
  return Object.values(parsed).some((v) => v !== undefined) ? parsed : undefined;
}

function findStatus(text: string, json: ErrorBody | undefined): number | undefined {
  if (json?.statusCode) return json.statusCode;
  // Outside the JSON, so that digits inside a message or an id are not taken for a status.
  const outside = text.replace(/\{[\s\S]*\}/, ' ').replace(/https?:\/\/\S+/g, ' ');
  const labelled = /(?:HTTP\/[\d.]+\s+|status(?:\s*code)?\s*[:=]?\s*|^\s*)([1-5]\d\d)\b/i.exec(outside);
  const bare = labelled ?? /(?<![\w.-])([1-5]\d\d)(?![\w.-])/.exec(outside);
  return bare ? Number(bare[1]) : undefined;
}

function findHost(text: string): string | undefined {
  const url = /https?:\/\/([a-z0-9.-]+(?::\d+)?)/i.exec(text);
  if (url) return url[1].toLowerCase();
  const dns = /\b(?:ENOTFOUND|EAI_AGAIN)\s+([a-z0-9.-]+\.[a-z]{2,})/i.exec(text);
  if (dns) return dns[1].toLowerCase();
  const named = /\b((?:[a-z0-9-]+\.)*(?:momodeveloper\.mtn\.com|momoapi\.mtn\.com|momoapi\.mtn\.co\.rw|azure-api\.net|momoapi\.momo\.africa))\b/i.exec(text);
  return named ? named[1].toLowerCase() : undefined;
}

function findOperation(text: string): string {
  if (/\/token\/?/i.test(text)) return 'getToken';
  if (/\/(requesttopay|transfer)\/[^\s/?]+/i.test(text) || /\b(transaction|payment status)\b/i.test(text)) return 'paymentStatus';
  if (/\/apikey\b/i.test(text)) return 'createApiKey';
  if (/\/apiuser\b/i.test(text)) return 'createApiUser';
  if (/\/account\/balance/i.test(text)) return 'getBalance';
  if (/\/accountholder\//i.test(text)) return 'isAccountHolderActive';
  return 'unknown';
}

function explainNetworkText(text: string, ctx: ErrorContext): MomoError | undefined {
  const timeout = /timeout of (\d+)\s*ms exceeded/i.exec(text);
  if (timeout) return explain('timeout', { host: ctx.host, timeoutMs: Number(timeout[1]) });
  if (/\b(ETIMEDOUT|ESOCKETTIMEDOUT)\b/.test(text)) return explain('timeout', { host: ctx.host });
  const code =
    /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|EPROTO|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|CERT_HAS_EXPIRED|ERR_TLS_CERT_ALTNAME_INVALID)\b/.exec(
      text,
    );
  if (code) return explain('network', { host: ctx.host, networkCode: code[1] });
  if (/socket hang up/i.test(text)) return explain('network', { host: ctx.host, networkCode: 'ECONNRESET' });
  return undefined;
}
