/**
 * The settings chunk (dist/settings.js) shows diagnostics and quick fixes without the network
 * code: built exactly as esbuild.js builds it, its inputs hold no axios, no MoMo client, no
 * doctor and no command handler. The network chunk (dist/features.js) holds every command.
 */
import * as assert from 'assert';
import * as esbuild from 'esbuild';
import * as path from 'path';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const buildScript = require(path.join(REPO_ROOT, 'esbuild.js')) as { bundleOptions(o: { production: boolean }): esbuild.BuildOptions };

async function inputsOf(entry: string): Promise<string[]> {
  const result = await esbuild.build({
    ...buildScript.bundleOptions({ production: true }),
    absWorkingDir: REPO_ROOT,
    entryPoints: [entry],
    outfile: path.join(REPO_ROOT, 'out', 'chunk-check.js'),
    write: false,
    logLevel: 'error',
  });
  return Object.keys(result.metafile!.inputs);
}

const NETWORK = [/node_modules[\\/]axios[\\/]/, /src\/core\/momo\/(client|http|request|provision|provisionAll|verify)\.ts$/, /src\/core\/doctor\//, /src\/core\/payments\//, /src\/vscode\/features\.ts$/];

describe('lazily loaded chunks', function () {
  this.timeout(60000);

  it('dist/settings.js holds the diagnostics and quick fixes, and no network code', async () => {
    const inputs = await inputsOf('src/vscode/settingsChunk.ts');
    assert.ok(inputs.includes('src/vscode/settings/settingsDiagnostics.ts'));
    assert.ok(inputs.includes('src/vscode/settings/settingsCodeActions.ts'));
    const network = inputs.filter((input) => NETWORK.some((pattern) => pattern.test(input)));
    assert.deepStrictEqual(network, [], 'network modules in the settings chunk');
  });

  it('dist/features.js holds the commands and the MoMo client', async () => {
    const inputs = await inputsOf('src/vscode/features.ts');
    assert.ok(inputs.some((input) => /node_modules[\\/]axios[\\/]/.test(input)));
    assert.ok(inputs.includes('src/core/momo/client.ts'));
    assert.ok(!inputs.includes('src/vscode/settingsChunk.ts'));
  });
});
