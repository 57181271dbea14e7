/**
 * Fourth lazily loaded entry point (dist/json.js): JSON parsing, that is parse.ts and
 * jsonc-parser. The settings chunk and the quick-fix chunk are built with a stand-in for
 * parse.ts (settings/jsonChunkForwarder.ts) that requires this chunk the first time a JSON
 * settings file is parsed, so the many projects whose settings are settings.py or .env never
 * load it. A unit test checks that nothing else ends up in it.
 */
export { parseJson } from '../core/settings/json/parse';
