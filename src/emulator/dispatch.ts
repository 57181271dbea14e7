import type { CallbackLog } from './callbacks/callbackLog';
import type { CallbackSender } from './callbacks/callbackSender';
import { controlReply } from './callbacks/controlRoutes';
import type { EmulatorConfig } from './config';
import { GATEWAY_RESOURCE_NOT_FOUND, INTERNAL_PROCESSING_ERROR } from './errorBodies';
import { checkSubscriptionKey } from './gateway';
import { EMULATOR_REASON_HEADER, emptyReply, jsonReply, type EmulatorReply, type EmulatorRequest } from './http';
import { matchRoute, type Route } from './router';
import { refuseBlockedClient } from './newPlatform';
import type { EmulatorState } from './state';

export interface DispatchDeps {
  config: EmulatorConfig;
  state: EmulatorState;
  routes: readonly Route[];
  callbacks: CallbackSender;
  callbackLog: CallbackLog;
}

/**
 * Answers one request the way the gateway and MoMo would, in their order:
 * the emulator's own /_emulator/ paths → transport (411 when required) → (new platform) the gateway's client check (HTML 403)
 * → gateway path match (404) → gateway subscription key (401)
 * → the operation's own checks. Never throws: a bug in a handler is a MoMo-style 500.
 */
export function dispatch(req: EmulatorRequest, { config, state, routes, callbacks, callbackLog }: DispatchDeps): EmulatorReply {
  const control = controlReply(req, callbackLog);
  if (control) return control;
  if (config.requireContentLength && req.method === 'POST' && req.bodyless) {
    return emptyReply(411, 'POST without a body needs Content-Length: 0 or a body such as {}');
  }
  if (config.mode === 'production-new') {
    const blocked = refuseBlockedClient(req);
    if (blocked) return blocked;
  }
  const match = matchRoute(routes, req.method, req.path);
  if (!match) return jsonReply(404, GATEWAY_RESOURCE_NOT_FOUND);
  const refused = checkSubscriptionKey(req, match.route.scope, config);
  if (refused) return refused;
  try {
    return match.route.handle(req, match.params, { config, state, callbacks });
  } catch (err) {
    return jsonReply(500, INTERNAL_PROCESSING_ERROR, { [EMULATOR_REASON_HEADER]: `handler failed: ${String(err)}` });
  }
}
