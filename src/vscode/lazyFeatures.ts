/**
 * Loads dist/features.js (commands, settings planner, doctor, axios) on first use. activate()
 * does no network, so none of that belongs in the activation bundle. The path is computed at
 * run time so esbuild leaves the require alone; this file sits next to features.ts, so the same
 * `__dirname` works in the bundle (dist/) and in the tsc build (out/src/vscode/).
 */
import * as path from 'path';
import type * as Features from './features';

export type LoadedFeatures = typeof Features;

let loaded: LoadedFeatures | undefined;

export function loadFeatures(): LoadedFeatures {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require(path.join(__dirname, 'features.js')) as LoadedFeatures;
  return loaded;
}

/** Already loaded (nothing to do for things that only exist once it is). */
export function featuresLoaded(): boolean {
  return loaded !== undefined;
}
