/**
 * The provider callback host and the API base URL: the two values people most often give in
 * the other's shape (a URL where a host is wanted, a portal page where the API is wanted).
 */
import { checkTransport, classifyHost, isHostNameOrAddress, isIpAddress, MAX_HOST_LENGTH } from '../trust/hosts';
import { PORTAL_HOSTS, PRODUCTION_BASE_URL, RWANDA_PRODUCTION_BASE_URL } from './environments';
import { accept, cleanPasted, refuse, Validation } from './validationCommon';

/** Longer than any URL a MoMo base URL could be; checked before any pattern looks at the text. */
const MAX_URL_LENGTH = 2048;

export function validateCallbackHost(raw: string, options: { production?: boolean } = {}): Validation {
  if (typeof raw === 'string' && raw.length > MAX_URL_LENGTH) {
    return refuse(`${raw.length} characters: a callback host is a host name such as example.com, at most ${MAX_HOST_LENGTH} characters.`);
  }
  const cleaned = cleanPasted(raw);
  const notices = [...cleaned.notices];
  let host = cleaned.value;
  if (!host) {
    return refuse('Enter the callback host, a host name such as example.com (localhost is fine for the sandbox).');
  }
  if (/\s/.test(host)) return refuse('A callback host has no spaces: enter a host name such as example.com.');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) {
    let url: URL;
    try {
      url = new URL(host);
    } catch {
      return refuse('This URL cannot be read: enter only the host name, such as example.com.');
    }
    host = url.hostname;
    notices.push(`Reduced the URL to its host "${host}": the provider callback host is a host name, not a URL.`);
  } else {
    if (/[/?#]/.test(host)) {
      return refuse(
        'A callback host has no path: enter only the host name (such as example.com); the full callback URL is given later with each payment.',
      );
    }
    const port = /^([^:]+|\[[^\]]+\]):(\d{1,5})$/.exec(host);
    if (port) {
      host = port[1];
      notices.push(`Dropped the port: the provider callback host is "${host}" alone.`);
    }
  }
  host = host.toLowerCase().replace(/\.$/, '');
  if (isIpAddress(host) && isHostNameOrAddress(host)) {
    if (options.production) {
      return refuse('Production needs a registered domain name as the callback host, not an IP address.');
    }
    return accept(host, notices);
  }
  if (!isHostNameOrAddress(host)) {
    return refuse(
      'This is not a host name or an IP address: a host name has only letters, digits, dashes and dots, such as callback.example.com.',
    );
  }
  if (options.production && host === 'localhost') {
    return refuse('MTN cannot call back to localhost in production: enter your public domain name.');
  }
  return accept(host, notices);
}

export function validateBaseUrl(raw: string, options: { production?: boolean } = {}): Validation {
  if (typeof raw === 'string' && raw.length > MAX_URL_LENGTH) {
    return refuse(`${raw.length} characters: an API base URL is only a scheme and a host, such as https://sandbox.momodeveloper.mtn.com.`);
  }
  const cleaned = cleanPasted(raw);
  const notices = [...cleaned.notices];
  let text = cleaned.value;
  if (!text) return refuse(`Enter the API base URL, for example https://sandbox.momodeveloper.mtn.com.`);
  if (/\s/.test(text)) return refuse('A URL has no spaces: enter it in one piece, such as https://sandbox.momodeveloper.mtn.com.');
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    text = `https://${text}`;
    notices.push('Added https://.');
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse('This URL cannot be read: use the form https://sandbox.momodeveloper.mtn.com.');
  }
  const host = url.hostname.toLowerCase();
  const portal = PORTAL_HOSTS[host.replace(/^www\./, '')];
  if (portal) {
    return refuse(`${host} is ${portal.portal}, a web site and not the API: use ${portal.apiBaseUrl}.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return refuse('The base URL must start with https://.');
  }
  if (url.search || url.hash || url.username || url.password) {
    return refuse('The base URL is only the scheme and host, such as https://sandbox.momodeveloper.mtn.com, without ? # or credentials.');
  }
  const transport = checkTransport(url);
  if (!transport.ok) return refuse(transport.message);
  const path = url.pathname.replace(/\/+$/, '');
  const productPath = /\/(collection|disbursement|remittance|v1_0|apiuser)(\/|$)/i.exec(path);
  if (productPath) {
    return refuse(`Leave out the path after the host: use ${url.origin}; the product and API paths are added for each call.`);
  }
  const value = url.origin + path;
  const kind = classifyHost(url.hostname);
  if (options.production === true && kind === 'mtnSandbox') {
    return refuse(
      `The sandbox does not serve production target environments: use ${PRODUCTION_BASE_URL} (${RWANDA_PRODUCTION_BASE_URL} for Rwanda).`,
    );
  }
  if (options.production === false && kind === 'mtnProduction') {
    notices.push('This is a production host: API users cannot be created here, only in the MTN Partner Portal.');
  }
  return accept(value, notices);
}
