import * as path from 'path';

/** The repository root (this file compiles to out/bench/lib/). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const RESULTS_DIR = path.join(REPO_ROOT, 'bench', 'results');
/** The do-nothing extension every activation time is compared with. */
export const EMPTY_EXTENSION_DIR = path.join(REPO_ROOT, 'bench', 'fixtures', 'empty-extension');
/** Compiled bench scripts that run in child processes or in the extension host. */
export const BENCH_OUT = path.join(REPO_ROOT, 'out', 'bench');
