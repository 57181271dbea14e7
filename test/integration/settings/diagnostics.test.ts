// MoMo diagnostics on settings files in a real VS Code: an InzuLink-like settings.py (a
// committed subscription key beside the documentation's placeholders), refreshed on change,
// cleared on close, raised to an error for a stored production key, quiet for files that are
// not MTN MoMo's, for MTN's documentation examples and for .env templates; in a .env, moved with
// their lines through keystrokes above them.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { MomoExtensionApi } from '../../../src/extension';
import { assertNoSecret, momoApi, resetExtension } from '../extension/testKit';
import { sleep, waitFor, workspaceUri, writeWorkspaceFile } from '../harness';
import {
  actionTitled,
  applyAction,
  codesOf,
  diagnosticOn,
  gitAvailable,
  INZULINK_SUBSCRIPTION_KEY,
  inzulinkFiles,
  makeProject,
  momoDiagnostics,
  open,
  quickFixesAt,
  readText,
  removeTestProjects,
  waitForDiagnostics,
} from './settingsKit';

function lineOf(document: vscode.TextDocument, text: string): number {
  const line = document.getText().split('\n').findIndex((l) => l.includes(text));
  assert.ok(line >= 0, `no line with ${text}`);
  return line;
}

/** The placeholder on `userLine` and the wrong target environment on `targetLine` (0-based), and nothing else. */
function placedAt(diagnostics: vscode.Diagnostic[], userLine: number, targetLine: number): boolean {
  const on = (code: string, line: number) => diagnostics.some((d) => d.code === code && d.range.start.line === line);
  return diagnostics.length === 2 && on('momo.placeholder', userLine) && on('momo.invalidTargetEnvironment', targetLine);
}

