/**
 * Stands in for src/core/settings/json/parse.ts in the settings and quick-fix chunks only (the
 * JSON_FROM_CHUNK stand-in of esbuild.js): the parser lives in dist/json.js and is required on
 * the first call. Nothing imports this file by name; everything built without that stand-in (the
 * CLI, the emulator, the network chunk, tsc's out/ and the unit tests) uses parse.ts itself.
 * parse.ts's other exports are types; a value export used elsewhere and missing here fails the build.
 */
import type { JsonParseResult } from '../../core/settings/json/parse';
import { loadJsonChunk } from '../lazyFeatures';

export function parseJson(text: string): JsonParseResult {
  return loadJsonChunk().parseJson(text);
}
