/**
 * The lazily loaded bundles, next to extension.js. activate() does no network and no settings
 * check, so none of that belongs in the activation bundle:
 * - dist/settings.js (settingsChunk.ts): settings diagnostics; no MoMo client, no axios, no
 *   planner. Loaded for the first settings file to check.
 * - dist/quickfixes.js (quickFixChunk.ts): the quick-fix list with the settings planners; no MoMo
 *   client, no axios. Loaded by the settings chunk for the first list asked at a MoMo diagnostic.
 * - dist/json.js (jsonChunk.ts): JSON parsing (jsonc-parser). Loaded by the settings and quick-fix
 *   chunks the first time they parse a JSON settings file (settings/jsonChunkForwarder.ts).
 * - dist/features.js (features.ts), the network chunk: every command handler, the MoMo client,
 *   axios, the doctor. Loaded by the first command.
 * The paths are computed at run time so esbuild leaves the requires alone; this file sits next
 * to every entry, so the same `__dirname` works in the bundle (dist/) and in the tsc build
 * (out/src/vscode/).
 */
import * as path from 'path';
import type * as Features from './features';
import type * as JsonChunk from './jsonChunk';
import type * as QuickFixChunk from './quickFixChunk';
import type * as SettingsChunk from './settingsChunk';

export type LoadedFeatures = typeof Features;
export type LoadedSettingsChunk = typeof SettingsChunk;
export type LoadedQuickFixChunk = typeof QuickFixChunk;
export type LoadedJsonChunk = typeof JsonChunk;

let loaded: LoadedFeatures | undefined;
let settingsChunk: LoadedSettingsChunk | undefined;
let quickFixChunk: LoadedQuickFixChunk | undefined;
let jsonChunk: LoadedJsonChunk | undefined;

/** The network chunk (commands). */
export function loadFeatures(): LoadedFeatures {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require(path.join(__dirname, 'features.js')) as LoadedFeatures;
  return loaded;
}

/** The settings chunk (diagnostics and quick fixes). */
export function loadSettingsChunk(): LoadedSettingsChunk {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  settingsChunk ??= require(path.join(__dirname, 'settings.js')) as LoadedSettingsChunk;
  return settingsChunk;
}

/** The quick-fix list with the planners. */
export function loadQuickFixChunk(): LoadedQuickFixChunk {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  quickFixChunk ??= require(path.join(__dirname, 'quickfixes.js')) as LoadedQuickFixChunk;
  return quickFixChunk;
}

/** JSON parsing (jsonc-parser), for the settings and quick-fix chunks. */
export function loadJsonChunk(): LoadedJsonChunk {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  jsonChunk ??= require(path.join(__dirname, 'json.js')) as LoadedJsonChunk;
  return jsonChunk;
}

/** Already loaded (nothing to do for things that only exist once it is). */
export function featuresLoaded(): boolean {
  return loaded !== undefined;
}