describe('settings: MoMo diagnostics', function () {
  let api: MomoExtensionApi;

  before(async function () {
    if (!gitAvailable()) this.skip();
    api = await momoApi();
    await resetExtension(api);
  });

  after(async () => {
    await removeTestProjects();
    if (api) await resetExtension(api);
  });

  it('reports placeholders, a committed subscription key, the sandbox currency and the missing .env loader, each with a code', async () => {
    const dir = await makeProject('diag-inzulink', inzulinkFiles(), { git: true });
    const editor = await open(`${dir}/inzulink/settings.py`);
    const document = editor.document;
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.length >= 5, 'five MoMo diagnostics');
    assert.deepStrictEqual(codesOf(diagnostics), [
      'momo.dotenvNotLoaded',
      'momo.hardcodedSecret',
      'momo.placeholder',
      'momo.placeholder',
      'momo.sandboxCurrency',
    ]);
    const leak = diagnosticOn(diagnostics, 'momo.hardcodedSecret', lineOf(document, 'MOMO_COLLECTION_SUBSCRIPTION_KEY ='));
    assert.strictEqual(leak.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(document.getText(leak.range), `"${INZULINK_SUBSCRIPTION_KEY}"`);
    diagnosticOn(diagnostics, 'momo.placeholder', lineOf(document, 'MOMO_API_USER ='));
    diagnosticOn(diagnostics, 'momo.placeholder', lineOf(document, 'MOMO_API_KEY ='));
    assert.strictEqual(diagnosticOn(diagnostics, 'momo.sandboxCurrency').severity, vscode.DiagnosticSeverity.Information);
    assert.match(diagnosticOn(diagnostics, 'momo.dotenvNotLoaded').message, /python-dotenv/);
    for (const d of diagnostics) {
      assert.strictEqual(d.source, 'MoMo');
      assertNoSecret(d.message, [INZULINK_SUBSCRIPTION_KEY], `the ${String(d.code)} message`);
    }
  });

  it('makes the committed key an error once it is a stored production credential', async () => {
    const uri = workspaceUri('settings-tests/diag-inzulink/inzulink/settings.py');
    await api.store.setSubscriptionKey({ environment: 'mtnrwanda', product: 'collection' }, 'primary', INZULINK_SUBSCRIPTION_KEY);
    const diagnostics = await waitForDiagnostics(
      uri,
      (d) => d.some((x) => x.code === 'momo.hardcodedSecret' && x.severity === vscode.DiagnosticSeverity.Error),
      'the leak reported as an error',
    );
    assert.match(diagnosticOn(diagnostics, 'momo.hardcodedSecret').message, /production/);
    await api.store.removeSubscriptionKey({ environment: 'mtnrwanda', product: 'collection' }, 'primary');
    await waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'momo.hardcodedSecret' && x.severity === vscode.DiagnosticSeverity.Warning), 'back to a warning');
  });

  it('refreshes after an edit (debounced) and clears when the editor closes', async () => {
    const uri = workspaceUri('settings-tests/diag-inzulink/inzulink/settings.py');
    const editor = await open('settings-tests/diag-inzulink/inzulink/settings.py');
    const line = lineOf(editor.document, 'MOMO_CURRENCY');
    const text = editor.document.lineAt(line).text;
    await editor.edit((b) => b.replace(editor.document.lineAt(line).range, text.replace('"RWF"', '"EU')));
    await editor.edit((b) => b.replace(editor.document.lineAt(line).range, text.replace('"RWF"', '"EUR"')));
    await waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'momo.sandboxCurrency'), 'the currency warning to go');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor(() => momoDiagnostics(uri).length === 0, 10_000, 'diagnostics cleared on close');
  });

  it('reports a browser-exposed key as a warning and "production" as the target environment as information, each with its fix', async () => {
    const env = 'VITE_MOMO_API_KEY=9a8b7c6d5e4f30211a2b3c4d5e6f7089\nMOMO_API_USER=3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b\nMOMO_TARGET_ENVIRONMENT=production\n';
    const dir = await makeProject('diag-exposed', { '.env.local': env, '.gitignore': '.env*\n' }, { git: true });
    const editor = await open(`${dir}/.env.local`);
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => x.code === 'momo.browserExposed') && d.some((x) => x.code === 'momo.invalidTargetEnvironment'), 'both findings');
    const exposed = diagnosticOn(diagnostics, 'momo.browserExposed');
    assert.strictEqual(exposed.severity, vscode.DiagnosticSeverity.Warning);
    actionTitled(await quickFixesAt(editor.document.uri, exposed.range), 'Rename to MOMO_API_KEY (server-side only)');
    const target = diagnosticOn(diagnostics, 'momo.invalidTargetEnvironment');
    assert.strictEqual(target.severity, vscode.DiagnosticSeverity.Information);
    actionTitled(await quickFixesAt(editor.document.uri, target.range), 'Use sandbox');
  });

  it('moves .env diagnostics with their lines while typing and deleting above them', async () => {
    const env = ['DEBUG=1', 'CERT="first', 'second"', 'MOMO_API_USER=your-api-user', 'OTHER=1', 'MOMO_TARGET_ENVIRONMENT=production', ''].join('\n');
    const dir = await makeProject('env-typing', { '.env': env });
    const editor = await open(`${dir}/.env`);
    const document = editor.document;
    await waitForDiagnostics(document.uri, (d) => placedAt(d, 3, 5), 'the placeholder on line 4 and the target environment on line 6');

    // One keystroke at a time below DEBUG=1: an entry whose quoted value spans two lines.
    let offset = document.getText().indexOf('CERT');
    for (const character of 'A="x\ny"\n') {
      const at = document.positionAt(offset++);
      assert.ok(await editor.edit((b) => b.insert(at, character)));
    }
    let diagnostics = await waitForDiagnostics(document.uri, (d) => placedAt(d, 5, 7), 'both two lines further down');
    assert.deepStrictEqual(diagnostics.map((d) => document.getText(d.range)).sort(), ['production', 'your-api-user']);

    // Deleting across lines: CERT's two lines go, from inside its value to the next entry.
    const from = document.getText().indexOf('first');
    const to = document.getText().indexOf('MOMO_API_USER');
    assert.ok(await editor.edit((b) => b.delete(new vscode.Range(document.positionAt(from - 'CERT="'.length), document.positionAt(to)))));
    diagnostics = await waitForDiagnostics(document.uri, (d) => placedAt(d, 3, 5), 'both two lines up again');
    assert.deepStrictEqual(diagnostics.map((d) => document.getText(d.range)).sort(), ['production', 'your-api-user']);
  });

  it('does not flag MTN documentation examples as leaks, only as placeholders', async () => {
    const settings = [
      'import os',
      'MOMO_SUBSCRIPTION_KEY = os.environ.get("MOMO_SUBSCRIPTION_KEY", "")',
      'MOMO_API_USER = "c72025f5-5cd1-4630-99e4-8ba4722fad56"',
      'MOMO_API_KEY = "f1db798c98df4bcf83b538175893bbf0"',
      '',
    ].join('\n');
    const dir = await makeProject('diag-doc-examples', { 'settings.py': settings, '.gitignore': '.env\n' }, { git: true });
    const editor = await open(`${dir}/settings.py`);
    // Lines 3 and 4 (the empty MOMO_SUBSCRIPTION_KEY read above them has its own: no .env sets it).
    const onExamples = (d: vscode.Diagnostic[]) => d.filter((x) => x.code === 'momo.placeholder' && x.range.start.line >= 2);
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => onExamples(d).length === 2, 'two placeholders');
    assert.ok(!diagnostics.some((d) => d.code === 'momo.hardcodedSecret'), `a documentation example was called a leak: ${codesOf(diagnostics).join(', ')}`);
  });

  it("stays quiet for Vietnam's MoMo wallet and for an .env template's empty values", async () => {
    const dir = await makeProject(
      'diag-quiet',
      {
        'vn_settings.py': 'MOMO_PARTNER_CODE = "MOMOBKUN20180529"\nMOMO_ACCESS_KEY = "klm05TvNBzhg7h7j"\nMOMO_SECRET_KEY = "at67qH6mk8w5Y1nAyMoYKMWACiEi2bsa"\n',
        '.env.example': 'MOMO_API_USER=\nMOMO_API_KEY=\nMOMO_SUBSCRIPTION_KEY=\n',
        '.gitignore': '.env\n',
      },
      { git: true },
    );
    const vietnam = await open(`${dir}/vn_settings.py`);
    const template = await open(`${dir}/.env.example`);
    await sleep(1500); // longer than the debounce: a diagnostic would be there by now
    assert.deepStrictEqual(momoDiagnostics(vietnam.document.uri), []);
    assert.deepStrictEqual(momoDiagnostics(template.document.uri), []);
  });

  it('warns about a .env that git would commit (not ignored), and "Add .env to .gitignore" fixes it', async () => {
    const dir = await makeProject('diag-dotenv', { '.gitignore': '__pycache__/\n' }, { git: true });
    // Written after `git add`: untracked, but nothing keeps it out of the next commit.
    await writeWorkspaceFile(`${dir}/.env`, 'MOMO_API_USER=3f1c2a4b-5d6e-4f70-8a9b-0c1d2e3f4a5b\nMOMO_API_KEY=9a8b7c6d5e4f30211a2b3c4d5e6f7089\n');
    const editor = await open(`${dir}/.env`);
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => x.code === 'momo.hardcodedSecret'), 'the exposed .env warning');
    const actions = await quickFixesAt(editor.document.uri, diagnosticOn(diagnostics, 'momo.hardcodedSecret').range);
    const result = await applyAction(actionTitled(actions, 'Add .env to .gitignore'));
    assert.strictEqual(result.ok, true, result.reason);
    assert.strictEqual(await readText(`${dir}/.gitignore`), '__pycache__/\n.env\n');
    await waitForDiagnostics(editor.document.uri, (d) => d.length === 0, 'no warning once .env is ignored');
  });
});
