/**
 * The settings chunk (dist/settings.js) shows diagnostics without the network code and without
 * the planners: built exactly as esbuild.js builds it for production, its inputs hold no axios,
 * no MoMo client, no doctor, no command handler and no dialect planner, and it stays within
 * issue 15's 80 KB. The quick-fix chunk (dist/quickfixes.js) holds the list and the planners,
 * still without network code. The network chunk (dist/features.js) holds every command.
 */
import * as assert from 'assert';
import * as esbuild from 'esbuild';
import * as path from 'path';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const buildScript = require(path.join(REPO_ROOT, 'esbuild.js')) as { bundleOptions(o: { production: boolean }): esbuild.BuildOptions };

/** Issue 15: the settings chunk ≤ 80 KB (KB = 1,024 bytes, as the bench prints them). */
const SETTINGS_CHUNK_BUDGET_BYTES = 80 * 1024;

interface Chunk {
  /** Every module esbuild read for it, including those tree-shaking left no code of. */
  inputs: string[];
  /** The modules with code in the output. */
  withCode: string[];
  bytes: number;
}

async function build(entry: string): Promise<Chunk> {
  const result = await esbuild.build({
    ...buildScript.bundleOptions({ production: true }),
    absWorkingDir: REPO_ROOT,
    entryPoints: [entry],
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

async function inputsOf(entry: string): Promise<string[]> {
  return (await build(entry)).inputs;
}

/** The dialect planners: what the quick-fix list needs to build its edits and titles, and the diagnostics do not. */
const PLANNERS = [/src\/core\/settings\/(python|json|dotenv)\/plan\.ts$/, /src\/core\/settings\/python\/dictPlan\.ts$/, /src\/core\/settings\/json\/layout\.ts$/];

const NETWORK = [/node_modules[\\/]axios[\\/]/, /src\/core\/momo\/(client|http|request|provision|provisionAll|verify)\.ts$/, /src\/core\/doctor\//, /src\/core\/payments\//, /src\/vscode\/features\.ts$/];

describe('lazily loaded chunks', function () {
  this.timeout(60000);

  it('dist/settings.js holds the diagnostics, no network code and no planner, within 80 KB', async () => {
    const { inputs, withCode, bytes } = await build('src/vscode/settingsChunk.ts');
    assert.ok(inputs.includes('src/vscode/settings/settingsDiagnostics.ts'));
    assert.ok(!inputs.includes('src/vscode/settings/settingsCodeActions.ts'), 'the quick-fix list is in dist/quickfixes.js');
    const network = inputs.filter((input) => NETWORK.some((pattern) => pattern.test(input)));
    assert.deepStrictEqual(network, [], 'network modules in the settings chunk');
    // A planner's module is read for a helper it shares with detection; none of its planning code may stay.
    assert.deepStrictEqual(withCode.filter((input) => PLANNERS.some((pattern) => pattern.test(input))), [], 'planner code in the settings chunk');
    assert.ok(bytes <= SETTINGS_CHUNK_BUDGET_BYTES, `dist/settings.js is ${bytes} bytes in production, over the ${SETTINGS_CHUNK_BUDGET_BYTES}-byte budget`);
  });

  it('dist/quickfixes.js holds the quick-fix list and the planners, and no network code', async () => {
    const { inputs, withCode } = await build('src/vscode/quickFixChunk.ts');
    assert.ok(withCode.includes('src/vscode/settings/settingsCodeActions.ts'));
    for (const planner of PLANNERS) assert.ok(withCode.some((input) => planner.test(input)), `${planner} in the quick-fix chunk`);
    const network = inputs.filter((input) => NETWORK.some((pattern) => pattern.test(input)));
    assert.deepStrictEqual(network, [], 'network modules in the quick-fix chunk');
  });

  it('dist/features.js holds the commands and the MoMo client', async () => {
    const inputs = await inputsOf('src/vscode/features.ts');
    assert.ok(inputs.some((input) => /node_modules[\\/]axios[\\/]/.test(input)));
    assert.ok(inputs.includes('src/core/momo/client.ts'));
    assert.ok(!inputs.includes('src/vscode/settingsChunk.ts'));
  });
});
