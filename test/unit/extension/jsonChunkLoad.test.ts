/**
 * The settings and quick-fix chunks parse JSON through dist/json.js: built as esbuild.js builds
 * them (the JSON_FROM_CHUNK stand-in for parse.ts), the JSON scan requires the JSON chunk next
 * to it on its first call, not before, and reads every file exactly as the scan built with
 * parse.ts inline does (the CLI, the network chunk, these tests).
 */
import * as assert from 'assert';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { scanJson, type JsonScan } from '../../../src/core/settings/json/scan';
import { buildScript, entryOf, REPO_ROOT } from './esbuildScript';

/** What a scan found, without its TextIndex (a class of its own in each bundle). */
function found(scan: JsonScan): unknown {
  return {
    error: scan.error,
    root: scan.root,
    objects: scan.objects.map((o) => ({ path: o.path, momo: o.momo, product: o.product, start: o.node.start })),
    variables: scan.variables.map(({ name, info, nameStart, nameEnd, startLine, endLine, literal, path: keys }) => ({ name, info, nameStart, nameEnd, startLine, endLine, literal, keys })),
  };
}

const FILES: Record<string, string> = {
  appsettings: '{\n  // MoMo\n  "MomoApiOptions": {\n    "SubscriptionKey": "",\n    "ApiUser": "your-api-user",\n    "ApiKey": null,\n  },\n  "MoMo": { "Collection": { "ApiKey": "" } }\n}\n',
  'byte-order mark and CRLF': '\ufeff{\r\n  "MOMO_API_USER": "x"\r\n}\r\n',
  'broken JSON': '{\n  "MomoApiOptions": {\n    "ApiUser" "x"\n  }\n}\n',
  'nested too deeply': `${'['.repeat(600)}${']'.repeat(600)}`,
  empty: '',
};

describe('JSON parsing from dist/json.js', function () {
  this.timeout(60000);
  let dir: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'momo-json-chunk-'));
    const json = entryOf('json');
    await esbuild.build({ ...buildScript.bundleOptions({ production: true, entry: json }), absWorkingDir: REPO_ROOT, entryPoints: [json.in], outfile: path.join(dir, 'json.js'), logLevel: 'error' });
    // The JSON scan as the settings chunk bundles it, with its stand-ins.
    await esbuild.build({
      ...buildScript.bundleOptions({ production: true, entry: entryOf('settings') }),
      absWorkingDir: REPO_ROOT,
      stdin: { contents: "export { scanJson } from './src/core/settings/json/scan';", resolveDir: REPO_ROOT, loader: 'ts' },
      outfile: path.join(dir, 'scan.js'),
      logLevel: 'error',
    });
  });

  after(() => {
    for (const file of ['scan.js', 'json.js']) delete require.cache[path.join(dir, file)];
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('loads dist/json.js on the first scan, and scans every file as parse.ts inline does', () => {
    const jsonChunk = path.join(dir, 'json.js');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bundled = require(path.join(dir, 'scan.js')) as { scanJson: typeof scanJson };
    assert.ok(!fs.readFileSync(path.join(dir, 'scan.js'), 'utf8').includes('UnexpectedEndOfComment'), 'jsonc-parser in the scan bundle');
    assert.strictEqual(require.cache[jsonChunk], undefined, 'dist/json.js loaded before any JSON was scanned');
    for (const [name, text] of Object.entries(FILES)) {
      assert.deepStrictEqual(found(bundled.scanJson(text)), found(scanJson(text)), name);
      assert.ok(require.cache[jsonChunk], `dist/json.js not loaded after scanning ${name}`);
    }
    assert.strictEqual(bundled.scanJson(FILES.appsettings).variables.length, 4);
    assert.match(String(bundled.scanJson(FILES['broken JSON']).error?.message), /^Expected : after a key\.$/);
  });
});
