// momo.diagnoseSetup and momo.explainError driven with arguments: the report's findings in
// order, its view, fixes applied from it (base URL, .gitignore, open file), a pasted error
// explained, and no secret anywhere in the report text, the view or the messages.
import * as assert from 'assert';
import { randomBytes, randomUUID } from 'crypto';
import * as vscode from 'vscode';
import type { DoctorFinding, DoctorReport } from '../../../src/core/doctor';
import type { MomoExtensionApi } from '../../../src/extension';
import type { RunningEmulator } from '../../../src/emulator/types';
import { emulatorAvailable, workspaceUri, writeWorkspaceFile } from '../harness';
import { assertNoSecret, everythingShown, momoApi, resetExtension, run, runWithRawArgument, startEmulatorForExtension, stopEmulator } from '../extension/testKit';

const SANDBOX_COLLECTION = { environment: 'sandbox', product: 'collection' } as const;
const INVALID_KEY_ERROR =
  '401 {"statusCode": 401, "message": "Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription."}';

interface DiagnoseResult {
  healthy: boolean;
  cancelled: boolean;
  environment: string;
  report: DoctorReport;
  markdown: string;
  html?: string;
}

function only(report: DoctorReport, check: string, subject?: RegExp): DoctorFinding {
  const found = report.findings.filter((f) => f.check === check && (!subject || subject.test(f.subject ?? '')));
  assert.strictEqual(found.length, 1, `expected one "${check}" finding${subject ? ` for ${subject}` : ''}, got ${found.length}: ${listFindings(report)}`);
  return found[0] as DoctorFinding;
}

function listFindings(report: DoctorReport): string {
  return report.findings.map((f) => `\n  ${f.severity} ${f.check} ${f.subject ?? ''}: ${f.message}`).join('');
}

async function readWorkspaceText(relPath: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(relPath)));
}

