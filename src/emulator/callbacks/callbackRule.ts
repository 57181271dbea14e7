import type { EmulatorMode } from '../types';

/**
 * The rule MoMo applies to `X-Callback-Url` when a payment is requested: the URL's host must be
 * the API user's `providerCallbackHost` (else 400 INVALID_CALLBACK_URL_HOST), and the scheme is
 * `http` in the sandbox, `https` in production. Returns why the URL is refused, or undefined.
 */
export function callbackUrlProblem(rawUrl: string, providerCallbackHost: string | undefined, mode: EmulatorMode): string | undefined {
  if (rawUrl.length > 2048) return 'X-Callback-Url is longer than 2048 characters';
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return 'X-Callback-Url is not an absolute URL';
  }
  const wanted = mode === 'sandbox' ? 'http:' : 'https:';
  if (url.protocol !== wanted) return `X-Callback-Url must use ${wanted.slice(0, -1)} in ${mode} mode`;
  const registered = (providerCallbackHost ?? '').trim().toLowerCase();
  if (registered === '' || url.hostname.toLowerCase() !== registered) {
    return `X-Callback-Url host ${url.hostname} is not the API user's providerCallbackHost`;
  }
  return undefined;
}
