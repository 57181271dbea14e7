/**
 * esbuild.js as a library: its production options and its stand-ins, so that every bundle the
 * bench builds or compares is built exactly as `node esbuild.js --production` builds it.
 */
import * as esbuild from 'esbuild';
import * as path from 'path';
import { REPO_ROOT } from './paths';

export interface StandIn {
  module: string;
  importer?: RegExp;
  why: string;
  file?: string;
  contents?: string;
}

/** An entry of esbuild.js: source, dist/<out>.js, and stand-ins for its build only. */
export interface BuildEntry {
  in: string;
  out: string;
  standIns?: StandIn[];
}

interface BuildScript {
  STAND_INS: StandIn[];
  entries: BuildEntry[];
  /** `entry` adds that entry's own stand-ins to `standIns` (default STAND_INS). */
  bundleOptions(options: { production: boolean; standIns?: StandIn[]; entry?: BuildEntry }): esbuild.BuildOptions;
}

export const buildScript = require(path.join(REPO_ROOT, 'esbuild.js')) as BuildScript;

export const EXTENSION_ENTRY = 'src/extension.ts';

export interface Variant {
  /** Default: esbuild.js's STAND_INS. */
  standIns?: StandIn[];
  /** esbuild.js before this bench existed had esbuild's default, ASCII. */
  charset?: 'ascii';
  /** Extra modules left out of the bundle. */
  external?: string[];
  /** Everything in one file, as before the features were split off (activation entry + features). */
  allInOne?: boolean;
}

const ALL_IN_ONE = "export * from './src/extension';\nexport * from './src/vscode/features';\n";

/** Builds the extension entry as production; writes `outfile` only when `write` is set. */
export function buildExtension(outfile: string, variant: Variant = {}, write = false): Promise<esbuild.BuildResult<{ metafile: true; write: boolean }>> {
  const options = buildScript.bundleOptions({ production: true, standIns: variant.standIns });
  return esbuild.build({
    ...options,
    ...(variant.charset ? { charset: variant.charset } : {}),
    metafile: true,
    external: [...(options.external ?? []), ...(variant.external ?? [])],
    absWorkingDir: REPO_ROOT,
    ...(variant.allInOne ? { stdin: { contents: ALL_IN_ONE, resolveDir: REPO_ROOT, loader: 'ts' as const } } : { entryPoints: [EXTENSION_ENTRY] }),
    outfile,
    write,
    logLevel: 'error',
  });
}

/** Size of the bundle a variant would produce, built in memory. */
export async function variantBytes(variant: Variant): Promise<number> {
  const result = await buildExtension(path.join(REPO_ROOT, 'out', 'bench', 'variant.js'), variant);
  return result.outputFiles!.find((file) => file.path.endsWith('.js'))!.contents.byteLength;
}
