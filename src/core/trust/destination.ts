/**
 * Whether a MoMo secret may go to a base URL, as pure data: the extension's trust boundary
 * (src/vscode/trust) reads the setting and asks; this decides. The rules:
 * - the URL must be a usable base URL, and plain http:// only reaches this machine;
 * - MTN's API hosts and loopback (the emulator) need no question;
 * - any other host needs the person's confirmation once (remembered per host, never in the workspace);
 * - production credentials go only to MTN's production hosts, unless the person's own user-level
 *   setting names another host and they confirmed it: a workspace (or a caller's argument) never
 *   sends them anywhere else.
 */
import { validateBaseUrl } from '../momo/validation';
import { classifyHost, type HostKind } from './hosts';

/** Where the base URL came from: the default, the person's user settings, the workspace, one folder, or a caller's argument. */
export type UrlSource = 'default' | 'user' | 'workspace' | 'folder' | 'argument';

export interface DestinationInput {
  /** The base URL as configured. */
  url: string;
  source: UrlSource;
  /** Production credentials (a real target environment) rather than sandbox ones. */
  production: boolean;
  /** What the person approved for this host before (undefined: never asked or revoked). */
  approval?: HostApproval;
}

/** What a person allowed for one host: sandbox credentials, production ones (which includes sandbox). */
export interface HostApproval {
  sandbox: boolean;
  production: boolean;
}

export type Destination =
  | { kind: 'send'; baseUrl: string; host: string; hostKind: HostKind }
  | { kind: 'ask'; baseUrl: string; host: string; hostKind: HostKind }
  | { kind: 'refuse'; reason: 'invalidUrl' | 'productionElsewhere'; message: string; host?: string };

/** The host key approvals are stored under: host name and port, lower case. */
function approvalKey(baseUrl: string): string {
  return new URL(baseUrl).host.toLowerCase();
}

export function decideDestination(input: DestinationInput): Destination {
  const checked = validateBaseUrl(input.url, { production: input.production });
  if (!checked.ok) return { kind: 'refuse', reason: 'invalidUrl', message: checked.message };
  const baseUrl = checked.value;
  const url = new URL(baseUrl);
  const host = approvalKey(baseUrl);
  const hostKind = classifyHost(url.hostname);
  const send = { kind: 'send' as const, baseUrl, host, hostKind };

  if (input.production) {
    if (hostKind === 'mtnProduction') return send;
    if (input.source !== 'user') {
      return {
        kind: 'refuse',
        reason: 'productionElsewhere',
        host,
        message: `Production credentials are only sent to MTN's production hosts, and ${host} is not one; a ${sourceName(input.source)} cannot send them anywhere else. If you run ${host} yourself, set the base URL in your user settings instead (the Remote settings in a remote window).`,
      };
    }
    if (hostKind === 'loopback' || input.approval?.production) return send;
    return { kind: 'ask', baseUrl, host, hostKind };
  }
  if (hostKind !== 'other' || input.approval?.sandbox || input.approval?.production) return send;
  return { kind: 'ask', baseUrl, host, hostKind };
}

export function sourceName(source: UrlSource): string {
  const names: Record<UrlSource, string> = {
    default: 'default setting',
    user: 'user setting',
    workspace: 'workspace setting',
    folder: 'folder setting',
    argument: "command's argument",
  };
  return names[source];
}