describe('doctor: momo.diagnoseSetup and momo.explainError', function () {
  let api: MomoExtensionApi;
  let emulator: RunningEmulator;
  let apiUser: string;
  let gitignoreBefore: string;
  const secrets = new Set<string>();

  before(async function () {
    if (!emulatorAvailable()) this.skip();
    api = await momoApi();
    emulator = await startEmulatorForExtension();
    await resetExtension(api);
    gitignoreBefore = await readWorkspaceText('.gitignore');
    const primary = emulator.subscriptionKeys.collection.primary;
    // A Disbursements key stored as the Collections secondary: the doctor must name its product.
    const wrongProduct = emulator.subscriptionKeys.disbursement.primary;
    secrets.add(primary).add(wrongProduct);
    await run('momo.setSubscriptionKey', { ...SANDBOX_COLLECTION, key: primary, keyType: 'primary' });
    await run('momo.setSubscriptionKey', { ...SANDBOX_COLLECTION, key: wrongProduct, keyType: 'secondary' });
    const provisioned = await run<{ apiUser: string }>('momo.provisionSandboxUser', { product: 'collection', subscriptionKeyType: 'primary' });
    assert.strictEqual(provisioned.ok, true, provisioned.reason);
    apiUser = provisioned.apiUser;
    secrets.add(String(await api.store.getApiKey({ ...SANDBOX_COLLECTION, apiUser })));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (gitignoreBefore !== undefined) await writeWorkspaceFile('.gitignore', gitignoreBefore);
    await vscode.workspace.fs.delete(workspaceUri('.env.local')).then(undefined, () => undefined);
    if (api) await resetExtension(api);
    await stopEmulator(emulator);
  });

  it('checks base URL, each key, each API user, target environment and the workspace, in that order', async () => {
    const result = await run<DiagnoseResult>('momo.diagnoseSetup', { environment: 'sandbox' });
    assert.strictEqual(result.ok, true, result.reason);
    const { report } = result;
    assert.strictEqual(result.environment, 'sandbox');
    assert.strictEqual(result.cancelled, false);

    const order = [...new Set(report.findings.map((f) => f.check.split('.')[0]))];
    assert.deepStrictEqual(order, ['baseUrl', 'subscriptionKey', 'apiUser', 'apiKey', 'targetEnvironment', 'currency', 'workspace'].filter((s) => order.includes(s)));
    assert.strictEqual(order[0], 'baseUrl');

    assert.strictEqual(only(report, 'baseUrl').severity, 'info'); // the emulator is a local address
    assert.strictEqual(only(report, 'subscriptionKey.gateway', /primary/).severity, 'ok');
    const wrongKey = only(report, 'subscriptionKey.gateway', /secondary/);
    assert.strictEqual(wrongKey.severity, 'error');
    assert.match(wrongKey.message, /Disbursements subscription key, not a Collections one/);
    assert.strictEqual(wrongKey.fixes?.[0]?.id, 'reenterSubscriptionKey');
    assert.strictEqual(only(report, 'apiUser.exists').severity, 'ok');
    assert.strictEqual(only(report, 'apiUser.token').severity, 'ok');
    assert.strictEqual(only(report, 'targetEnvironment.balance').severity, 'ok');
    assert.ok(report.findings.some((f) => f.check === 'workspace.files' && f.subject === 'mysite/settings.py'), listFindings(report));
    assert.ok(report.findings.some((f) => f.check.startsWith('workspace.') && f.subject?.startsWith('mysite/settings.py:')), listFindings(report));
    assert.strictEqual(result.healthy, false);
    assert.strictEqual(report.ok, false);
    assert.strictEqual(report.counts.error, report.findings.filter((f) => f.severity === 'error').length);

    // The view: one button per fix VS Code can do, and the summary line.
    assert.match(String(result.html), /Content-Security-Policy/);
    assert.match(String(result.html), /data-finding="\d+" data-fix="0"/);
    assert.match(String(result.html), new RegExp(`${report.counts.error} errors?, `));
    assert.match(result.markdown, /## Subscription keys/);
    const shown = api.notifier.shown().at(-1);
    const problems = report.counts.error === 1 ? '1 problem' : `${report.counts.error} problems`;
    assert.match(String(shown?.message), new RegExp(`The MoMo doctor found ${problems} in the Sandbox \\(EUR\\) setup`));
  });

  it('keeps every secret out of the report, its Markdown, its view and the messages', async () => {
    const result = await run<DiagnoseResult>('momo.diagnoseSetup', { environment: 'sandbox' });
    assertNoSecret(result.markdown, secrets, 'the report Markdown');
    assertNoSecret(String(result.html), secrets, 'the report view');
    assertNoSecret(JSON.stringify(result.report), secrets, 'the report object');
    await api.notifier.idle();
    assertNoSecret(everythingShown(api), secrets, 'the MoMo log or a message');
  });

  it('explains a pasted error at the top of the report', async () => {
    const result = await run<DiagnoseResult>('momo.diagnoseSetup', { environment: 'sandbox', text: INVALID_KEY_ERROR, workspace: false, show: false });
    const first = result.report.findings[0];
    assert.strictEqual(first?.check, 'explain');
    assert.strictEqual(first?.severity, 'info');
    assert.match(String(first?.message), /subscription key/i);
    assert.strictEqual(result.html, undefined);
    assert.ok(!result.report.findings.some((f) => f.check.startsWith('workspace.')));
  });

  it('adds an unignored .env file to .gitignore from the report, and refuses a fix planned on stale text', async () => {
    const secret = randomBytes(16).toString('hex');
    secrets.add(secret);
    await writeWorkspaceFile('.env.local', `MOMO_API_USER=${randomUUID()}\nMOMO_API_KEY=${secret}\n`);
    let result = await run<DiagnoseResult>('momo.diagnoseSetup', { environment: 'sandbox' });
    const index = result.report.findings.findIndex((f) => f.check === 'workspace.dotenvIgnored' && f.subject === '.env.local');
    const finding = result.report.findings[index];
    assert.strictEqual(finding?.severity, 'error', listFindings(result.report));
    const fixIndex = finding.fixes?.findIndex((f) => f.id === 'addToGitignore') ?? -1;
    assert.ok(fixIndex >= 0);
    assertNoSecret(JSON.stringify(result.report), [secret], 'the report object');

    // The file changes after the report: the fix must not guess where its edit goes now.
    await writeWorkspaceFile('.gitignore', `${gitignoreBefore}# changed meanwhile\n`);
    const stale = await run('momo.applyDoctorFix', { finding: index, fix: fixIndex });
    assert.strictEqual(stale.ok, false);
    assert.match(String(api.notifier.shown().at(-1)?.message), /changed since the report/);
    assert.deepStrictEqual(api.notifier.shown().at(-1)?.buttons, ['Run Doctor Again']);

    result = await run<DiagnoseResult>('momo.diagnoseSetup', { environment: 'sandbox' });
    const fresh = result.report.findings.findIndex((f) => f.check === 'workspace.dotenvIgnored' && f.subject === '.env.local');
    const applied = await run('momo.applyDoctorFix', { finding: fresh, fix: fixIndex });
    assert.strictEqual(applied.ok, true, applied.reason);
    assert.match(await readWorkspaceText('.gitignore'), /^\.env\.local$/m);

    result = await run<DiagnoseResult>('momo.diagnoseSetup', { environment: 'sandbox' });
    assert.strictEqual(only(result.report, 'workspace.dotenvIgnored', /^\.env\.local$/).severity, 'ok');
    await vscode.workspace.fs.delete(workspaceUri('.env.local'));
    await writeWorkspaceFile('.gitignore', gitignoreBefore);
  });

  it('reads nested .gitignore files when git cannot be asked', async () => {
    const secret = randomBytes(16).toString('hex');
    secrets.add(secret);
    await writeWorkspaceFile('shop/.gitignore', '.env\n');
    await writeWorkspaceFile('shop/.env', `MOMO_API_USER=${randomUUID()}\nMOMO_API_KEY=${secret}\n`);
    await writeWorkspaceFile('other/.env', `MOMO_API_USER=${randomUUID()}\nMOMO_API_KEY=${secret}\n`);
    try {
      const result = await run<DiagnoseResult>('momo.diagnoseSetup', { environment: 'sandbox', show: false });
      assert.strictEqual(only(result.report, 'workspace.dotenvIgnored', /^shop\/\.env$/).severity, 'ok');
      // The root .gitignore's ".env" matches a .env file in any folder, as in git.
      assert.strictEqual(only(result.report, 'workspace.dotenvIgnored', /^other\/\.env$/).severity, 'ok');
      assertNoSecret(result.markdown, [secret], 'the report Markdown');
    } finally {
      await vscode.workspace.fs.delete(workspaceUri('shop'), { recursive: true });
      await vscode.workspace.fs.delete(workspaceUri('other'), { recursive: true });
    }
  });

  it('opens the settings file at a finding', async () => {
    const result = await run<DiagnoseResult>('momo.diagnoseSetup', { environment: 'sandbox' });
    const index = result.report.findings.findIndex((f) => f.check === 'workspace.files' && f.subject === 'mysite/settings.py');
    const fixIndex = result.report.findings[index]?.fixes?.findIndex((f) => f.id === 'openFile') ?? -1;
    const opened = await run('momo.applyDoctorFix', { finding: index, fix: fixIndex });
    assert.strictEqual(opened.ok, true, opened.reason);
    assert.match(String(vscode.window.activeTextEditor?.document.uri.path), /mysite\/settings\.py$/);
  });

  it('names a portal page used as the base URL and sets the API URL as its fix', async () => {
    const config = vscode.workspace.getConfiguration('momo');
    await config.update('sandbox.baseUrl', 'https://momodeveloper.mtn.com', vscode.ConfigurationTarget.Global);
    try {
      const requestsBefore = emulator.requests.length;
      const result = await run<DiagnoseResult>('momo.diagnoseSetup', { environment: 'sandbox', workspace: false, show: false });
      const index = result.report.findings.findIndex((f) => f.check === 'baseUrl');
      const finding = result.report.findings[index];
      assert.strictEqual(finding?.severity, 'error');
      assert.match(finding.message, /portal/i);
      assert.deepStrictEqual(finding.fixes?.[0], { id: 'useBaseUrl', label: 'Use https://sandbox.momodeveloper.mtn.com', args: { baseUrl: 'https://sandbox.momodeveloper.mtn.com' } });
      assert.strictEqual(emulator.requests.length, requestsBefore, 'a portal page is not called');
      const applied = await run('momo.applyDoctorFix', { finding: index, fix: 0 });
      assert.strictEqual(applied.ok, true, applied.reason);
      assert.strictEqual(vscode.workspace.getConfiguration('momo').get('sandbox.baseUrl'), 'https://sandbox.momodeveloper.mtn.com');
    } finally {
      await config.update('sandbox.baseUrl', emulator.url, vscode.ConfigurationTarget.Global);
    }
  });

  it('momo.explainError explains pasted text with its fixes as buttons, without UI when given {text}', async () => {
    const result = await run<{ recognised: boolean; finding: DoctorFinding }>('momo.explainError', { text: INVALID_KEY_ERROR });
    assert.strictEqual(result.ok, true);
    assert.strictEqual(result.recognised, true);
    assert.strictEqual(result.finding.check, 'explain');
    assert.ok((result.finding.causes ?? []).length > 0);
    // An explained 401 is shown as the error it is, not as a passing note.
    assert.strictEqual(result.finding.severity, 'error');
    const shown = api.notifier.shown().at(-1);
    assert.strictEqual(shown?.severity, 'error');
    assert.match(String(shown?.message), /subscription key/i);
    assert.match(String(shown?.message), /Most likely:/);
    assert.strictEqual(shown?.buttons.at(-1), 'Details');
    assert.ok((shown?.buttons.length ?? 0) >= 2, shown?.buttons.join(', '));

    const plain = await runWithRawArgument<{ recognised: boolean }>('momo.explainError', 'it just did not work');
    assert.strictEqual(plain.recognised, false);
    assert.strictEqual(api.notifier.shown().at(-1)?.severity, 'warning');
  });

  it('never repeats a key found in pasted text', async () => {
    const pastedKey = randomBytes(16).toString('hex');
    secrets.add(pastedKey);
    const text = `curl -H "Ocp-Apim-Subscription-Key: ${pastedKey}" → ${INVALID_KEY_ERROR}`;
    const result = await run<{ finding: DoctorFinding }>('momo.explainError', { text });
    assertNoSecret(JSON.stringify(result.finding), [pastedKey], 'the explanation');
    api.notifier.answerNext(/subscription key/i, 'Details');
    await run('momo.explainError', { text });
    await api.notifier.idle();
    assertNoSecret(everythingShown(api), secrets, 'the MoMo log or a message');
  });
});
