/**
 * Which hosts a MoMo secret may go to without asking: MTN's own API hosts and this machine
 * (the emulator). One definition, shared by the validators, the doctor, the CLI and the
 * extension's trust boundary, so they can never disagree about a host.
 */
import { isIP } from 'node:net';
import * as l10n from '@vscode/l10n';
import { PRODUCTION_HOSTS, SANDBOX_HOSTS } from '../momo/environments';

export type HostKind = 'loopback' | 'mtnSandbox' | 'mtnProduction' | 'other';

/** MTN's newer production platform (System Credentials); listed here so it is known before its client code lands. */
const MOMO_AFRICA_PRODUCTION_HOST = 'momoapi.momo.africa';

const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '::1'];

/** Host names only (no port): MTN serves each API on its default https port. */
export const MTN_PRODUCTION_HOSTS: readonly string[] = unique([...PRODUCTION_HOSTS.map(hostnameOnly), MOMO_AFRICA_PRODUCTION_HOST]);
const MTN_SANDBOX_HOSTS: readonly string[] = unique(SANDBOX_HOSTS.map(hostnameOnly));

/** The longest host name DNS allows (253) plus brackets around an IPv6 address. */
export const MAX_HOST_LENGTH = 255;

const DNS_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function hostnameOnly(host: string): string {
  return normalizeHostname(host.replace(/:\d+$/, ''));
}

/** Lower case, no trailing dot, no brackets around an IPv6 address. */
function normalizeHostname(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, '').replace(/^\[(.*)\]$/, '$1');
}

function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.includes(normalizeHostname(hostname));
}

export function classifyHost(hostname: string): HostKind {
  const host = normalizeHostname(hostname);
  if (LOOPBACK_HOSTS.includes(host)) return 'loopback';
  if (MTN_PRODUCTION_HOSTS.includes(host)) return 'mtnProduction';
  if (MTN_SANDBOX_HOSTS.includes(host)) return 'mtnSandbox';
  return 'other';
}

/** MTN's API hosts and loopback: secrets go there without a question. */
export function isKnownHost(hostname: string): boolean {
  return classifyHost(hostname) !== 'other';
}

/** A DNS name (letters, digits, dashes, dots) or an IPv4/IPv6 address (IPv6 with or without brackets): nothing else. */
export function isHostNameOrAddress(raw: string): boolean {
  if (raw.length === 0 || raw.length > MAX_HOST_LENGTH) return false;
  const bracketed = /^\[(.*)\]$/.exec(raw);
  if (bracketed) return isIP(bracketed[1]) === 6;
  if (isIP(raw) !== 0) return true;
  const host = raw.toLowerCase().replace(/\.$/, '');
  // All-numeric dotted names are malformed addresses (999.1.1.1), not DNS names.
  if (/^[\d.]+$/.test(host)) return false;
  return host.length <= 253 && host.split('.').every((label) => DNS_LABEL.test(label));
}

export function isIpAddress(raw: string): boolean {
  return isIP(normalizeHostname(raw)) !== 0;
}

export type TransportCheck = { ok: true } | { ok: false; message: string; httpsUrl: string };

/** Plain http:// carries keys in clear text: allowed only to this machine (the emulator). */
export function checkTransport(url: URL): TransportCheck {
  if (url.protocol !== 'http:' || isLoopbackHost(url.hostname)) return { ok: true };
  const httpsUrl = `https://${url.host}${url.pathname.replace(/\/+$/, '')}`;
  return {
    ok: false,
    httpsUrl,
    message: l10n.t(
      'http://{0} would send your MoMo keys in clear text, readable by anyone on the way; plain http is only for the local emulator (127.0.0.1, localhost, ::1). Use {1}.',
      url.host,
      httpsUrl,
    ),
  };
}
