// The demo's command line: `node scripts/demo/main.js [--port N] [--check]`.
'use strict';

const DEFAULT_PORT = 8080;

const USAGE = `Usage: npm run demo [-- --port N] [-- --check]

Installs the test tools, builds and packages the extension, then serves VS Code (code-server)
on 127.0.0.1 with the packaged extension installed, a sample Django project, and the local
MoMo emulator behind momo.sandbox.baseUrl. Runs until Ctrl-C.

Options:
  --port N   port for VS Code (default ${DEFAULT_PORT}, or the next free one; a given port must be free)
  --check    start everything, verify it works (HTTP, installed extension, emulator, workbench
             in headless Chromium), stop and exit 0 or 1. Same as DEMO_SMOKE=1.
  --help     this text`;

/**
 * @returns {{ help: boolean, check: boolean, port: number | undefined }}
 * `port` is undefined unless given: the demo then tries 8080 and the ports after it.
 * Throws an Error with a one-line message on a bad argument.
 */
function parseDemoArgs(argv, env) {
  const options = { help: false, check: env.DEMO_SMOKE === '1' || env.DEMO_SMOKE === 'true', port: undefined };
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split(/=(.*)/s, 2);
    switch (name) {
      case '--help':
      case '-h':
        options.help = true;
        break;
      case '--check':
        options.check = true;
        break;
      case '--port': {
        const value = inline ?? argv[++i];
        const port = Number(value);
        if (value === undefined || !Number.isInteger(port) || port < 1 || port > 65535) {
          throw new Error(`--port needs a port number from 1 to 65535, got ${value === undefined ? 'nothing' : `"${value}"`}.`);
        }
        options.port = port;
        break;
      }
      default:
        throw new Error(`Unknown option "${name}".`);
    }
  }
  return options;
}

module.exports = { DEFAULT_PORT, USAGE, parseDemoArgs };
