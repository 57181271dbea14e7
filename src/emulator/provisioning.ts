import { randomBytes } from 'crypto';
import { SANDBOX } from '../core/momo/environments';
import { RESOURCE_ALREADY_EXIST, RESOURCE_NOT_FOUND } from './errorBodies';
import { emptyReply, headerValue, isUuidV4, jsonReply, parseJsonObject, type EmulatorReply } from './http';
import type { RouteHandler } from './router';
import type { ApiUserRecord } from './state';

/**
 * Sandbox User Provisioning (user.json). Only routed in sandbox mode: in production mode these
 * paths do not exist and the gateway answers its 404.
 *
 * 400s carry no body: the API promises none, and a body here would invite clients to depend
 * on it. The x-emulator-reason header says why, for people reading logs.
 */

/** POST /v1_0/apiuser — X-Reference-Id (UUID v4) + {"providerCallbackHost": "..."} → 201, empty. */
export const createApiUser: RouteHandler = (req, _params, { state }) => {
  const referenceId = headerValue(req, 'X-Reference-Id');
  if (referenceId === undefined) return emptyReply(400, 'X-Reference-Id header is missing');
  if (!isUuidV4(referenceId)) return emptyReply(400, 'X-Reference-Id is not a UUID version 4');
  // A POST without a body (and without Content-Length) is accepted by the transport, then
  // fails here like `{}` would: the field the API needs is missing.
  const parsed = parseJsonObject(req.body);
  if (!parsed.ok) return emptyReply(400, 'body is not a JSON object');
  const host = parsed.value.providerCallbackHost;
  // The sandbox accepts any non-empty string (even a URL); production would not.
  if (typeof host !== 'string' || host.trim() === '') return emptyReply(400, 'providerCallbackHost is missing');
  const id = referenceId.toLowerCase();
  if (state.apiUsers.has(id)) return jsonReply(409, RESOURCE_ALREADY_EXIST);
  state.apiUsers.set(id, { id, providerCallbackHost: host, targetEnvironment: SANDBOX });
  return emptyReply(201);
};

/** GET /v1_0/apiuser/{X-Reference-Id} → 200 {providerCallbackHost, targetEnvironment}. */
export const getApiUser: RouteHandler = (_req, params, { state }) => {
  const found = findUser(params['X-Reference-Id'], state.apiUsers);
  if ('status' in found) return found;
  return jsonReply(200, {
    providerCallbackHost: found.providerCallbackHost,
    targetEnvironment: found.targetEnvironment ?? SANDBOX,
  });
};

/**
 * POST /v1_0/apiuser/{X-Reference-Id}/apikey → 201 {"apiKey": "<32 hex>"}. The body is ignored,
 * and a POST with no body and no Content-Length is accepted (unless requireContentLength).
 * A new key replaces the old one at once; tokens already issued stay valid until they expire,
 * since a token is checked on its own, not against the key that obtained it.
 */
export const createApiKey: RouteHandler = (_req, params, { state }) => {
  const found = findUser(params['X-Reference-Id'], state.apiUsers);
  if ('status' in found) return found;
  found.apiKey = randomBytes(16).toString('hex');
  return jsonReply(201, { apiKey: found.apiKey });
};

function findUser(rawId: string, users: Map<string, ApiUserRecord>): ApiUserRecord | EmulatorReply {
  // A malformed id can never name a user: the API calls that a bad request, not "not found".
  if (!isUuidV4(rawId)) return emptyReply(400, 'API user id is not a UUID version 4');
  return users.get(rawId.toLowerCase()) ?? jsonReply(404, RESOURCE_NOT_FOUND);
}
