import { randomBytes, randomInt } from 'crypto';
import type { Product } from '../core/momo/products';
import { NEW_PLATFORM_MISSING_TARGET_ENVIRONMENT, TOKEN_MISSING_BASIC_AUTH } from './errorBodies';
import { emptyReply, headerValue, jsonReply, type EmulatorReply, type EmulatorRequest } from './http';
import type { HandlerContext, RouteHandler } from './router';
import type { EmulatorState } from './state';
import { issueToken, parseBasicAuth } from './tokens';
import type { SystemCredentials, SystemCredentialsOptions } from './types';

/**
 * MTN's new production platform (momoapi.momo.africa), mode `production-new`:
 * - its Azure Application Gateway refuses a python-requests User-Agent with an HTML 403 page,
 *   before anything else is looked at;
 * - POST /{product}/token/ needs X-Target-Environment (400 with the platform's exact body);
 * - only System Credentials (User ID + Credential Token) get a token: anything else, an API
 *   user + API key of the legacy platform included, is 401 invalid_client; a Basic header
 *   built from URL-encoded values gets a 500, as the real gateway answers.
 * Status reads of a transaction this emulator did not process are RESOURCE_NOT_FOUND, as for
 * the other modes.
 */

export const AZURE_GATEWAY_403_HTML = [
  '<html>',
  '<head><title>403 Forbidden</title></head>',
  '<body>',
  '<center><h1>403 Forbidden</h1></center>',
  '<hr><center>Microsoft-Azure-Application-Gateway/v2</center>',
  '</body>',
  '</html>',
  '',
].join('\r\n');

/** The gateway's client check: answered before path matching, as the real gateway does. */
export function refuseBlockedClient(req: EmulatorRequest): EmulatorReply | undefined {
  const agent = (headerValue(req, 'User-Agent') ?? '').slice(0, 500);
  if (!/python-requests/i.test(agent)) return undefined;
  return {
    status: 403,
    body: AZURE_GATEWAY_403_HTML,
    headers: { 'content-type': 'text/html', server: 'Microsoft-Azure-Application-Gateway/v2' },
  };
}

export function systemTokenHandler(product: Product): RouteHandler {
  return (req, _params, ctx) => {
    const target = headerValue(req, 'X-Target-Environment');
    if (!target || !ctx.config.targetEnvironments.includes(target)) {
      // A string body, so that the bytes are exactly the platform's (with its space after the colon).
      return { status: 400, body: NEW_PLATFORM_MISSING_TARGET_ENVIRONMENT, headers: { 'content-type': 'application/json' } };
    }
    const pair = parseBasicAuth(headerValue(req, 'Authorization'));
    if (!pair) return jsonReply(401, TOKEN_MISSING_BASIC_AUTH);
    const user = ctx.state.apiUsers.get(pair.user);
    const matches = user?.system === true && user.apiKey === pair.key;
    if (!matches) {
      if (encodedForm(pair, ctx.state)) return emptyReply(500, 'the Basic header was built from URL-encoded values');
      return jsonReply(401, TOKEN_MISSING_BASIC_AUTH);
    }
    // System Credentials are per wallet: another wallet's target environment does not know them.
    if (user.targetEnvironment !== undefined && user.targetEnvironment !== target) return jsonReply(401, TOKEN_MISSING_BASIC_AUTH);
    return issueToken(user, product, ctx);
  };
}

/** True when decoding the pair's percent-escapes gives a known System Credentials pair. */
function encodedForm(pair: { user: string; key: string }, state: EmulatorState): boolean {
  const decode = (value: string): string | undefined => {
    try {
      return decodeURIComponent(value);
    } catch {
      return undefined;
    }
  };
  const user = decode(pair.user);
  const key = decode(pair.key);
  if (user === undefined || key === undefined || (user === pair.user && key === pair.key)) return false;
  const found = state.apiUsers.get(user);
  return found?.system === true && found.apiKey === key;
}

const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!=';

/** A random pair shaped like the Partner Portal's: a base64 User ID ending in "==", a token with punctuation. */
function randomSystemCredentials(): SystemCredentials {
  const userId = randomBytes(16).toString('base64');
  let credentialToken = '';
  while (credentialToken.length < 40) credentialToken += TOKEN_ALPHABET[randomInt(TOKEN_ALPHABET.length)];
  // Always some punctuation, so the pair exercises what real tokens contain.
  return { userId, credentialToken: `${credentialToken.slice(0, 20)}.${credentialToken.slice(20)}!` };
}

/** Stores a pair (exact, case-sensitive) as the Partner Portal would; returns it. */
export function issueSystemCredentials(
  ctx: Pick<HandlerContext, 'state'>,
  options: SystemCredentialsOptions = {},
): SystemCredentials {
  const random = randomSystemCredentials();
  const pair = { userId: options.userId ?? random.userId, credentialToken: options.credentialToken ?? random.credentialToken };
  if (pair.userId.includes(':')) throw new RangeError('issueSystemCredentials: a User ID cannot contain ":" (Basic auth splits there)');
  ctx.state.apiUsers.set(pair.userId, {
    id: pair.userId,
    apiKey: pair.credentialToken,
    providerCallbackHost: options.providerCallbackHost ?? '',
    targetEnvironment: options.targetEnvironment,
    system: true,
  });
  return pair;
}

/** True for the token path of any product (the new platform's token calls are the slow ones). */
export function isTokenRequest(req: { method: string; path: string }): boolean {
  return req.method === 'POST' && /^\/[a-z]+\/token\/?$/.test(req.path.slice(0, 100));
}
