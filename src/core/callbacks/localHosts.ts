import { isIP } from 'net';

/**
 * True for names and addresses of this machine: `localhost` (and `*.localhost`), 127.0.0.0/8
 * and ::1. The emulator only delivers callbacks there (it rehearses the developer's own app, and
 * a test run must never send requests to someone else's server), and the rehearsal only asks a
 * base URL there whether it is the emulator.
 */
export function isLocalHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1';
  return false;
}
