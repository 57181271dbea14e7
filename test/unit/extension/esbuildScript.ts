/** esbuild.js as a library for the bundle tests: its entries and the options it builds each with. */
import * as assert from 'assert';
import type * as esbuild from 'esbuild';
import * as path from 'path';

export const REPO_ROOT = path.resolve(__dirname, '../../../..');

export interface BuildEntry {
  in: string;
  out: string;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const buildScript = require(path.join(REPO_ROOT, 'esbuild.js')) as {
  /** `entry` adds that entry's own stand-ins to the shared ones. */
  bundleOptions(o: { production: boolean; entry?: BuildEntry }): esbuild.BuildOptions;
  entries: BuildEntry[];
};

/** The entry of esbuild.js that writes dist/<out>.js. */
export function entryOf(out: string): BuildEntry {
  const entry = buildScript.entries.find((e) => e.out === out);
  assert.ok(entry, `esbuild.js has no entry for dist/${out}.js`);
  return entry;
}
