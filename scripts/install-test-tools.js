#!/usr/bin/env node
// Installs what the real-VS-Code tests need, and nothing when it is already there:
//   - Debian's chromium, ripgrep and libkrb5-dev (apt-get, as root, only when missing);
//   - code-server (VS Code 1.100 for the browser) into .vscode-test/code-server/.
// A plain `npm install code-server` fails on machines without GitHub downloads or as root, so this
// follows the recipe in docs/testing.md step by step. A marker file records success.
// `whatIsMissing()` says, without installing anything, what this machine lacks for the suites.
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const CODE_SERVER_VERSION = '4.100.3';
const ROOT = path.resolve(__dirname, '..');
const TOOLS_DIR = path.join(ROOT, '.vscode-test');
const INSTALL_DIR = path.join(TOOLS_DIR, 'code-server');
const PACKAGE_DIR = path.join(INSTALL_DIR, 'node_modules', 'code-server');
const VSCODE_DIR = path.join(PACKAGE_DIR, 'lib', 'vscode');
const ENTRY = path.join(PACKAGE_DIR, 'out', 'node', 'entry.js');
const MARKER = path.join(INSTALL_DIR, 'installed.json');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Debian packages, each detected by one file it installs. */
const DEBIAN_PACKAGES = [
  { name: 'chromium', file: CHROMIUM },
  { name: 'ripgrep', file: '/usr/bin/rg' },
  // Headers for building the `kerberos` native module; only needed while installing code-server.
  { name: 'libkrb5-dev', file: '/usr/include/krb5.h', buildOnly: true },
];

function log(message) {
  console.log(`[install-test-tools] ${message}`);
}

function fail(message) {
  console.error(`[install-test-tools] ERROR: ${message}`);
  process.exit(1);
}

/** npm run passes npm_* variables (prefix, user agent, ...) that would point a nested npm at the project. */
function cleanNpmEnv() {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key)) env[key] = value;
  }
  return {
    ...env,
    npm_config_unsafe_perm: 'true', // code-server's scripts refuse to run as root without it
    npm_config_yes: 'true', // node-pty's install runs `npx node-gyp`, which would ask
    // npm 11 lists packages with install scripts not in allowScripts; should it start skipping
    // them, `npm rebuild` would silently build nothing. --ignore-scripts steps still skip them.
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
}

