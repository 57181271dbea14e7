/**
 * Turns whatever went wrong (an HTTP answer, a socket error, a cancellation) into one
 * MomoError. Rule from the MoMo docs: a JSON body with `statusCode` comes from the API
 * gateway (subscription key, path); a body with `code` comes from MoMo itself.
 */
import { MomoError } from './momoError';
import { explain, ExplainDetails, isProvisioningOperation, isTlsCode } from './explanations';
import { Product } from './products';

export interface ErrorContext {
  /** Host name shown to people, e.g. sandbox.momodeveloper.mtn.com. */
  host: string;
  /** createApiUser | getApiUser | createApiKey | getToken | getBalance | isAccountHolderActive, or free text. */
  operation: string;
  product?: Product;
  apiUser?: string;
  targetEnvironment?: string;
  timeoutMs?: number;
}

/** The parts of an error body that matter; everything else is ignored. */
export interface ErrorBody {
  statusCode?: number;
  code?: string;
  message?: string;
  error?: string;
}

export function parseErrorBody(body: unknown): ErrorBody {
  let value = body;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return {};
    }
  }
  if (!value || typeof value !== 'object') return {};
  const record = value as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    statusCode: typeof record.statusCode === 'number' ? record.statusCode : undefined,
    code: text(record.code),
    message: text(record.message),
    error: text(record.error),
  };
}

const PRODUCT_OPERATIONS = ['getBalance', 'isAccountHolderActive', 'requestToPay', 'transfer', 'paymentStatus'];

/** The new platform's token 400: `{"error": "Invalid or missing X-Target-Environment header"}`. */
function isTargetEnvironmentRefusal(parsed: ErrorBody): boolean {
  return /x-target-environment/i.test((parsed.error ?? parsed.message ?? '').slice(0, 300));
}

/**
 * An HTML page instead of an API answer: what Azure's Application Gateway sends when it refuses
 * the client. Only a bounded head of the body is looked at, and none of it is ever shown.
 */
export function isGatewayHtml(body: unknown): boolean {
  if (typeof body !== 'string') return false;
  const head = body.slice(0, 4000);
  return /microsoft-azure-application-gateway/i.test(head) || /<\s*(html|!doctype)/i.test(head);
}

/** Classifies a non-2xx HTTP answer. */
export function classifyResponse(status: number, body: unknown, ctx: ErrorContext): MomoError {
  const parsed = parseErrorBody(body);
  const details: ExplainDetails = {
    host: ctx.host,
    status,
    operation: ctx.operation,
    product: ctx.product,
    apiUser: ctx.apiUser,
    targetEnvironment: ctx.targetEnvironment,
    serverMessage: parsed.message ?? parsed.error,
  };
  if (status === 403 && isGatewayHtml(body)) return explain('gatewayForbidden', { ...details, serverMessage: undefined });
  if (status === 400 && isTargetEnvironmentRefusal(parsed)) return explain('missingTargetEnvironment', details);
  if (parsed.error === 'invalid_client') return explain('invalidClient', details);
  if (parsed.statusCode !== undefined) {
    const fromGateway = classifyGatewayAnswer(status, parsed, ctx, details);
    if (fromGateway) return fromGateway;
  }
  if (parsed.error === 'login_failed') return explain('loginFailed', details);
  switch (parsed.code) {
    case 'RESOURCE_ALREADY_EXIST':
      return explain('duplicateReferenceId', details);
    case 'RESOURCE_NOT_FOUND':
      if (ctx.operation === 'paymentStatus') return explain('transactionNotFound', details);
      if (!PRODUCT_OPERATIONS.includes(ctx.operation)) return explain('apiUserNotFound', details);
      break;
    case 'NOT_ALLOWED_TARGET_ENVIRONMENT':
      return explain('wrongTargetEnvironment', details);
    case 'INVALID_CURRENCY':
      return explain('invalidCurrency', details);
    case 'SERVICE_UNAVAILABLE':
      return explain('serviceUnavailable', details);
  }
  return classifyByStatus(status, ctx, details);
}

function classifyGatewayAnswer(
  status: number,
  parsed: ErrorBody,
  ctx: ErrorContext,
  details: ExplainDetails,
): MomoError | undefined {
  const message = parsed.message ?? '';
  if (status === 401 || parsed.statusCode === 401) {
    return /missing subscription key/i.test(message)
      ? explain('missingSubscriptionKey', details)
      : explain('invalidSubscriptionKey', details);
  }
  if (status === 404 || parsed.statusCode === 404) {
    // The gateway has no such path: on a provisioning call this is the production host.
    const productCall = PRODUCT_OPERATIONS.includes(ctx.operation) || ctx.operation === 'getToken';
    return productCall ? explain('unexpected', details) : explain('provisioningNotAvailable', details);
  }
  return undefined;
}

function classifyByStatus(status: number, ctx: ErrorContext, details: ExplainDetails): MomoError {
  if (status === 400) return explain('badRequest', details);
  if (status === 401) {
    // No gateway body: the Basic pair failed on the token call, the bearer token on a product call.
    if (ctx.operation === 'getToken') return explain('loginFailed', details);
    if (isProvisioningOperation(ctx.operation)) return explain('invalidSubscriptionKey', details);
    return explain('tokenExpired', details);
  }
  if (status === 404 && isProvisioningOperation(ctx.operation)) return explain('apiUserNotFound', details);
  if (status === 409) return explain('duplicateReferenceId', details);
  if (status === 429 || status === 502 || status === 503 || status === 504) {
    return explain('serviceUnavailable', details);
  }
  if (status >= 500) return explain('serverError', details);
  return explain('unexpected', details);
}

const TIMEOUT_CODES = ['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT'];

/** Classifies anything thrown: axios errors, Node socket errors, aborts, MomoErrors. */
export function classifyError(err: unknown, context: ErrorContext): MomoError {
  if (err instanceof MomoError) return err;
  const details: ExplainDetails = { host: context.host, operation: context.operation, timeoutMs: context.timeoutMs };
  if (!err || typeof err !== 'object') return explain('unexpected', details);
  const e = err as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
    response?: { status?: unknown; data?: unknown };
    cause?: { code?: unknown };
  };
  const name = typeof e.name === 'string' ? e.name : '';
  const code = typeof e.code === 'string' ? e.code : undefined;
  if (code === 'ERR_CANCELED' || name === 'CanceledError' || name === 'AbortError' || code === 'ABORT_ERR') {
    return explain('cancelled', details);
  }
  if (e.response && typeof e.response.status === 'number') {
    return classifyResponse(e.response.status, e.response.data, context);
  }
  const message = typeof e.message === 'string' ? e.message : '';
  if ((code && TIMEOUT_CODES.includes(code)) || /timeout/i.test(message)) {
    return explain('timeout', details);
  }
  // axios wraps socket errors; the socket's own code is the precise one.
  const causeCode = e.cause && typeof e.cause.code === 'string' ? e.cause.code : undefined;
  const networkCode = [code, causeCode].find(isSocketCode);
  if (networkCode) return explain('network', { ...details, networkCode });
  return explain('unexpected', details);
}

/** Socket, DNS and TLS error codes (ECONNRESET, EAI_AGAIN, ERR_TLS_…), not axios's own ERR_BAD_… codes. */
function isSocketCode(code: string | undefined): code is string {
  if (!code) return false;
  if (isTlsCode(code)) return true;
  return code === 'ERR_NETWORK' || (/^E[A-Z0-9_]+$/.test(code) && !code.startsWith('ERR_'));
}
