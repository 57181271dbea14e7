import * as path from 'path';

/** The repository root (this file compiles to out/test/runners/). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
/** Screenshots and logs that a person (or CI) looks at after a run. Ignored by git. */
export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'test-artifacts');
export const FIXTURES_DIR = path.join(REPO_ROOT, 'test', 'fixtures');
/** Installed by scripts/install-test-tools.js. */
export const CODE_SERVER_ENTRY = path.join(
  REPO_ROOT, '.vscode-test', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js',
);
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** Compiled by tsc from src/emulator/server.ts; absent until that module is written. */
export const EMULATOR_MODULE = path.join(REPO_ROOT, 'out', 'src', 'emulator', 'server.js');
