// The box the demo prints once everything runs: where to go, what to paste, what to click.
'use strict';

const path = require('path');

/**
 * @param {object} info
 * @param {string} info.url VS Code in the browser
 * @param {string} info.subscriptionKey the emulator's Collections primary key
 * @param {string} info.emulatorUrl
 * @param {string} info.workspace the folder VS Code has open
 */
function formatBanner({ url, subscriptionKey, emulatorUrl, workspace }) {
  const { port } = new URL(url);
  const lines = [
    'MTN MoMo Credentials: demo ready',
    '',
    `1. Open VS Code in a browser on this machine:  ${url}`,
    `   From another machine: ssh -L ${port}:127.0.0.1:${port} <this host>, then the same URL.`,
    '2. Open mysite/settings.py: its MoMo block waits for MOMO_API_USER / MOMO_API_KEY.',
    '3. Click the MoMo icon in the activity bar → "Set Subscription Key" → Sandbox →',
    '   Collections → Primary key, and paste the emulator\'s Collections key:',
    '',
    `      ${subscriptionKey}`,
    '',
    '4. Click "Provision a sandbox API user…" under Collections.',
    '5. "Insert into settings…" (in the notification, or right-click the API user)',
    '   puts MOMO_API_USER and MOMO_API_KEY into your settings.',
    '',
    `MoMo emulator: ${emulatorUrl} (momo.sandbox.baseUrl; test keys, all local)`,
    `Sample project: ${path.relative(process.cwd(), workspace)} (a fresh copy each run)`,
    'Press Ctrl-C to stop VS Code and the emulator.',
  ];
  const width = Math.max(...lines.map((line) => line.length));
  const border = '─'.repeat(width + 2);
  return [`┌${border}┐`, ...lines.map((line) => `│ ${line.padEnd(width)} │`), `└${border}┘`].join('\n');
}

module.exports = { formatBanner };
