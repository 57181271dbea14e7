/**
 * Error bodies exactly as the MoMo gateway and API send them (docs/momo-api.md and the
 * Swagger examples). Clients classify errors on these strings, so keep them byte-for-byte.
 * Bodies with `statusCode` come from the API gateway; bodies with `code` from MoMo itself.
 */
export const GATEWAY_INVALID_SUBSCRIPTION_KEY = {
  statusCode: 401,
  message: 'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.',
} as const;

export const GATEWAY_MISSING_SUBSCRIPTION_KEY = {
  statusCode: 401,
  message: 'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.',
} as const;

export const GATEWAY_RESOURCE_NOT_FOUND = { statusCode: 404, message: 'Resource not found' } as const;

export const RESOURCE_ALREADY_EXIST = {
  code: 'RESOURCE_ALREADY_EXIST',
  message: 'Duplicated reference id. Creation of resource failed.',
} as const;

export const RESOURCE_NOT_FOUND = { code: 'RESOURCE_NOT_FOUND', message: 'Requested resource was not found.' } as const;

export const LOGIN_FAILED = { error: 'login_failed' } as const;

/**
 * Token endpoint without a usable `Authorization: Basic` header. The Swagger promises a 401
 * with `{ error }` but not its value; `invalid_client` is the OAuth 2 name for it.
 * A well-formed pair that does not match answers LOGIN_FAILED (500) instead, as the sandbox does.
 */
export const TOKEN_MISSING_BASIC_AUTH = { error: 'invalid_client' } as const;

/**
 * The new production platform's token answer when X-Target-Environment is missing or wrong,
 * byte for byte (a space after the colon), hence a string rather than an object.
 */
export const NEW_PLATFORM_MISSING_TARGET_ENVIRONMENT = '{"error": "Invalid or missing X-Target-Environment header"}';

export const NOT_ALLOWED_TARGET_ENVIRONMENT = {
  code: 'NOT_ALLOWED_TARGET_ENVIRONMENT',
  message: 'Access to target environment is forbidden.',
} as const;

export const INVALID_CURRENCY = { code: 'INVALID_CURRENCY', message: 'Currency not supported.' } as const;

export const INTERNAL_PROCESSING_ERROR = {
  code: 'INTERNAL_PROCESSING_ERROR',
  message: 'An internal error occurred while processing.',
} as const;

export const INVALID_CALLBACK_URL_HOST = {
  code: 'INVALID_CALLBACK_URL_HOST',
  message: 'Callback URL with host not allowed for this API user.',
} as const;

/**
 * A product call without a valid Bearer token. MoMo's own 401 (not the gateway's), so it has
 * `code` and NO `statusCode`: that absence is how clients tell "token expired, get a new one
 * and retry once" apart from a subscription-key problem. The exact real text is not
 * documented; this one is plausible and stable. The message varies, the code does not.
 */
export function unauthorizedBody(message: string): { code: 'UNAUTHORIZED'; message: string } {
  return { code: 'UNAUTHORIZED', message };
}
