// What the demo does before anything runs: test tools, a production build, the compiled helpers
// it reuses from test/runners, and a .vsix. Each step is the project's own tool, run with this
// Node (no npx: nothing gets fetched from the registry behind the user's back).
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { ROOT, HELPER_FILES } = require('./compiled-helpers');

const VSIX = path.join(ROOT, '.vscode-test', 'momo-credentials.vsix');
/** The users' README (the Marketplace page); the repository README is for contributors. */
// vsce joins --readme-path to the folder it packages, so the path is relative to ROOT.
const MARKETPLACE_README = 'docs/marketplace/README.md';

class StepError extends Error {}

/** Runs `node <args>` in the repo; `inherit` shows its output live, otherwise it is returned. */
function runNode(args, { inherit = false } = {}) {
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: inherit ? 'inherit' : 'pipe',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw new StepError(`node ${args.join(' ')} could not start: ${result.error.message}`);
  // Ctrl-C reaches the step too (same process group): say so rather than "it failed".
  if (result.signal) throw new StepError(`${path.basename(args[0])} was stopped by ${result.signal}.`);
  return { status: result.status ?? 1, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

/** Idempotent: apt-get and the code-server install only happen when something is missing. */
function ensureTestTools() {
  const { status } = runNode([path.join('scripts', 'install-test-tools.js')], { inherit: true });
  if (status !== 0) throw new StepError('installing the test tools failed (see above).');
}

function buildExtension() {
  const { status, output } = runNode(['esbuild.js', '--production']);
  if (status !== 0) throw new StepError(`the production build failed:\n${output}`);
}

/**
 * tsc over the whole project. The demo needs only a few of its outputs (HELPER_FILES), and
 * tsc writes them even when a file elsewhere has a type error, e.g. a teammate's work in
 * progress: then the demo warns and goes on (`npm test` is what fails on type errors).
 * @returns {string | undefined} a warning to show, if tsc reported errors
 */
function compileHelpers() {
  const { status, output } = runNode([require.resolve('typescript/bin/tsc'), '-p', '.']);
  const missing = HELPER_FILES.filter((file) => !fs.existsSync(path.join(ROOT, file)));
  if (missing.length > 0) throw new StepError(`tsc did not produce ${missing.join(', ')}:\n${output}`);
  if (status === 0) return undefined;
  const errors = output.split('\n').filter((line) => /error TS\d+/.test(line));
  return `tsc reported ${errors.length} type error(s) in files the demo does not use; it goes on:\n  ${errors.slice(0, 5).join('\n  ')}`;
}

/** @returns {{ file: string, bytes: number, summary: string }} */
function packageVsix() {
  fs.mkdirSync(path.dirname(VSIX), { recursive: true });
  fs.rmSync(VSIX, { force: true });
  const vsce = require.resolve('@vscode/vsce/vsce');
  const { status, output } = runNode([vsce, 'package', '--no-dependencies', '--readme-path', MARKETPLACE_README, '--out', VSIX]);
  if (status !== 0 || !fs.existsSync(VSIX)) throw new StepError(`vsce could not package the extension:\n${output}`);
  // vsce's last line: "DONE  Packaged: <file> (14 files, 77 KB)".
  const done = output.split('\n').find((line) => line.includes('Packaged:')) ?? '';
  const counts = /\(([^)]*)\)\s*$/.exec(done);
  return { file: VSIX, bytes: fs.statSync(VSIX).size, summary: counts ? counts[1] : `${fs.statSync(VSIX).size} bytes` };
}

module.exports = { ROOT, VSIX, StepError, ensureTestTools, buildExtension, compileHelpers, packageVsix };
