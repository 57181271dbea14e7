/**
 * The base URL: an API host and not a portal web page, and a host that serves the target
 * environment (the sandbox host has no production environments and the reverse).
 */
import * as l10n from '@vscode/l10n';
import { step } from '../../momo/nextSteps';
import { LEGACY_PRODUCTION_BASE_URL, LEGACY_SANDBOX_BASE_URL, PORTAL_HOSTS, PRODUCTION_BASE_URL, SANDBOX_BASE_URL } from '../../momo/environments';
import { platformBaseUrl } from '../../momo/platforms';
import { validateBaseUrl } from '../../momo/validation';
import { makeFinding } from '../findings';
import { hostKindOf, parseLooseUrl, ResolvedEnvironment } from '../environment';
import type { DoctorFinding, DoctorFix } from '../types';

const BASE_URL_CHECK = 'baseUrl';

export interface BaseUrlCheck {
  finding: DoctorFinding;
  /** The normalised URL when calls can be made to it. */
  usableBaseUrl?: string;
}

const useBaseUrl = (baseUrl: string): DoctorFix => ({ id: 'useBaseUrl', label: l10n.t('Use {0}', baseUrl), args: { baseUrl } });

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
    const message = l10n.t('{0} is a production host, but the target environment is "{1}": the sandbox is {2}.', host, target.id, target.baseUrl);
    return { finding: makeFinding(BASE_URL_CHECK, 'error', message, { fixes: [useBaseUrl(target.baseUrl), step.checkBaseUrl()] }) };
  }
  const defaulted = env.baseUrlGiven ? '' : l10n.t('No base URL was given, so the default is checked:') + ' ';
  const usualHost = target?.production ? new URL(target.baseUrl).host : undefined;
  // MTN's new platform serves every production country beside its legacy host (System Credentials).
  const newPlatformHost = target?.production ? new URL(platformBaseUrl(target, 'new')).host : undefined;
  if (kind === 'production' && newPlatformHost === host) {
    const message = defaulted + l10n.t("{0} is MTN's new production platform, where System Credentials (User ID + Credential Token) work.", host);
    return { usableBaseUrl: url, finding: makeFinding(BASE_URL_CHECK, 'ok', message) };
  }
  if (kind === 'production' && usualHost && usualHost !== host && new URL(LEGACY_PRODUCTION_BASE_URL).host !== host) {
    const message = l10n.t('{0} ({1}) is usually served by {2}, not {3}.', target!.label, target!.id, target!.baseUrl, host);
    return { usableBaseUrl: url, finding: makeFinding(BASE_URL_CHECK, 'warning', message, { fixes: [useBaseUrl(target!.baseUrl)] }) };
  }
  const severity = kind === 'other' ? 'warning' : kind === 'local' ? 'info' : 'ok';
  const notice = validation.notice ? ` ${validation.notice}` : '';
  return { usableBaseUrl: url, finding: makeFinding(BASE_URL_CHECK, severity, describeHost(kind, host, url, defaulted) + notice) };
}

function describeHost(kind: ReturnType<typeof hostKindOf>, host: string, url: string, defaulted: string): string {
  switch (kind) {
    case 'sandbox':
      return url === LEGACY_SANDBOX_BASE_URL
        ? defaulted + l10n.t('{0} is the MoMo sandbox API (its legacy name; {1} is current).', host, SANDBOX_BASE_URL)
        : defaulted + l10n.t('{0} is the MoMo sandbox API.', host);
    case 'production':
      return defaulted + l10n.t('{0} is a MoMo production API host.', host);
    case 'local':
      return l10n.t("{0} is a local address: the project's emulator or a proxy, fine for development.", host);
    case 'other':
      return l10n.t('{0} is not a known MoMo API host; that is fine for your own proxy, otherwise use {1} or {2}.', host, SANDBOX_BASE_URL, PRODUCTION_BASE_URL);
  }
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
  return env.target?.production && url ? ` ${l10n.t('For {0} that is {1}.', env.target.id, url)}` : '';
}

function fixesFor(env: ResolvedEnvironment): DoctorFix[] {
  const url = apiUrlForPortal(env);
  return url ? [useBaseUrl(url), step.checkBaseUrl()] : [step.checkBaseUrl()];
}
