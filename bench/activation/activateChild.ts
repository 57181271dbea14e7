/**
 * Child process: `node activateChild.js <extension folder> [--undici-loaded]` loads the
 * extension's main file with the stub `vscode`, runs activate() with a stub context, and reports
 * how long each part took. A fresh process per sample, so module loading is cold every time (as
 * in a new extension host). --undici-loaded first makes Node load its fetch implementation
 * (undici), as an extension host that already used fetch has: axios reads globalThis.FormData
 * while it loads, and in a bare node that read is what loads undici.
 */
import Module = require('module');
import * as path from 'path';
import { performance } from 'perf_hooks';
import { reportToParent } from '../lib/childProtocol';
import { stubContext } from './stubContext';

export interface ActivationSample {
  loadMs: number;
  activateMs: number;
  totalMs: number;
  /** RSS growth over the whole load and activation, in KiB. */
  rssGrowthKb: number;
}

// Every `require('vscode')` gets the stub, as the extension host would give the real API.
const STUB = require.resolve('./vscodeStub');
const resolveFilename = (Module as unknown as { _resolveFilename: (...args: unknown[]) => string })._resolveFilename;
(Module as unknown as { _resolveFilename: (...args: unknown[]) => string })._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? STUB : resolveFilename.call(this, request, ...rest);
};
require(STUB); // its own load is harness cost, not the extension's

async function main(): Promise<void> {
  const extensionDir = process.argv[2];
  if (process.argv.includes('--undici-loaded')) void globalThis.FormData;
  const manifest = require(path.join(extensionDir, 'package.json')) as { main: string };
  const context = stubContext(extensionDir);
  const rssBefore = process.memoryUsage().rss;
  const start = performance.now();
  const extension = require(path.join(extensionDir, manifest.main)) as { activate(context: unknown): unknown };
  const loaded = performance.now();
  await extension.activate(context);
  const activated = performance.now();
  const sample: ActivationSample = {
    loadMs: loaded - start,
    activateMs: activated - loaded,
    totalMs: activated - start,
    rssGrowthKb: (process.memoryUsage().rss - rssBefore) / 1024,
  };
  reportToParent(sample);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
