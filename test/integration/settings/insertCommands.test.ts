// The insert commands with arguments (no UI): momo.insertIntoCurrentFile against a tracked
// settings.py (reference mode: .env created in the same edit, .gitignore entry added) and a
// .env (value mode), with an unsaved editor, an unsupported file, no editor, a production key,
// and momo.insertIntoSettings (the tree's command) with a file argument.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { MomoExtensionApi } from '../../../src/extension';
import { assertNoSecret, everythingShown, run, runWithRawArgument } from '../extension/testKit';
import { workspaceUri } from '../harness';
import { inzulinkFiles, type InsertResult, makeProject, open, readText, storeUser, type StoredUser, useStoredUser } from './settingsKit';

describe('settings: insert commands', function () {
  let api: MomoExtensionApi;
  let user: StoredUser;
  const secrets = new Set<string>();

  useStoredUser(secrets, (readyApi, readyUser) => {
    api = readyApi;
    user = readyUser;
  });

  const userArgs = () => ({ apiUser: user.apiUser, environment: 'sandbox', product: 'collection' as const });

  it('writes a tracked settings.py in reference mode: .env created, .gitignore entry added, loader offered', async () => {
    const dir = await makeProject('insert-reference', inzulinkFiles(), { git: true });
    const editor = await open(`${dir}/inzulink/settings.py`);
    api.notifier.answerNext(/nothing loads \.env/, undefined);
    const result = await run<InsertResult>('momo.insertIntoCurrentFile', userArgs());
    assert.strictEqual(result.ok, true, result.reason);
    assert.deepStrictEqual(
      { mode: result.mode, changed: result.changed, dotenv: result.dotenv, gitignore: result.gitignore, loaderAdded: result.loaderAdded },
      { mode: 'reference', changed: true, dotenv: `${dir}/.env`, gitignore: `${dir}/.gitignore`, loaderAdded: false },
    );
    assert.match(editor.document.getText(), /MOMO_API_KEY = os\.environ\.get\("MOMO_API_KEY", ""\)/);
    const dotenv = String(await readText(`${dir}/.env`));
    assert.match(dotenv, new RegExp(`^MOMO_API_USER=${user.apiUser}$`, 'm'));
    assert.match(dotenv, new RegExp(`^MOMO_API_KEY=${user.apiKey}$`, 'm'));
    assert.strictEqual(await readText(`${dir}/.gitignore`), '.venv/\n__pycache__/\n*.sqlite3\n.env\n');
    const offer = api.notifier.shown().find((m) => /nothing loads \.env/.test(m.message));
    assert.deepStrictEqual(offer?.buttons, ['Add load_dotenv()']);
    assert.match(String(offer?.message), /python-dotenv/);
    assert.strictEqual(editor.document.isDirty, false);

    // Running it again changes nothing: the planner is idempotent.
    api.notifier.answerNext(/nothing loads \.env/, undefined);
    const again = await run<InsertResult>('momo.insertIntoCurrentFile', userArgs());
    assert.strictEqual(again.changed, false);
  });

  it('adds the loader in the same edit when asked (loader: true)', async () => {
    const dir = await makeProject('insert-loader', inzulinkFiles(), { git: true });
    const editor = await open(`${dir}/inzulink/settings.py`);
    const result = await run<InsertResult>('momo.insertIntoCurrentFile', { ...userArgs(), loader: true });
    assert.strictEqual(result.loaderAdded, true);
    assert.match(editor.document.getText(), /^from dotenv import load_dotenv\n\nload_dotenv\(\)$/m);
  });

  it('writes the values into a .env (value mode)', async () => {
    const dir = await makeProject('insert-dotenv', { '.env': 'DEBUG=True\nMOMO_SUBSCRIPTION_KEY=\n', '.gitignore': '.env\n' }, { git: true });
    const editor = await open(`${dir}/.env`);
    const result = await run<InsertResult>('momo.insertIntoCurrentFile', userArgs());
    assert.strictEqual(result.ok, true, result.reason);
    assert.strictEqual(result.mode, 'value');
    assert.strictEqual(result.dotenv, undefined);
    assert.strictEqual(editor.document.getText(), `DEBUG=True\nMOMO_SUBSCRIPTION_KEY=\nMOMO_API_USER=${user.apiUser}\nMOMO_API_KEY=${user.apiKey}\n`);
    assert.strictEqual(await readText(`${dir}/.env`), editor.document.getText(), 'saved, since it had no unsaved changes');
  });

  it('respects an unsaved editor: the typed text stays, the values go on top, nothing is saved', async () => {
    const original = 'import os\n\nMOMO_API_USER = "your-api-user-id"\nMOMO_API_KEY = "your-api-key"\n';
    const dir = await makeProject('insert-dirty', { 'settings.py': original });
    const editor = await open(`${dir}/settings.py`);
    await editor.edit((b) => b.insert(new vscode.Position(1, 0), 'UNSAVED_SETTING = 42\n'));
    assert.strictEqual(editor.document.isDirty, true);
    const result = await run<InsertResult>('momo.insertIntoCurrentFile', { ...userArgs(), mode: 'value' });
    assert.strictEqual(result.ok, true, result.reason);
    const text = editor.document.getText();
    assert.match(text, /^UNSAVED_SETTING = 42$/m);
    assert.match(text, new RegExp(`^MOMO_API_USER = "${user.apiUser}"$`, 'm'));
    assert.strictEqual(editor.document.isDirty, true, 'the unsaved editor was saved behind the user');
    assert.strictEqual(await readText(`${dir}/settings.py`), original);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('explains an unsupported file and offers the clipboard', async () => {
    const dir = await makeProject('insert-unsupported', { 'config.yml': 'momo:\n  api_user: ""\n' });
    await open(`${dir}/config.yml`);
    api.notifier.answerNext(/not supported yet/, 'Copy to Clipboard');
    const result = await run<InsertResult>('momo.insertIntoCurrentFile', userArgs());
    assert.strictEqual(result.ok, false);
    await api.notifier.idle();
    const told = api.notifier.shown().find((m) => /not supported yet/.test(m.message));
    assert.match(String(told?.message), /YAML/);
    assert.deepStrictEqual(told?.buttons, ['Copy to Clipboard', 'Choose a Settings File…']);
    assert.strictEqual(api.clipboard.lastCopied(), `MOMO_API_USER=${user.apiUser}\nMOMO_API_KEY=${user.apiKey}\n`);
    assert.strictEqual(await readText(`${dir}/config.yml`), 'momo:\n  api_user: ""\n');
  });

  it('explains that no editor is open and offers the clipboard or a file', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    api.notifier.answerNext(/No editor is open/, undefined);
    const result = await run<InsertResult>('momo.insertIntoCurrentFile', userArgs());
    assert.strictEqual(result.ok, false);
    const told = api.notifier.shown().find((m) => /No editor is open/.test(m.message));
    assert.deepStrictEqual(told?.buttons, ['Copy to Clipboard', 'Choose a Settings File…']);
  });

  it('asks before writing a production key literally into a tracked file, and can keep it in .env instead', async () => {
    const production = await storeUser(api, 'mtnuganda');
    secrets.add(production.apiKey);
    const dir = await makeProject('insert-production', { 'settings.py': 'MOMO_API_USER = ""\nMOMO_API_KEY = ""\n', '.gitignore': '.env\n' }, { git: true });
    const editor = await open(`${dir}/settings.py`);
    const args = { apiUser: production.apiUser, environment: 'mtnuganda', product: 'collection', mode: 'value', loader: false } as const;

    api.notifier.answerNext(/production MoMo key literally/, undefined);
    const cancelled = await run<InsertResult>('momo.insertIntoCurrentFile', args);
    assert.strictEqual(cancelled.ok, false);
    assert.strictEqual(api.notifier.shown().filter((m) => m.modal).at(-1)?.message.includes('production'), true);
    assert.strictEqual(editor.document.getText(), 'MOMO_API_USER = ""\nMOMO_API_KEY = ""\n');

    api.notifier.answerNext(/production MoMo key literally/, 'Keep It in .env');
    const kept = await run<InsertResult>('momo.insertIntoCurrentFile', args);
    assert.strictEqual(kept.ok, true, kept.reason);
    assert.strictEqual(kept.mode, 'reference');
    assertNoSecret(editor.document.getText(), [production.apiKey], 'the tracked settings.py');
    assert.match(String(await readText(`${dir}/.env`)), new RegExp(`^MOMO_API_KEY=${production.apiKey}$`, 'm'));
  });

  it("the tree's Insert into Settings… writes the file it is given, creating a missing .env", async () => {
    const dir = await makeProject('insert-tree', { '.gitignore': '.env\n', 'requirements.txt': 'Django\n' });
    const result = await run<InsertResult>('momo.insertIntoSettings', { ...userArgs(), file: `${dir}/.env` });
    assert.strictEqual(result.ok, true, result.reason);
    assert.strictEqual(result.mode, 'value');
    assert.strictEqual(await readText(`${dir}/.env`), `# MTN MoMo API credentials\nMOMO_API_USER=${user.apiUser}\nMOMO_API_KEY=${user.apiKey}\n`);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), workspaceUri(`${dir}/.env`).toString(), 'the file is shown');

    // A tree node (an API user row) passed by the context menu works the same, with a file.
    const node = { kind: 'apiUser', environment: 'sandbox', product: 'collection', apiUser: user.apiUser, keyStored: true };
    const viaNode = await runWithRawArgument<InsertResult>('momo.insertIntoSettings', { ...node, file: workspaceUri(`${dir}/.env`).toString() });
    assert.strictEqual(viaNode.ok, true, viaNode.reason);
    assert.strictEqual(viaNode.changed, false);
  });

  it('never put a secret into the log or a message', async () => {
    await api.notifier.idle();
    assertNoSecret(everythingShown(api), secrets, 'the MoMo log or a message');
  });
});
