/**
 * The extension the bench measures: the production bundle built with esbuild.js's options into
 * a private folder with a copy of package.json and media/. Teammates rebuild dist/ (dev builds,
 * watch mode) while the bench runs; measuring dist/ directly once measured a half-written,
 * unminified file. Activation in Node and in code-server both load this folder.
 */
import type * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';
import { buildExtension } from './buildScript';
import { BENCH_OUT, REPO_ROOT } from './paths';

export interface ExtensionSnapshot {
  /** An extension folder: package.json, media/, dist/extension.js. */
  dir: string;
  bundle: string;
  bytes: number;
  meta: esbuild.Metafile;
}

export async function buildExtensionSnapshot(): Promise<ExtensionSnapshot> {
  const dir = path.join(BENCH_OUT, 'snapshot');
  fs.rmSync(dir, { recursive: true, force: true });
  const bundle = path.join(dir, 'dist', 'extension.js');
  const result = await buildExtension(bundle, {}, true);
  fs.copyFileSync(path.join(REPO_ROOT, 'package.json'), path.join(dir, 'package.json'));
  fs.cpSync(path.join(REPO_ROOT, 'media'), path.join(dir, 'media'), { recursive: true });
  return { dir, bundle, bytes: fs.statSync(bundle).size, meta: result.metafile };
}
