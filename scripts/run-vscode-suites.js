#!/usr/bin/env node
// The second half of `npm test`: the suites that run in a real VS Code (integration in
// code-server, e2e in Chromium). On a machine that cannot have their tools (macOS, Windows, no
// root for apt-get), it says exactly what they need instead of failing in the installer; the
// unit tests have already run by then. In CI a missing tool is a failure, never a skip.
'use strict';

const { spawnSync } = require('child_process');
const path = require('path');
const { whatIsMissing } = require('./install-test-tools');

const ROOT = path.resolve(__dirname, '..');
const SUITES = [
  { name: 'integration', script: 'out/test/runners/run-code-server-tests.js' },
  { name: 'e2e', script: 'out/test/runners/run-e2e.js' },
];

function runNode(args) {
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  return result.status === null ? 1 : result.status;
}

function main() {
  const missing = whatIsMissing();
  if (missing.length > 0) {
    const lines = [
      '',
      'The unit tests ran. The real-VS-Code suites (integration in code-server, e2e in Chromium) did not:',
      ...missing.map((reason) => `  - ${reason}.`),
      'They need Linux with Node 20, root (or sudo) for `apt-get install chromium ripgrep libkrb5-dev`,',
      'and the npm registry; `node scripts/install-test-tools.js` then installs code-server into .vscode-test/.',
      'See docs/testing.md. `npm run test:unit` runs the unit tests alone.',
    ];
    console.log(lines.join('\n'));
    process.exit(process.env.CI ? 1 : 0);
  }
  if (runNode([path.join(__dirname, 'install-test-tools.js')]) !== 0) process.exit(1);
  let status = 0;
  for (const suite of SUITES) {
    if (runNode([suite.script]) !== 0) status = 1;
  }
  process.exit(status);
}

main();
