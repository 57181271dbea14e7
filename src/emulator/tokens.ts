import { createHmac, randomBytes, randomUUID } from 'crypto';
import { findEnvironment, type TargetEnvironment } from '../core/momo/environments';
import type { Product } from '../core/momo/products';
import { LOGIN_FAILED, NOT_ALLOWED_TARGET_ENVIRONMENT, TOKEN_MISSING_BASIC_AUTH, unauthorizedBody } from './errorBodies';
import { emptyReply, headerValue, jsonReply, type EmulatorReply, type EmulatorRequest } from './http';
import type { HandlerContext, RouteHandler } from './router';
import type { ApiUserRecord, TokenRecord } from './state';

/** Signs the emulator's tokens; fresh per process, so tokens never outlive their emulator. */
const SIGNING_SECRET = randomBytes(32);

/**
 * POST /{product}/token/ with `Authorization: Basic base64(apiUser:apiKey)`.
 * - no usable Basic header → 401 {"error":"invalid_client"} (the Swagger's 401 shape);
 * - a pair that does not match (unknown user, no key yet, old key, wrong key) → 500 login_failed,
 *   as the sandbox answers.
 */
export function tokenHandler(product: Product): RouteHandler {
  return (req, _params, { config, state }) => {
    const pair = parseBasicAuth(headerValue(req, 'Authorization'));
    if (!pair) return jsonReply(401, TOKEN_MISSING_BASIC_AUTH);
    const user = state.apiUsers.get(pair.user.toLowerCase());
    if (!user || user.apiKey === undefined || user.apiKey !== pair.key) return jsonReply(500, LOGIN_FAILED);
    return issueToken(user, product, { config, state });
  };
}

/** A new access token for this user and product, remembered for the product calls: the 200 answer. */
export function issueToken(user: ApiUserRecord, product: Product, { config, state }: Pick<HandlerContext, 'config' | 'state'>): EmulatorReply {
  const expiresAt = Date.now() + config.tokenTtlSeconds * 1000;
  const accessToken = signToken(user, product, expiresAt);
  state.tokens.set(accessToken, { apiUser: user.id, product, expiresAt });
  return jsonReply(200, { access_token: accessToken, token_type: 'access_token', expires_in: config.tokenTtlSeconds });
}

export function parseBasicAuth(header: string | undefined): { user: string; key: string } | undefined {
  const match = /^Basic\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { user: decoded.slice(0, colon), key: decoded.slice(colon + 1) };
}

/** A JWT-shaped token (header.payload.signature) so clients that peek at `exp` work. */
function signToken(user: ApiUserRecord, product: Product, expiresAt: number): string {
  const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = encode({ typ: 'JWT', alg: 'HS256' });
  const payload = encode({
    clientId: user.id,
    product,
    sessionId: randomUUID(),
    iat: Math.floor(Date.now() / 1000),
    exp: Math.floor(expiresAt / 1000),
    expires: new Date(expiresAt).toISOString(),
  });
  const signature = createHmac('sha256', SIGNING_SECRET).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

/** A product call that got past its token and target-environment checks. */
export interface AuthorizedCall {
  token: TokenRecord;
  environment: TargetEnvironment;
}

/**
 * The checks every product call (but the token endpoint) makes, in the API's order:
 * 1. Bearer token present, known, unexpired and issued for THIS product → else 401 without
 *    `statusCode` (see unauthorizedBody);
 * 2. X-Target-Environment absent → 400 (a required header); not allowed in this mode, or not
 *    the one the API user is pinned to → 500 NOT_ALLOWED_TARGET_ENVIRONMENT. The value is
 *    compared exactly: `Sandbox` is as wrong as `production`.
 */
export function authorizeProductCall(req: EmulatorRequest, product: Product, ctx: HandlerContext): AuthorizedCall | EmulatorReply {
  const tokenOrReply = checkBearer(req, product, ctx);
  if ('status' in tokenOrReply) return tokenOrReply;
  const target = headerValue(req, 'X-Target-Environment');
  if (target === undefined || target === '') return emptyReply(400, 'X-Target-Environment header is missing');
  const pinned = ctx.state.apiUsers.get(tokenOrReply.apiUser)?.targetEnvironment;
  const environment = findEnvironment(target);
  const allowed = ctx.config.targetEnvironments.includes(target) && (pinned === undefined || pinned === target);
  if (!allowed || !environment) return jsonReply(500, NOT_ALLOWED_TARGET_ENVIRONMENT);
  return { token: tokenOrReply, environment };
}

function checkBearer(req: EmulatorRequest, product: Product, { state }: HandlerContext): TokenRecord | EmulatorReply {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headerValue(req, 'Authorization') ?? '');
  if (!match) return unauthorized('An Authorization header with a Bearer access token is required.');
  const token = state.tokens.get(match[1]);
  if (!token) return unauthorized('Access token is invalid.');
  if (Date.now() >= token.expiresAt) {
    state.tokens.delete(match[1]);
    return unauthorized('Access token expired.');
  }
  if (token.product !== product) return unauthorized('Access token was issued for another product.');
  return token;
}

function unauthorized(message: string): EmulatorReply {
  return jsonReply(401, unauthorizedBody(message), { 'www-authenticate': 'Bearer error="invalid_token"' });
}
