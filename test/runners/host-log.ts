// Prints what the VS Code web client forwards through window.codeAutomationLog: the extension
// host's console (mocha's reporter among it) plus the workbench's own log at info level and up.
import { format } from 'util';

/** Harmless chatter of a workbench on a closed network; shown with MOMO_TEST_VERBOSE=1. */
const NOISE = [
  /open-vsx\.org/,
  /vsda/,
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^Updating additional builtin extensions cache/,
  /^ChatSessionStore/,
  /^\[Service Worker\]/,
];

/** Prints one forwarded entry (console-style: a format string and its arguments); returns its text. */
export function printHostLog(type: string, args: unknown[]): string {
  const line = format(...(Array.isArray(args) ? args : [args]));
  if (process.env.MOMO_TEST_VERBOSE || !isHidden(line)) {
    console.log(type === 'error' || type === 'warn' ? `[${type}] ${line}` : line);
  }
  return line;
}

function isHidden(line: string): boolean {
  return line.startsWith('[momo-test-summary]') || NOISE.some((pattern) => pattern.test(line));
}
