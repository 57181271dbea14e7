#!/usr/bin/env node
// `npm run demo`: from a fresh clone to the extension running in a real VS Code in the browser.
// Installs the test tools, builds and packages the extension, starts the MoMo emulator and
// code-server (127.0.0.1) with the .vsix installed and a sample Django project open, prints what
// to do, and runs until Ctrl-C. `--check` verifies it all and exits (npm run test:demo).
// The emulator-only quick path stays `node dist/cli.js demo`.
'use strict';

const fs = require('fs');
const path = require('path');
const { DEFAULT_PORT, USAGE, parseDemoArgs } = require('./args');
const { formatBanner } = require('./banner');
const steps = require('./build-steps');
const { loadCompiledHelpers } = require('./compiled-helpers');
const { createDemoProfile } = require('./demo-profile');
const { installExtension } = require('./extension-install');
const { choosePort } = require('./ports');

/** package.json with its %key% texts in English (package.nls.json), as the demo's workbench shows them. */
const MANIFEST = (() => {
  const english = JSON.parse(fs.readFileSync(path.join(steps.ROOT, 'package.nls.json'), 'utf8'));
  const text = fs.readFileSync(path.join(steps.ROOT, 'package.json'), 'utf8');
  return JSON.parse(text.replace(/"%([\w.-]+)%"/g, (whole, key) => (key in english ? JSON.stringify(english[key]) : whole)));
})();
const CHECK_TIMEOUT_MS = 5 * 60_000;

/**
 * @param {{ check: boolean, port: number | undefined }} options
 * @param {{ stop: AbortSignal, onRunning(): void }} control `stop` aborts the start-up between
 *   steps; `onRunning` says that every process started is registered for cleanup.
 * @returns {Promise<number | undefined>} an exit code, or undefined while serving
 */
async function main(options, { stop, onRunning }) {
  const started = Date.now();
  // Chosen first, so that a taken --port fails before a minute of building.
  const port = await choosePort(options.port, DEFAULT_PORT);
  timed('Test tools (Debian chromium, code-server)', steps.ensureTestTools);
  timed('Production build (esbuild)', steps.buildExtension);
  const warning = timed('Compile the emulator and runner helpers (tsc)', steps.compileHelpers);
  if (warning) console.warn(`  ! ${warning}`);
  const vsix = timed('Package the extension (vsce)', steps.packageVsix);
  console.log(`  ${path.relative(process.cwd(), vsix.file)}: ${vsix.summary}`);

  const helpers = loadCompiledHelpers();
  const { onCleanup, formatDuration, withDeadline } = helpers.lifecycle;
  const emulator = await helpers.emulator.startTestEmulator();
  onCleanup(() => emulator.close());
  stop.throwIfAborted();
  const subscriptionKey = emulator.subscriptionKeys.collection.primary;

  const { BASE_SETTINGS, composeSettings, writeProfileSettings } = helpers.testEnvironment;
  const profile = createDemoProfile(composeSettings(BASE_SETTINGS, { 'momo.sandbox.baseUrl': emulator.url }), writeProfileSettings);
  timed('Install the .vsix into code-server', () => installExtension(helpers.paths.CODE_SERVER_ENTRY, profile, vsix.file));

  const server = await helpers.codeServer.startCodeServer(profile, 'demo', { port });
  onCleanup(() => server.stop());
  stop.throwIfAborted();
  onRunning();
  console.log(`  VS Code (code-server) on ${server.baseUrl}, log in ${path.relative(process.cwd(), server.logFile)}`);
  console.log(`  ready in ${formatDuration(Date.now() - started)}\n`);

  if (options.check) {
    const { runDemoChecks } = require('./checks');
    const demo = { helpers, server, profile, emulator, subscriptionKey, manifest: MANIFEST };
    const counts = await withDeadline(runDemoChecks(demo), CHECK_TIMEOUT_MS, `the demo checks did not finish within ${formatDuration(CHECK_TIMEOUT_MS)}`);
    console.log(helpers.protocol.formatCounts('demo', counts));
    return counts.failed > 0 ? 1 : 0;
  }
  console.log(formatBanner({ url: `${server.baseUrl}/`, subscriptionKey, emulatorUrl: emulator.url, workspace: profile.workspace }));
  return undefined;
}

/** Runs one synchronous step with a heading and its duration. */
function timed(title, step) {
  console.log(`→ ${title}…`);
  const started = Date.now();
  const result = step();
  console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/**
 * Stops code-server and the emulator through test/runners/lifecycle's cleanups; before tsc has
 * compiled it, nothing has started that would need stopping.
 */
async function stopEverything() {
  const lifecycle = path.join(steps.ROOT, 'out', 'test', 'runners', 'lifecycle.js');
  if (fs.existsSync(lifecycle)) await require(lifecycle).runCleanups();
}

function start() {
  let options;
  try {
    options = parseDemoArgs(process.argv.slice(2), process.env);
  } catch (err) {
    console.error(`${err.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }

  /** starting → running (all processes registered; checks run) → serving (banner shown). */
  let state = 'starting';
  let stopping = false;
  const stop = new AbortController();
  const finish = async (code) => {
    stopping = true;
    await stopEverything();
    process.exit(code);
  };
  const onSignal = (signal) => {
    if (stopping) process.exit(130); // a second Ctrl-C: do not wait for the cleanups
    const name = signal === 'SIGINT' ? 'Ctrl-C' : signal;
    if (state === 'serving') {
      // Stopping is how the demo ends, not a failure: exit 0, so npm prints no error.
      console.log(`\n${name}: stopping VS Code and the MoMo emulator…`);
      void finish(0);
    } else if (state === 'running') {
      console.error(`\n${name}: stopping the check…`);
      void finish(130);
    } else {
      // A process being started is not registered yet: let main() stop at its next step.
      console.error(`\n${name}: stopping what has started…`);
      stop.abort(new Error('interrupted'));
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, onSignal);

  main(options, { stop: stop.signal, onRunning: () => (state = 'running') }).then(
    (code) => {
      if (code === undefined) state = 'serving';
      else void finish(code);
    },
    (err) => {
      if (stop.signal.aborted) return void finish(130);
      console.error(`\nThe demo could not start: ${err instanceof Error ? err.message : String(err)}`);
      void finish(1);
    },
  );
}

start();
