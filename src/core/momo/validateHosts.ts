/**
 * The provider callback host and the API base URL: the two values people most often give in
 * the other's shape (a URL where a host is wanted, a portal page where the API is wanted).
 */
import { PORTAL_HOSTS, PRODUCTION_BASE_URL, PRODUCTION_HOSTS, RWANDA_PRODUCTION_BASE_URL, SANDBOX_HOSTS } from './environments';
import { accept, cleanPasted, refuse, Validation } from './validationCommon';

const LOCAL_HOSTS = ['127.0.0.1', 'localhost', '[::1]', '::1'];
const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

function isIpAddress(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':') || /^\[.*\]$/.test(host);
}

export function validateCallbackHost(raw: string, options: { production?: boolean } = {}): Validation {
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
    const port = /^(.+):(\d+)$/.exec(host);
    if (port && !host.startsWith('[')) {
      host = port[1];
      notices.push(`Dropped the port: the provider callback host is "${host}" alone.`);
    }
  }
  host = host.toLowerCase().replace(/\.$/, '');
  if (isIpAddress(host)) {
    if (options.production) {
      return refuse('Production needs a registered domain name as the callback host, not an IP address.');
    }
    return accept(host, notices);
  }
  if (options.production && host === 'localhost') {
    return refuse('MTN cannot call back to localhost in production: enter your public domain name.');
  }
  if (!host.split('.').every((label) => HOST_LABEL.test(label))) {
    return refuse('This is not a valid host name: use letters, digits, dashes and dots only, such as callback.example.com.');
  }
  return accept(host, notices);
}

export function validateBaseUrl(raw: string, options: { production?: boolean } = {}): Validation {
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
  const local = LOCAL_HOSTS.includes(host);
  if (url.protocol === 'http:' && !local) {
    return refuse('MoMo is only served over https; plain http is for the local emulator (127.0.0.1 or localhost).');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return refuse('The base URL must start with https://.');
  }
  if (url.search || url.hash || url.username || url.password) {
    return refuse('The base URL is only the scheme and host, such as https://sandbox.momodeveloper.mtn.com, without ? # or credentials.');
  }
  const path = url.pathname.replace(/\/+$/, '');
  const productPath = /\/(collection|disbursement|remittance|v1_0|apiuser)(\/|$)/i.exec(path);
  if (productPath) {
    return refuse(`Leave out the path "${path}": use ${url.origin}; the product and API paths are added for each call.`);
  }
  const value = url.origin + path;
  if (options.production === true && SANDBOX_HOSTS.includes(url.host)) {
    return refuse(
      `The sandbox does not serve production target environments: use ${PRODUCTION_BASE_URL} (${RWANDA_PRODUCTION_BASE_URL} for Rwanda).`,
    );
  }
  if (options.production === false && PRODUCTION_HOSTS.includes(url.host)) {
    notices.push('This is a production host: API users cannot be created here, only in the MTN Partner Portal.');
  }
  return accept(value, notices);
}
