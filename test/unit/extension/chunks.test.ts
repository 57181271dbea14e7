/**
 * The settings chunk (dist/settings.js) shows diagnostics without the network code and without
 * the planners: built exactly as esbuild.js builds it for production, its inputs hold no axios,
 * no MoMo client, no doctor, no command handler and no dialect planner, and it stays within
 * issue 15's 80 KB. The quick-fix chunk (dist/quickfixes.js) holds the list and the planners,
 * still without network code. Neither holds jsonc-parser: both take JSON parsing from the JSON
 * chunk (dist/json.js), which holds that and nothing else. The network chunk (dist/features.js)
 * holds every command, and parses JSON itself.
 */
import * as assert from 'assert';
import * as esbuild from 'esbuild';
import * as path from 'path';
import { buildScript, entryOf, REPO_ROOT } from './esbuildScript';

/** Issue 15: the settings chunk ≤ 80 KB (KB = 1,024 bytes, as the bench prints them). */
const SETTINGS_CHUNK_BUDGET_BYTES = 80 * 1024;

interface Chunk {
  /** Every module esbuild read for it, including those tree-shaking left no code of. */
  inputs: string[];
  /** The modules with code in the output. */
  withCode: string[];
  bytes: number;
}

const builds = new Map<string, Promise<Chunk>>();

/** The entry of esbuild.js that writes dist/<out>.js, built (once) as `node esbuild.js --production` builds it. */
function build(out: string): Promise<Chunk> {
  if (!builds.has(out)) builds.set(out, buildOnce(out));
  return builds.get(out)!;
}

async function buildOnce(out: string): Promise<Chunk> {
  const entry = entryOf(out);
  const result = await esbuild.build({
    ...buildScript.bundleOptions({ production: true, entry }),
    absWorkingDir: REPO_ROOT,
    entryPoints: [entry.in],
    outfile: path.join(REPO_ROOT, 'out', 'chunk-check.js'),
    write: false,
    logLevel: 'error',
  });
  const [output] = Object.values(result.metafile!.outputs).filter((o) => o.entryPoint !== undefined);
  return {
    inputs: Object.keys(result.metafile!.inputs),
    withCode: Object.entries(output.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([input]) => input),
    bytes: output.bytes,
  };
}

/** The dialect planners: what the quick-fix list needs to build its edits and titles, and the diagnostics do not. */
const PLANNERS = [/src\/core\/settings\/(python|json|dotenv)\/plan\.ts$/, /src\/core\/settings\/python\/dictPlan\.ts$/, /src\/core\/settings\/json\/layout\.ts$/];

const JSONC_PARSER = /node_modules[\\/]jsonc-parser[\\/]/;
const JSON_PARSE = 'src/core/settings/json/parse.ts';
const JSON_FORWARDER = 'src/vscode/settings/jsonChunkForwarder.ts';

const NETWORK = [/node_modules[\\/]axios[\\/]/, /src\/core\/momo\/(client|http|request|provision|provisionAll|verify)\.ts$/, /src\/core\/doctor\//, /src\/core\/payments\//, /src\/vscode\/features\.ts$/];

describe('lazily loaded chunks', function () {
  this.timeout(60000);

  it('dist/settings.js holds the diagnostics, no network code and no planner, within 80 KB', async () => {
    const { inputs, withCode, bytes } = await build('settings');
    assert.ok(inputs.includes('src/vscode/settings/settingsDiagnostics.ts'));
    assert.ok(!inputs.includes('src/vscode/settings/settingsCodeActions.ts'), 'the quick-fix list is in dist/quickfixes.js');
    const network = inputs.filter((input) => NETWORK.some((pattern) => pattern.test(input)));
    assert.deepStrictEqual(network, [], 'network modules in the settings chunk');
    // A planner's module is read for a helper it shares with detection; none of its planning code may stay.
    assert.deepStrictEqual(withCode.filter((input) => PLANNERS.some((pattern) => pattern.test(input))), [], 'planner code in the settings chunk');
    assert.ok(bytes <= SETTINGS_CHUNK_BUDGET_BYTES, `dist/settings.js is ${bytes} bytes in production, over the ${SETTINGS_CHUNK_BUDGET_BYTES}-byte budget`);
  });

  it('dist/settings.js has no JSON parser: it loads dist/json.js for the first JSON settings file', async () => {
    const { inputs, withCode } = await build('settings');
    assert.ok(withCode.includes('src/core/settings/json/scan.ts'), 'the JSON scan (MoMo keys in the parsed tree) stays in the settings chunk');
    assert.ok(withCode.includes(JSON_FORWARDER));
    assert.deepStrictEqual(inputs.filter((input) => JSONC_PARSER.test(input) || input === JSON_PARSE), [], 'JSON parsing in the settings chunk');
  });

  it('dist/quickfixes.js holds the quick-fix list and the planners, no network code and no JSON parser', async () => {
    const { inputs, withCode } = await build('quickfixes');
    assert.ok(withCode.includes('src/vscode/settings/settingsCodeActions.ts'));
    for (const planner of PLANNERS) assert.ok(withCode.some((input) => planner.test(input)), `${planner} in the quick-fix chunk`);
    const network = inputs.filter((input) => NETWORK.some((pattern) => pattern.test(input)));
    assert.deepStrictEqual(network, [], 'network modules in the quick-fix chunk');
    assert.ok(withCode.includes(JSON_FORWARDER), 'the quick-fix chunk shares dist/json.js with the settings chunk');
    assert.deepStrictEqual(inputs.filter((input) => JSONC_PARSER.test(input) || input === JSON_PARSE), [], 'JSON parsing in the quick-fix chunk');
  });

  it('dist/json.js holds JSON parsing (parse.ts and jsonc-parser) and nothing else', async () => {
    const { inputs, withCode } = await build('json');
    assert.ok(withCode.includes(JSON_PARSE));
    assert.ok(withCode.some((input) => JSONC_PARSER.test(input)));
    const others = withCode.filter((input) => !JSONC_PARSER.test(input) && input !== JSON_PARSE && input !== 'src/vscode/jsonChunk.ts');
    assert.deepStrictEqual(others, [], 'code besides JSON parsing in the JSON chunk');
    assert.deepStrictEqual(inputs.filter((input) => NETWORK.some((pattern) => pattern.test(input))), [], 'network modules in the JSON chunk');
    assert.ok(!inputs.includes(JSON_FORWARDER), 'the JSON chunk would load itself');
  });

  it('dist/features.js holds the commands and the MoMo client, and parses JSON itself', async () => {
    const { inputs, withCode } = await build('features');
    assert.ok(inputs.some((input) => /node_modules[\\/]axios[\\/]/.test(input)));
    assert.ok(inputs.includes('src/core/momo/client.ts'));
    assert.ok(!inputs.includes('src/vscode/settingsChunk.ts'));
    assert.ok(withCode.includes(JSON_PARSE) && !inputs.includes(JSON_FORWARDER), 'the network chunk keeps JSON parsing inline');
  });
});
