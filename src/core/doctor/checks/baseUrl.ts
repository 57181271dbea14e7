/**
 * The base URL: an API host and not a portal web page, and a host that serves the target
 * environment (the sandbox host has no production environments and the reverse).
 */
import { LEGACY_PRODUCTION_BASE_URL, LEGACY_SANDBOX_BASE_URL, PORTAL_HOSTS, PRODUCTION_BASE_URL, SANDBOX_BASE_URL } from '../../momo/environments';
import { platformBaseUrl } from '../../momo/platforms';
import { validateBaseUrl } from '../../momo/validation';
import { makeFinding } from '../findings';
import { hostKindOf, parseLooseUrl, ResolvedEnvironment } from '../environment';
import type { DoctorFinding, DoctorFix } from '../types';

export const BASE_URL_CHECK = 'baseUrl';

export interface BaseUrlCheck {
  finding: DoctorFinding;
  /** The normalised URL when calls can be made to it. */
  usableBaseUrl?: string;
}

const checkBaseUrlFix: DoctorFix = { id: 'checkBaseUrl', label: 'Check the API base URL' };

const useBaseUrl = (baseUrl: string): DoctorFix => ({ id: 'useBaseUrl', label: `Use ${baseUrl}`, args: { baseUrl } });

export function checkBaseUrl(env: ResolvedEnvironment): BaseUrlCheck {
  const validation = validateBaseUrl(env.baseUrl, env.target ? { production: env.target.production } : {});
  if (!validation.ok) {
    // The validator's sentence does not always name the value; then the subject does.
    const named = validation.message.includes(parseLooseUrl(env.baseUrl)?.hostname ?? env.baseUrl.trim());
    const details = { subject: named ? undefined : env.baseUrl.trim(), fixes: fixesFor(env) };
    return { finding: makeFinding(BASE_URL_CHECK, 'error', validation.message + betterTarget(env), details) };
  }
  const url = validation.value;
  const host = new URL(url).host;
  const kind = hostKindOf(url);
  const target = env.target;

  if (kind === 'production' && target && !target.production) {
    const message = `${host} is a production host, but the target environment is "${target.id}": the sandbox is ${target.baseUrl}.`;
    return { finding: makeFinding(BASE_URL_CHECK, 'error', message, { fixes: [useBaseUrl(target.baseUrl), checkBaseUrlFix] }) };
  }
  const defaulted = env.baseUrlGiven ? '' : 'No base URL was given, so the default is checked: ';
  const usualHost = target?.production ? new URL(target.baseUrl).host : undefined;
  // MTN's new platform serves every production country beside its legacy host (System Credentials).
  const newPlatformHost = target?.production ? new URL(platformBaseUrl(target, 'new')).host : undefined;
  if (kind === 'production' && newPlatformHost === host) {
    const message = `${defaulted}${host} is MTN's new production platform, where System Credentials (User ID + Credential Token) work.`;
    return { usableBaseUrl: url, finding: makeFinding(BASE_URL_CHECK, 'ok', message) };
  }
  if (kind === 'production' && usualHost && usualHost !== host && new URL(LEGACY_PRODUCTION_BASE_URL).host !== host) {
    const message = `${target!.label} (${target!.id}) is usually served by ${target!.baseUrl}, not ${host}.`;
    return { usableBaseUrl: url, finding: makeFinding(BASE_URL_CHECK, 'warning', message, { fixes: [useBaseUrl(target!.baseUrl)] }) };
  }
  const legacy = url === LEGACY_SANDBOX_BASE_URL ? ` (its legacy name; ${SANDBOX_BASE_URL} is current)` : '';
  const described: Record<typeof kind, string> = {
    sandbox: `${defaulted}${host} is the MoMo sandbox API${legacy}.`,
    production: `${defaulted}${host} is a MoMo production API host.`,
    local: `${host} is a local address: the project's emulator or a proxy, fine for development.`,
    other: `${host} is not a known MoMo API host; that is fine for your own proxy, otherwise use ${SANDBOX_BASE_URL} or ${PRODUCTION_BASE_URL}.`,
  };
  const severity = kind === 'other' ? 'warning' : kind === 'local' ? 'info' : 'ok';
  const notice = validation.notice ? ` ${validation.notice}` : '';
  return { usableBaseUrl: url, finding: makeFinding(BASE_URL_CHECK, severity, described[kind] + notice) };
}

/** The API URL a portal page stands for; for a production target, that target's host. */
function apiUrlForPortal(env: ResolvedEnvironment): string | undefined {
  const hostname = parseLooseUrl(env.baseUrl)?.hostname.toLowerCase() ?? '';
  const portal = PORTAL_HOSTS[hostname.replace(/^www\./, '')];
  if (!portal) return undefined;
  return env.target?.production ? env.target.baseUrl : portal.apiBaseUrl;
}

/** The validator names the sandbox API for the developer portal; a production target needs its own host. */
function betterTarget(env: ResolvedEnvironment): string {
  const url = apiUrlForPortal(env);
  return env.target?.production && url ? ` For ${env.target.id} that is ${url}.` : '';
}

function fixesFor(env: ResolvedEnvironment): DoctorFix[] {
  const url = apiUrlForPortal(env);
  return url ? [useBaseUrl(url), checkBaseUrlFix] : [checkBaseUrlFix];
}
