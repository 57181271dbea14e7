// MoMo diagnostics and quick fixes on appsettings.json in a real VS Code. The settings and
// quick-fix chunks parse JSON through dist/json.js, which they require the first time a JSON
// settings file is checked: the diagnostics appear as before, the quick-fix list reads the same
// file, and the parser is in dist/json.js only.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { MomoExtensionApi } from '../../../src/extension';
import { momoApi, resetExtension } from '../extension/testKit';
import { getExtension } from '../harness';
import { codesOf, diagnosticOn, makeProject, open, quickFixesAt, removeTestProjects, waitForDiagnostics } from './settingsKit';

/** JSON with a comment and trailing commas, as appsettings.json files are written; line 5 holds the placeholder. */
const APPSETTINGS = ['{', '  // MTN MoMo sandbox', '  "MomoApiOptions": {', '    "SubscriptionKey": "",', '    "ApiUser": "your-api-user",', '    "ApiKey": "",', '  },', '}', ''].join('\n');

/** One of jsonc-parser's error names (its printParseErrorCode, and parse.ts's messages): text only the JSON parser carries. */
const PARSER_TEXT = 'UnexpectedEndOfComment';

function dist(): string {
  return path.join(getExtension().extensionPath, 'dist');
}

describe('settings: appsettings.json diagnostics (JSON parsing from dist/json.js)', function () {
  let api: MomoExtensionApi;

  before(async () => {
    api = await momoApi();
    await resetExtension(api);
  });

  after(async () => {
    await removeTestProjects();
    if (api) await resetExtension(api);
  });

  it('reports a placeholder in appsettings.json, having loaded dist/json.js, and offers its fixes', async () => {
    const dir = await makeProject('diag-appsettings', { 'appsettings.json': APPSETTINGS });
    const editor = await open(`${dir}/appsettings.json`);
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.length > 0, 'the placeholder warning');
    assert.deepStrictEqual(codesOf(diagnostics), ['momo.placeholder']);
    const placeholder = diagnosticOn(diagnostics, 'momo.placeholder', 4);
    assert.ok(require.cache[path.join(dist(), 'json.js')], 'dist/json.js is not loaded after a JSON settings file was checked');
    // The quick-fix chunk checks the file again with its own copy of the JSON scan.
    const actions = await quickFixesAt(editor.document.uri, placeholder.range);
    assert.ok(
      actions.some((a) => a.title === 'Provision a sandbox user and fill'),
      `offered: ${actions.map((a) => a.title).join(' | ')}`,
    );
  });

  it('has the JSON parser in dist/json.js, and not in dist/settings.js or dist/quickfixes.js', () => {
    const text = (chunk: string) => fs.readFileSync(path.join(dist(), chunk), 'utf8');
    assert.ok(text('json.js').includes(PARSER_TEXT), 'no JSON parser in dist/json.js');
    for (const chunk of ['settings.js', 'quickfixes.js']) assert.ok(!text(chunk).includes(PARSER_TEXT), `dist/${chunk} carries its own JSON parser`);
  });
});
