import type { Product } from '../core/momo/products';
import type { CallbackSender } from './callbacks/callbackSender';
import type { EmulatorConfig } from './config';
import type { EmulatorReply, EmulatorRequest } from './http';
import type { EmulatorState } from './state';

/** Which subscription keys a route accepts: provisioning takes any product's key. */
export type RouteScope = { kind: 'provisioning' } | { kind: 'product'; product: Product };

export interface HandlerContext {
  config: EmulatorConfig;
  state: EmulatorState;
  /** Delivers callbacks of payments that reached their final state. */
  callbacks: CallbackSender;
}

export type RouteHandler = (req: EmulatorRequest, params: Record<string, string>, ctx: HandlerContext) => EmulatorReply;

export interface Route {
  method: string;
  /** Swagger-style template, base path included: `/collection/v1_0/requesttopay/{referenceId}`. */
  pattern: string;
  scope: RouteScope;
  handle: RouteHandler;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/**
 * Finds the route for a request. One trailing slash is ignored on both sides: the Swagger
 * writes `/token/` while many clients call `/token`, and the gateway serves both; being
 * lenient there costs nothing since no two MoMo paths differ only by that slash.
 * A path that matches with another method does not count: the gateway answers 404 for an
 * operation it does not know, exactly as for an unknown path.
 */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch | undefined {
  const wanted = segments(path);
  for (const route of routes) {
    if (route.method !== method) continue;
    const params = matchSegments(segments(route.pattern), wanted);
    if (params) return { route, params };
  }
  return undefined;
}

function segments(path: string): string[] {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  return trimmed.split('/');
}

function matchSegments(template: string[], actual: string[]): Record<string, string> | undefined {
  if (template.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const t = template[i];
    const a = actual[i];
    if (t.startsWith('{') && t.endsWith('}')) {
      if (a === '') return undefined;
      const decoded = safeDecode(a);
      if (decoded === undefined) return undefined;
      params[t.slice(1, -1)] = decoded;
    } else if (t !== a) {
      return undefined;
    }
  }
  return params;
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
