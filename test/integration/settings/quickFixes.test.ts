// Quick fixes for the MoMo diagnostics, asked for the way the light bulb does
// (vscode.executeCodeActionProvider) and applied the way a click does (the action's command):
// one-file fixes undo in one step, "Move to .env" changes three files in one edit, and
// "Fill with stored sandbox credentials" / "Provision a sandbox user and fill" write the values.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { MomoExtensionApi } from '../../../src/extension';
import type { RunningEmulator } from '../../../src/emulator/types';
import { assertNoSecret, everythingShown, run, startEmulatorForExtension, stopEmulator } from '../extension/testKit';
import { emulatorAvailable, waitFor } from '../harness';
import {
  actionTitled,
  applyAction,
  diagnosticOn,
  INZULINK_SUBSCRIPTION_KEY,
  inzulinkFiles,
  makeProject,
  open,
  quickFixesAt,
  readText,
  storeUser,
  waitForDiagnostics,
  type StoredUser,
  useStoredUser,
} from './settingsKit';

describe('settings: quick fixes', function () {
  let api: MomoExtensionApi;
  let user: StoredUser;
  const secrets = new Set<string>([INZULINK_SUBSCRIPTION_KEY]);

  useStoredUser(secrets, (readyApi, readyUser) => {
    api = readyApi;
    user = readyUser;
  });

  async function inzulink(name: string): Promise<{ dir: string; editor: vscode.TextEditor; diagnostics: vscode.Diagnostic[] }> {
    const dir = await makeProject(name, inzulinkFiles(), { git: true });
    const editor = await open(`${dir}/inzulink/settings.py`);
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.length >= 5, 'the InzuLink diagnostics');
    return { dir, editor, diagnostics };
  }

  it('offers a preferred fix for each problem, and both ways to fill a placeholder', async () => {
    const { editor, diagnostics } = await inzulink('fix-offers');
    const uri = editor.document.uri;
    const currency = await quickFixesAt(uri, diagnosticOn(diagnostics, 'momo.sandboxCurrency').range);
    assert.strictEqual(actionTitled(currency, 'Use EUR (the only sandbox currency)').isPreferred, true);
    const leak = await quickFixesAt(uri, diagnosticOn(diagnostics, 'momo.hardcodedSecret').range);
    assert.strictEqual(actionTitled(leak, 'Move to .env and read it from the environment').isPreferred, true);
    const loader = await quickFixesAt(uri, diagnosticOn(diagnostics, 'momo.dotenvNotLoaded').range);
    actionTitled(loader, "Load .env with python-dotenv's load_dotenv()");
    const placeholder = await quickFixesAt(uri, diagnosticOn(diagnostics, 'momo.placeholder').range);
    assert.strictEqual(actionTitled(placeholder, 'Fill with stored sandbox credentials').isPreferred, true);
    assert.strictEqual(actionTitled(placeholder, 'Provision a sandbox user and fill').isPreferred, false);
    for (const action of [...currency, ...leak, ...loader, ...placeholder]) {
      assert.strictEqual(action.kind?.value, vscode.CodeActionKind.QuickFix.value);
      assertNoSecret(JSON.stringify(action.command?.arguments ?? []), secrets, `the arguments of "${action.title}"`);
    }
  });

  it('applies a one-file fix as one edit that a single undo takes back', async () => {
    const { editor, diagnostics } = await inzulink('fix-undo');
    const before = editor.document.getText();
    const actions = await quickFixesAt(editor.document.uri, diagnosticOn(diagnostics, 'momo.sandboxCurrency').range);
    const result = await applyAction(actionTitled(actions, 'Use EUR (the only sandbox currency)'));
    assert.strictEqual(result.ok, true, result.reason);
    assert.match(editor.document.getText(), /MOMO_CURRENCY = os\.environ\.get\("MOMO_CURRENCY", "EUR"\)/);
    await waitForDiagnostics(editor.document.uri, (d) => !d.some((x) => x.code === 'momo.sandboxCurrency'), 'the currency warning to go');

    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => editor.document.getText() === before, 5000, 'one undo to restore the file');
  });

  it('moves a committed key to .env in one edit: the read in settings.py, .env created, .env added to .gitignore', async () => {
    const { dir, editor, diagnostics } = await inzulink('fix-move');
    const actions = await quickFixesAt(editor.document.uri, diagnosticOn(diagnostics, 'momo.hardcodedSecret').range);
    const result = await applyAction(actionTitled(actions, 'Move to .env and read it from the environment'));
    assert.strictEqual(result.ok, true, result.reason);
    assert.match(editor.document.getText(), /MOMO_COLLECTION_SUBSCRIPTION_KEY = os\.environ\.get\("MOMO_COLLECTION_SUBSCRIPTION_KEY", ""\)/);
    assert.ok(!editor.document.getText().includes(INZULINK_SUBSCRIPTION_KEY), 'the key is still in settings.py');
    assert.match(String(await readText(`${dir}/.env`)), new RegExp(`^MOMO_COLLECTION_SUBSCRIPTION_KEY=${INZULINK_SUBSCRIPTION_KEY}$`, 'm'));
    assert.match(String(await readText(`${dir}/.gitignore`)), /^\.env$/m);
    assert.strictEqual(editor.document.isDirty, false, 'settings.py had no unsaved changes, so it was saved');
    await waitForDiagnostics(editor.document.uri, (d) => !d.some((x) => x.code === 'momo.hardcodedSecret'), 'the leak warning to go');
    // Out of the file is not out of git history: say so, with the button that gets a new key.
    const history = api.notifier.shown().find((m) => /stays in git history/.test(m.message));
    assert.strictEqual(history?.severity, 'warning');
    assert.match(String(history?.message), /Regenerate it on the developer portal/);
    assert.deepStrictEqual(history?.buttons, ['Open Portal']);
  });

  it('"Fix all in file" moves every committed secret in one edit with one message', async () => {
    const apiKey = 'f0e1d2c3b4a5968778695a4b3c2d1e0f';
    const apiUser = '8d3c1f0a-2b4e-4c6d-9e8f-0a1b2c3d4e5f';
    const settings = [
      'import os',
      'from dotenv import load_dotenv',
      '',
      'load_dotenv()',
      '',
      'MOMO_BASE_URL = "https://sandbox.momodeveloper.mtn.com"',
      `MOMO_SUBSCRIPTION_KEY = "${INZULINK_SUBSCRIPTION_KEY}"`,
      `MOMO_API_USER = "${apiUser}"`,
      `MOMO_API_KEY = "${apiKey}"`,
      '',
    ].join('\n');
    const dir = await makeProject('fix-all', { 'manage.py': '', 'settings.py': settings, '.env': 'DEBUG=1\n', '.gitignore': '.env\n' }, { git: true });
    const editor = await open(`${dir}/settings.py`);
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.filter((x) => x.code === 'momo.hardcodedSecret').length === 3, 'three leaks');
    // Offered beside the API user's own fix (line 8), the middle one of the three.
    const actions = await quickFixesAt(editor.document.uri, diagnosticOn(diagnostics, 'momo.hardcodedSecret', 7).range);
    const shownBefore = api.notifier.shown().length;
    const result = await applyAction<{ ok: boolean; reason?: string; moved: number; left: number }>(actionTitled(actions, 'Fix all in file: move 3 secrets to .env'));
    assert.strictEqual(result.ok, true, result.reason);
    assert.deepStrictEqual([result.moved, result.left], [3, 0]);
    await api.notifier.idle();
    const text = editor.document.getText();
    for (const secret of [INZULINK_SUBSCRIPTION_KEY, apiUser, apiKey]) assert.ok(!text.includes(secret), 'a secret is still in settings.py');
    const dotenv = String(await readText(`${dir}/.env`)).split('\n');
    assert.strictEqual(dotenv[0], 'DEBUG=1');
    for (const line of [`MOMO_SUBSCRIPTION_KEY=${INZULINK_SUBSCRIPTION_KEY}`, `MOMO_API_USER=${apiUser}`, `MOMO_API_KEY=${apiKey}`]) assert.ok(dotenv.includes(line), `.env lacks ${line.split('=')[0]}`);
    const told = api.notifier.shown().slice(shownBefore);
    assert.strictEqual(told.length, 1, told.map((m) => m.message).join(' | '));
    assert.strictEqual(told[0].severity, 'warning');
    assert.match(told[0].message, /^Moved 3 secrets \(MOMO_SUBSCRIPTION_KEY, MOMO_API_USER, MOMO_API_KEY\) from .*settings\.py to \.env;.* they stay in git history/);
    assert.deepStrictEqual(told[0].buttons, ['New API Key', 'Open Portal']);
    assertNoSecret(told[0].message, [INZULINK_SUBSCRIPTION_KEY, apiKey], 'the message');
    await waitForDiagnostics(editor.document.uri, (d) => !d.some((x) => x.code === 'momo.hardcodedSecret'), 'the leak warnings to go');
  });

  it('"New API Key" after a committed key goes to the stored API user that key belongs to, without asking which', async () => {
    const settings = ['import os', '', `MOMO_API_USER = "${user.apiUser}"`, `MOMO_API_KEY = "${user.apiKey}"`, ''].join('\n');
    // A second stored user: without the preselection the command would have to ask which one.
    const other = await storeUser(api);
    secrets.add(other.apiKey);
    try {
      const dir = await makeProject('fix-leaked-user', { 'manage.py': '', 'settings.py': settings, '.gitignore': '.env\n' }, { git: true });
      const editor = await open(`${dir}/settings.py`);
      const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.filter((x) => x.code === 'momo.hardcodedSecret').length === 2, 'two leaks');
      const actions = await quickFixesAt(editor.document.uri, diagnosticOn(diagnostics, 'momo.hardcodedSecret', 3).range);
      api.notifier.answerNext(/stays in git history/, 'New API Key');
      api.notifier.answerNext(/^Generate a new API key for API user/, undefined); // the confirmation names the user; No
      const shownBefore = api.notifier.shown().length;
      const result = await applyAction(actionTitled(actions, 'Move to .env and read it from the environment'));
      assert.strictEqual(result.ok, true, result.reason);
      await api.notifier.idle();
      const told = api.notifier.shown().slice(shownBefore);
      const history = told.find((m) => /stays in git history/.test(m.message));
      assert.match(String(history?.message), /^The API key is out of .*settings\.py now/);
      assert.deepStrictEqual(history?.buttons, ['New API Key']);
      const confirmation = told.find((m) => /^Generate a new API key for API user/.test(m.message));
      assert.ok(confirmation, `no confirmation for the leaked user; shown: ${told.map((m) => m.message).join(' | ')}`);
      assert.ok(confirmation.message.includes(user.apiUser.slice(0, 8)), 'the confirmation names the user whose key leaked');
      assert.strictEqual(confirmation.modal, true);
      for (const m of told) assertNoSecret(m.message, [user.apiKey], 'a message');
      assert.strictEqual(await api.store.getApiKey({ environment: user.environment, product: user.product, apiUser: user.apiUser }), user.apiKey, 'No keeps the key');
    } finally {
      await api.store.removeApiUser(other);
    }
  });

  it('offers the fill on an empty environment read when the project has no .env', async () => {
    const dir = await makeProject('fix-empty-read', { 'manage.py': '', 'app/settings.py': "import os\nMOMO_API_USER = os.environ.get('MOMO_API_USER', '')\nMOMO_API_KEY = os.environ.get('MOMO_API_KEY', '')\n" }, { git: true });
    const editor = await open(`${dir}/app/settings.py`);
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.filter((x) => x.code === 'momo.placeholder').length >= 2, 'a fill offer on each empty read');
    const actions = await quickFixesAt(editor.document.uri, diagnosticOn(diagnostics, 'momo.placeholder', 1).range);
    assert.ok(actions.some((a) => a.title === 'Fill with stored sandbox credentials'), actions.map((a) => a.title).join(', '));
  });

  it('fills the placeholders with the stored sandbox user (reference mode), then adds the .env loader from the message', async () => {
    const { dir, editor, diagnostics } = await inzulink('fix-fill');
    const actions = await quickFixesAt(editor.document.uri, diagnosticOn(diagnostics, 'momo.placeholder').range);
    api.notifier.answerNext(/nothing loads \.env/, 'Add load_dotenv()');
    const result = await applyAction<{ ok: boolean; reason?: string; mode: string; dotenv?: string }>(actionTitled(actions, 'Fill with stored sandbox credentials'));
    assert.strictEqual(result.ok, true, result.reason);
    assert.strictEqual(result.mode, 'reference');
    await api.notifier.idle();
    const text = editor.document.getText();
    assert.match(text, /MOMO_API_USER = os\.environ\.get\("MOMO_API_USER", ""\)/);
    assert.match(text, /MOMO_API_KEY = os\.environ\.get\("MOMO_API_KEY", ""\)/);
    assert.match(text, /^from dotenv import load_dotenv$/m);
    assert.match(text, /^load_dotenv\(\)$/m);
    assertNoSecret(text, [user.apiKey], 'settings.py (reference mode keeps the key in .env)');
    const dotenv = String(await readText(`${dir}/.env`));
    assert.match(dotenv, new RegExp(`^MOMO_API_USER=${user.apiUser}$`, 'm'));
    assert.match(dotenv, new RegExp(`^MOMO_API_KEY=${user.apiKey}$`, 'm'));
    const told = api.notifier.shown().find((m) => /now loads \.env/.test(m.message));
    assert.match(String(told?.message), /pip install python-dotenv/);
    await waitForDiagnostics(editor.document.uri, (d) => !d.some((x) => x.code === 'momo.placeholder' || x.code === 'momo.dotenvNotLoaded'), 'placeholders and loader warning gone');
  });

  async function addLoader(name: string, files: Record<string, string>): Promise<string> {
    const dir = await makeProject(name, { ...inzulinkFiles(), ...files }, { git: true });
    const editor = await open(`${dir}/inzulink/settings.py`);
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.length >= 5, 'the InzuLink diagnostics');
    const actions = await quickFixesAt(editor.document.uri, diagnosticOn(diagnostics, 'momo.dotenvNotLoaded').range);
    const loader = actions.find((a) => /load_dotenv/.test(a.title));
    assert.ok(loader, actions.map((a) => a.title).join(', '));
    const result = await applyAction(loader);
    assert.strictEqual(result.ok, true, result.reason);
    await api.notifier.idle();
    assert.match(editor.document.getText(), /^load_dotenv\(\)$/m);
    return dir;
  }

  it('adds python-dotenv to requirements.txt when it adds load_dotenv(), so Django does not stop at the import', async () => {
    const dir = await addLoader('fix-requirements', { 'requirements.txt': 'Django>=4.2,<5\r\nrequests>=2.31\r\n' });
    assert.strictEqual(await readText(`${dir}/requirements.txt`), 'Django>=4.2,<5\r\nrequests>=2.31\r\npython-dotenv\r\n');
    assert.match(String(api.notifier.shown().at(-1)?.message), /Added python-dotenv to .*requirements\.txt/);
  });

  it('adds python-dotenv to Poetry\'s dependencies, and leaves a file that lists it in another spelling alone', async () => {
    const poetry = '[tool.poetry.dependencies]\npython = "^3.11"\ndjango = "^4.2"\n';
    const dir = await addLoader('fix-poetry', { 'pyproject.toml': poetry });
    assert.strictEqual(await readText(`${dir}/pyproject.toml`), `${poetry}python-dotenv = ">=1.0"\n`);

    const listed = 'Django>=4.2\nPython_Dotenv[cli]==1.0.1\n';
    const other = await addLoader('fix-listed', { 'requirements.txt': listed, 'pyproject.toml': poetry });
    assert.strictEqual(await readText(`${other}/requirements.txt`), listed);
    assert.strictEqual(await readText(`${other}/pyproject.toml`), poetry, 'added to pyproject.toml although requirements.txt lists it');
    assert.match(String(api.notifier.shown().at(-1)?.message), /requirements\.txt already lists python-dotenv/);
  });

  it('offers "Insert MOMO_API_USER and MOMO_API_KEY" for a subscription key alone, and inserts them', async () => {
    const dir = await makeProject('fix-missing-user', { 'settings.py': 'import os\n\nMOMO_SUBSCRIPTION_KEY = os.environ.get("MOMO_SUBSCRIPTION_KEY", "")\n' });
    const editor = await open(`${dir}/settings.py`);
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => x.code === 'momo.missingApiUser'), 'the missing API user');
    const actions = await quickFixesAt(editor.document.uri, diagnosticOn(diagnostics, 'momo.missingApiUser').range);
    actionTitled(actions, 'Provision a sandbox user and insert MOMO_API_USER and MOMO_API_KEY');
    api.notifier.answerNext(/nothing loads \.env/, undefined);
    const result = await applyAction(actionTitled(actions, 'Insert MOMO_API_USER and MOMO_API_KEY with stored sandbox credentials'));
    assert.strictEqual(result.ok, true, result.reason);
    assert.match(editor.document.getText(), new RegExp(`MOMO_API_USER = .*${user.apiUser}`));
    await waitForDiagnostics(editor.document.uri, (d) => !d.some((x) => x.code === 'momo.missingApiUser'), 'the finding to go');
  });

  describe('with the emulator', function () {
    let emulator: RunningEmulator;

    before(async function () {
      if (!emulatorAvailable()) this.skip();
      emulator = await startEmulatorForExtension();
      const key = emulator.subscriptionKeys.disbursement.primary;
      secrets.add(key);
      assert.strictEqual((await run('momo.setSubscriptionKey', { environment: 'sandbox', product: 'disbursement', key, keyType: 'primary' })).ok, true);
    });

    after(async () => stopEmulator(emulator));

    it('provisions a sandbox user and fills the file with it', async () => {
      const settings = 'MOMO_DISBURSEMENT_SUBSCRIPTION_KEY = ""\nMOMO_DISBURSEMENT_API_USER = "<your api user>"\nMOMO_DISBURSEMENT_API_KEY = "<your api key>"\n';
      const dir = await makeProject('fix-provision', { 'settings.py': settings });
      const editor = await open(`${dir}/settings.py`);
      const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.filter((x) => x.code === 'momo.placeholder').length >= 2, 'placeholders');
      const placeholder = diagnostics.find((d) => d.code === 'momo.placeholder' && editor.document.lineAt(d.range.start.line).text.includes('API_USER'));
      assert.ok(placeholder);
      const actions = await quickFixesAt(editor.document.uri, placeholder.range);
      // No disbursement user is stored: provisioning is the preferred fix.
      assert.strictEqual(actionTitled(actions, 'Provision a sandbox user and fill').isPreferred, true);
      const usersBefore = emulator.apiUserCount();
      const result = await applyAction<{ ok: boolean; reason?: string; mode: string }>(actionTitled(actions, 'Provision a sandbox user and fill'));
      assert.strictEqual(result.ok, true, result.reason);
      assert.strictEqual(result.mode, 'value', 'no git here: the file is not tracked, so the values go into it');
      assert.strictEqual(emulator.apiUserCount(), usersBefore + 1);
      const created = api.store.index().apiUsers.find((u) => u.product === 'disbursement');
      assert.ok(created, 'the provisioned user was not stored');
      const apiKey = String(await api.store.getApiKey(created));
      secrets.add(apiKey);
      assert.match(editor.document.getText(), new RegExp(`MOMO_DISBURSEMENT_API_USER = "${created.apiUser}"`));
      assert.match(editor.document.getText(), new RegExp(`MOMO_DISBURSEMENT_API_KEY = "${apiKey}"`));
    });
  });

  it('never put a secret into the log or a message', async () => {
    await api.notifier.idle();
    assertNoSecret(everythingShown(api), secrets, 'the MoMo log or a message');
  });
});
