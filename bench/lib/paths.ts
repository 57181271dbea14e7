import * as path from 'path';

/** The repository root (this file compiles to out/bench/lib/). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const DIST_DIR = path.join(REPO_ROOT, 'dist');
export const EXTENSION_BUNDLE = path.join(DIST_DIR, 'extension.js');
/** Written by `node esbuild.js --production --meta`. */
export const BUNDLE_META = path.join(DIST_DIR, 'meta.json');
export const RESULTS_DIR = path.join(REPO_ROOT, 'bench', 'results');
/** The do-nothing extension every activation time is compared with. */
export const EMPTY_EXTENSION_DIR = path.join(REPO_ROOT, 'bench', 'fixtures', 'empty-extension');
/** Compiled bench scripts that run in child processes or in the extension host. */
export const BENCH_OUT = path.join(REPO_ROOT, 'out', 'bench');