function run(command, args, options = {}) {
  log(`$ ${[command, ...args].join(' ')}${options.cwd ? `   (in ${path.relative(ROOT, options.cwd) || '.'})` : ''}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: cleanNpmEnv(), ...options });
  if (result.error) fail(`${command} could not start: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  return result;
}

function capture(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', env: cleanNpmEnv(), ...options });
  if (result.status !== 0) {
    fail(`${command} ${args.join(' ')} failed:\n${result.stdout || ''}${result.stderr || result.error || ''}`);
  }
  return result.stdout.trim();
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function missingDebianPackages(includeBuildOnly) {
  return DEBIAN_PACKAGES.filter((p) => (includeBuildOnly || !p.buildOnly) && !fs.existsSync(p.file));
}

function hasAptGet() {
  return spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Why the real-VS-Code suites cannot run on this machine, one sentence each; empty when they can
 * (possibly after this script installs what is missing).
 */
function whatIsMissing() {
  const reasons = [];
  if (process.platform !== 'linux') {
    reasons.push(
      `they run code-server ${CODE_SERVER_VERSION} and Debian's chromium, which this script installs on Linux only (this is ${process.platform}); ` +
        'on a desktop VS Code use `npm run test:electron` instead',
    );
    return reasons;
  }
  const installed = isCodeServerInstalled();
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  if (!installed && nodeMajor !== 20) reasons.push(`code-server ${CODE_SERVER_VERSION} needs Node 20 (this is Node ${process.versions.node})`);
  const missing = missingDebianPackages(!installed).map((p) => p.name);
  if (missing.length > 0 && !hasAptGet()) {
    reasons.push(`missing Debian packages (${missing.join(', ')}) and no apt-get on this machine to install them`);
  } else if (missing.length > 0 && !isRoot()) {
    reasons.push(`missing Debian packages (${missing.join(', ')}): install them with \`sudo apt-get install ${missing.join(' ')}\`, or run \`npm test\` as root`);
  }
  return reasons;
}

function ensureDebianPackages(includeBuildOnly) {
  const missing = missingDebianPackages(includeBuildOnly);
  if (missing.length === 0) return;
  const names = missing.map((p) => p.name);
  if (!isRoot()) {
    fail(`missing Debian packages: ${names.join(' ')}. Install them (sudo apt-get install ${names.join(' ')}) or run this as root.`);
  }
  fs.mkdirSync(TOOLS_DIR, { recursive: true });
  const aptLog = path.join(TOOLS_DIR, 'apt-get.log');
  log(`installing Debian packages: ${names.join(' ')} (output in ${path.relative(ROOT, aptLog)})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', ...names]]) {
    const out = fs.openSync(aptLog, 'a');
    const result = spawnSync('apt-get', args, { stdio: ['ignore', out, out], env });
    fs.closeSync(out);
    if (result.status !== 0) {
      const tail = fs.readFileSync(aptLog, 'utf8').split('\n').slice(-30).join('\n');
      fail(`apt-get ${args.join(' ')} exited with ${result.status ?? result.error}:\n${tail}`);
    }
  }
  const stillMissing = missing.filter((p) => !fs.existsSync(p.file));
  if (stillMissing.length) fail(`apt-get ran but these are still missing: ${stillMissing.map((p) => p.file).join(' ')}`);
}

function readMarker() {
  try {
    return JSON.parse(fs.readFileSync(MARKER, 'utf8'));
  } catch {
    return undefined;
  }
}

function isCodeServerInstalled() {
  const marker = readMarker();
  // Native modules are built for one Node ABI: a different Node needs a fresh install.
  return (
    marker !== undefined &&
    marker.version === CODE_SERVER_VERSION &&
    marker.nodeAbi === process.versions.modules &&
    fs.existsSync(ENTRY)
  );
}

/** Same effect as code-server's postinstall.sh, minus its downloads (ripgrep comes from Debian). */
function installCodeServer() {
  const nodeMajor = Number(process.versions.node.split('.')[0]);
  if (nodeMajor !== 20) fail(`code-server ${CODE_SERVER_VERSION} needs Node 20; this is Node ${process.versions.node}.`);

  fs.rmSync(INSTALL_DIR, { recursive: true, force: true });
  fs.mkdirSync(INSTALL_DIR, { recursive: true });
  fs.writeFileSync(
    path.join(INSTALL_DIR, 'package.json'),
    JSON.stringify({ name: 'momo-test-code-server', private: true, description: 'Written by scripts/install-test-tools.js' }, null, 2),
  );

  run('npm', ['install', '--ignore-scripts', '--no-save', `code-server@${CODE_SERVER_VERSION}`], { cwd: INSTALL_DIR });
  run('npm', ['install', '--omit=dev', '--ignore-scripts'], { cwd: VSCODE_DIR });

  // @vscode/ripgrep's postinstall downloads rg from GitHub unless bin/ already exists.
  const rgBin = path.join(VSCODE_DIR, 'node_modules', '@vscode', 'ripgrep', 'bin');
  fs.mkdirSync(rgBin, { recursive: true });
  fs.copyFileSync('/usr/bin/rg', path.join(rgBin, 'rg'));
  fs.chmodSync(path.join(rgBin, 'rg'), 0o755);
  log(`copied /usr/bin/rg into ${path.relative(ROOT, rgBin)}`);

  run('npm', ['rebuild'], { cwd: VSCODE_DIR }); // builds node-pty, spdlog, kerberos, watchdog, ...

  // postinstall.sh: node_modules.asar link, the CLI and helper links, the built-in extensions' deps.
  symlink('node_modules', path.join(VSCODE_DIR, 'node_modules.asar'));
  symlink('code-linux.sh', path.join(VSCODE_DIR, 'bin', 'remote-cli', 'code-server'));
  symlink('browser-linux.sh', path.join(VSCODE_DIR, 'bin', 'helpers', 'browser.sh'));
  run('npm', ['install', '--omit=dev'], { cwd: path.join(VSCODE_DIR, 'extensions') });

  run('npm', ['rebuild', 'argon2'], { cwd: INSTALL_DIR });
}

function symlink(target, linkPath) {
  fs.rmSync(linkPath, { recursive: true, force: true });
  fs.symlinkSync(target, linkPath);
  log(`linked ${path.relative(ROOT, linkPath)} -> ${target}`);
}

/** Loads the native modules and asks code-server for its version; any failure stops the install. */
function verifyCodeServer() {
  const home = path.join(INSTALL_DIR, 'home'); // keeps code-server from writing ~/.config/code-server
  const env = { ...cleanNpmEnv(), XDG_CONFIG_HOME: home, XDG_DATA_HOME: home };
  const modules = ['node-pty', '@vscode/spdlog', 'kerberos', 'native-watchdog'];
  capture(process.execPath, ['-e', modules.map((m) => `require(${JSON.stringify(m)});`).join('')], { cwd: VSCODE_DIR, env });
  capture(path.join(VSCODE_DIR, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'), ['--version']);
  return capture(process.execPath, [ENTRY, '--version'], { env }).split('\n').pop();
}

function main() {
  const started = Date.now();
  const alreadyInstalled = isCodeServerInstalled();
  ensureDebianPackages(!alreadyInstalled);
  log(`chromium: ${capture(CHROMIUM, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] })}`);

  if (alreadyInstalled) {
    log(`code-server ${CODE_SERVER_VERSION} already installed in ${path.relative(ROOT, INSTALL_DIR)} (delete it to reinstall)`);
    return;
  }
  log(`installing code-server ${CODE_SERVER_VERSION} into ${path.relative(ROOT, INSTALL_DIR)}`);
  installCodeServer();
  const version = verifyCodeServer();
  log(`code-server works: ${version}`);
  fs.writeFileSync(
    MARKER,
    JSON.stringify({ version: CODE_SERVER_VERSION, nodeAbi: process.versions.modules, reported: version, installedAt: new Date().toISOString() }, null, 2),
  );
  log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
}

module.exports = { whatIsMissing, CODE_SERVER_VERSION };

if (require.main === module) main();
