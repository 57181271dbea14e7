// The TypeScript pieces the demo reuses (code-server and browser runners, the emulator, the core's
// provisioning), loaded from tsc's output once build-steps.compileHelpers() has produced it.
'use strict';

const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');

/** Name → compiled module under out/. */
const HELPERS = {
  paths: 'test/runners/paths.js',
  codeServer: 'test/runners/code-server.js',
  testEnvironment: 'test/runners/test-environment.js',
  emulator: 'test/runners/emulator.js',
  lifecycle: 'test/runners/lifecycle.js',
  browser: 'test/runners/browser.js',
  protocol: 'test/runners/protocol.js',
  workbench: 'test/e2e/harness/ui.js',
  provision: 'src/core/momo/provision.js',
  momoHttp: 'src/core/momo/http.js',
};

/** Paths relative to the repo, for checking that tsc wrote them. */
const HELPER_FILES = Object.values(HELPERS).map((file) => path.join('out', file));

/** @returns {Record<keyof typeof HELPERS, any>} */
function loadCompiledHelpers() {
  return Object.fromEntries(Object.entries(HELPERS).map(([name, file]) => [name, require(path.join(ROOT, 'out', file))]));
}

module.exports = { ROOT, HELPER_FILES, loadCompiledHelpers };
