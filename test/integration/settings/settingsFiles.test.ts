// The files the tree's "Insert into Settings…" offers, and the momo.settings.defaultMode setting.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { MomoExtensionApi } from '../../../src/extension';
import { findSettingsFiles } from '../../../src/vscode/settings/settingsFiles';
import { momoApi, resetExtension, run } from '../extension/testKit';
import { gitAvailable, inzulinkFiles, makeProject, open, readText, removeTestProjects, storeUser } from './settingsKit';

describe('settings: the settings files of the workspace', function () {
  let api: MomoExtensionApi;

  before(async () => {
    api = await momoApi();
    await resetExtension(api);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('momo').update('settings.defaultMode', undefined, vscode.ConfigurationTarget.Global);
    await removeTestProjects();
    if (api) await resetExtension(api);
  });

  it('finds settings.py, .env* and appsettings*.json files, Python first and templates last, never .envrc', async () => {
    const dir = await makeProject('files', {
      'api/appsettings.Development.json': '{}\n',
      '.env.local': 'DEBUG=1\n',
      '.envrc': 'dotenv\n',
      'node_modules/pkg/.env': 'X=1\n',
    });
    const found = (await findSettingsFiles()).map((uri) => vscode.workspace.asRelativePath(uri, false));
    for (const expected of ['mysite/settings.py', 'inzulink/inzulink/settings.py', 'inzulink/.env.example', `${dir}/.env.local`, `${dir}/api/appsettings.Development.json`]) {
      assert.ok(found.includes(expected), `${expected} is missing from ${found.join(', ')}`);
    }
    assert.ok(!found.some((f) => f.endsWith('.envrc') || f.includes('node_modules')), found.join(', '));
    assert.ok(found.indexOf('mysite/settings.py') < found.indexOf(`${dir}/.env.local`), 'Python settings come before .env files');
    assert.strictEqual(found.at(-1), 'inzulink/.env.example', 'the template comes last');
  });

  it('follows momo.settings.defaultMode: "value" writes into a tracked settings.py itself', async function () {
    if (!gitAvailable()) this.skip();
    const user = await storeUser(api);
    await vscode.workspace.getConfiguration('momo').update('settings.defaultMode', 'value', vscode.ConfigurationTarget.Global);
    const dir = await makeProject('default-mode', inzulinkFiles(), { git: true });
    const editor = await open(`${dir}/inzulink/settings.py`);
    const result = await run<{ mode: string }>('momo.insertIntoCurrentFile', { apiUser: user.apiUser, loader: false });
    assert.strictEqual(result.ok, true, result.reason);
    assert.strictEqual(result.mode, 'value');
    assert.match(editor.document.getText(), new RegExp(`os\\.environ\\.get\\("MOMO_API_USER", "${user.apiUser}"\\)`));
    assert.strictEqual(await readText(`${dir}/.env`), undefined, 'no .env in value mode');
  });
});
