/**
 * The provider callback host and the API base URL: the two values people most often give in
 * the other's shape (a URL where a host is wanted, a portal page where the API is wanted).
 */
import * as l10n from '@vscode/l10n';
import { checkTransport, classifyHost, isHostNameOrAddress, isIpAddress, MAX_HOST_LENGTH } from '../trust/hosts';
import { PORTAL_HOSTS, PRODUCTION_BASE_URL, RWANDA_PRODUCTION_BASE_URL, SANDBOX_BASE_URL } from './environments';
import { accept, cleanPasted, refuse, Validation } from './validationCommon';

/** Longer than any URL a MoMo base URL could be; checked before any pattern looks at the text. */
const MAX_URL_LENGTH = 2048;

export function validateCallbackHost(raw: string, options: { production?: boolean } = {}): Validation {
  if (typeof raw === 'string' && raw.length > MAX_URL_LENGTH) {
    return refuse(l10n.t('{0} characters: a callback host is a host name such as example.com, at most {1} characters.', raw.length, MAX_HOST_LENGTH));
  }
  const cleaned = cleanPasted(raw);
  const notices = [...cleaned.notices];
  let host = cleaned.value;
  if (!host) {
    return refuse(l10n.t('Enter the callback host, a host name such as example.com (localhost is fine for the sandbox).'));
  }
  if (/\s/.test(host)) return refuse(l10n.t('A callback host has no spaces: enter a host name such as example.com.'));
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(host)) {
    let url: URL;
    try {
      url = new URL(host);
    } catch {
      return refuse(l10n.t('This URL cannot be read: enter only the host name, such as example.com.'));
    }
    host = url.hostname;
    notices.push({ code: 'reducedToHost', message: l10n.t('Reduced the URL to its host "{0}": the provider callback host is a host name, not a URL.', host) });
  } else {
    if (/[/?#]/.test(host)) {
      return refuse(
        l10n.t('A callback host has no path: enter only the host name (such as example.com); the full callback URL is given later with each payment.'),
      );
    }
    const port = /^([^:]+|\[[^\]]+\]):(\d{1,5})$/.exec(host);
    if (port) {
      host = port[1];
      notices.push({ code: 'portDropped', message: l10n.t('Dropped the port: the provider callback host is "{0}" alone.', host) });
    }
  }
  host = host.toLowerCase().replace(/\.$/, '');
  if (isIpAddress(host) && isHostNameOrAddress(host)) {
    if (options.production) {
      return refuse(l10n.t('Production needs a registered domain name as the callback host, not an IP address.'));
    }
    return accept(host, notices);
  }
  if (!isHostNameOrAddress(host)) {
    return refuse(
      l10n.t('This is not a host name or an IP address: a host name has only letters, digits, dashes and dots, such as callback.example.com.'),
    );
  }
  if (options.production && host === 'localhost') {
    return refuse(l10n.t('MTN cannot call back to localhost in production: enter your public domain name.'));
  }
  return accept(host, notices);
}

export function validateBaseUrl(raw: string, options: { production?: boolean } = {}): Validation {
  if (typeof raw === 'string' && raw.length > MAX_URL_LENGTH) {
    return refuse(l10n.t('{0} characters: an API base URL is only a scheme and a host, such as {1}.', raw.length, SANDBOX_BASE_URL));
  }
  const cleaned = cleanPasted(raw);
  const notices = [...cleaned.notices];
  let text = cleaned.value;
  if (!text) return refuse(l10n.t('Enter the API base URL, for example {0}.', SANDBOX_BASE_URL));
  if (/\s/.test(text)) return refuse(l10n.t('A URL has no spaces: enter it in one piece, such as {0}.', SANDBOX_BASE_URL));
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    text = `https://${text}`;
    notices.push({ code: 'httpsAdded', message: l10n.t('Added https://.') });
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse(l10n.t('This URL cannot be read: use the form {0}.', SANDBOX_BASE_URL));
  }
  const host = url.hostname.toLowerCase();
  const portal = PORTAL_HOSTS[host.replace(/^www\./, '')];
  if (portal) {
    return refuse(l10n.t('{0} is {1}, a web site and not the API: use {2}.', host, portal.portal(), portal.apiBaseUrl));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return refuse(l10n.t('The base URL must start with https://.'));
  }
  if (url.search || url.hash || url.username || url.password) {
    return refuse(l10n.t('The base URL is only the scheme and host, such as {0}, without ? # or credentials.', SANDBOX_BASE_URL));
  }
  const transport = checkTransport(url);
  if (!transport.ok) return refuse(transport.message);
  const path = url.pathname.replace(/\/+$/, '');
  const productPath = /\/(collection|disbursement|remittance|v1_0|apiuser)(\/|$)/i.exec(path);
  if (productPath) {
    return refuse(l10n.t('Leave out the path after the host: use {0}; the product and API paths are added for each call.', url.origin));
  }
  const value = url.origin + path;
  const kind = classifyHost(url.hostname);
  if (options.production === true && kind === 'mtnSandbox') {
    return refuse(
      l10n.t('The sandbox does not serve production target environments: use {0} ({1} for Rwanda).', PRODUCTION_BASE_URL, RWANDA_PRODUCTION_BASE_URL),
    );
  }
  if (options.production === false && kind === 'mtnProduction') {
    notices.push({ code: 'productionHost', message: l10n.t('This is a production host: API users cannot be created here, only in the MTN Partner Portal.') });
  }
  return accept(value, notices);
}
