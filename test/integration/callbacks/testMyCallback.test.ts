// momo.testMyCallback in a real VS Code: a test app started by the test (a Django-style app on
// 127.0.0.1) and its views in the workspace; the report shows what the app answered and the fix.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { MomoExtensionApi } from '../../../src/extension';
import type { RunningEmulator } from '../../../src/emulator/types';
import { djangoApp } from '../../unit/callbacks/appAnswers';
import { answer, startTestApp, type TestApp } from '../../unit/callbacks/appServer';
import { assertNoSecret, provisionStoredUser, run, useExtensionWithEmulator } from '../extension/testKit';
import { workspaceUri, writeWorkspaceFile } from '../harness';

interface CallbackRun {
  delivered: boolean;
  status: number | null;
  method: string;
  emulator: string;
  explanation: { verdict: string; cause: string; next: string; location?: { file: string; line: number } };
  report: { findings: Array<{ check: string; severity: string; fixes?: Array<{ id: string; label: string }> }> };
  html?: string;
}

const URLS_PY = `from django.urls import path
from . import views

urlpatterns = [
    path("momo/callback/", views.momo_callback, name="momo_callback"),
]
`;
const VIEWS_PY = `import json

from django.http import HttpResponse


def momo_callback(request):
    payment = json.loads(request.body)
    return HttpResponse(status=204)
`;

describe('callbacks: momo.testMyCallback', function () {
  this.timeout(60_000);
  let api: MomoExtensionApi;
  let emulator: RunningEmulator;
  let apiUser: string;
  let app: TestApp | undefined;
  const secrets = new Set<string>();

  useExtensionWithEmulator(async (readyApi, readyEmulator) => {
    api = readyApi;
    emulator = readyEmulator;
    apiUser = await provisionStoredUser(api, emulator, 'collection', '127.0.0.1', secrets);
    await writeWorkspaceFile('payments/urls.py', URLS_PY);
    await writeWorkspaceFile('payments/views.py', VIEWS_PY);
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceUri('payments'), { recursive: true }).then(undefined, () => undefined);
  });

  it("explains Django's CSRF 403 with @csrf_exempt and the view's file and line, and opens the view", async () => {
    app = await startTestApp(djangoApp);
    const result = await run<CallbackRun>('momo.testMyCallback', { apiUser, url: `${app.origin}/momo/callback/` });
    assert.strictEqual(result.ok, true, result.reason);
    assert.deepStrictEqual([result.delivered, result.status, result.method, result.emulator], [false, 403, 'PUT', 'running']);
    assert.strictEqual(result.explanation.verdict, 'djangoCsrf');
    assert.deepStrictEqual(result.explanation.location, { file: 'payments/views.py', line: 6, csrfExempt: false });
    assert.match(String(result.html), /Django&#39;s CSRF check refused the callback/);
    assert.match(String(result.html), /Next: Add @csrf_exempt .* to the callback view \(payments\/views\.py:6\)/);
    assert.match(String(result.html), /Open payments\/views\.py:6/);
    assert.strictEqual(app.received[0].method, 'PUT');
    assert.strictEqual(emulator.callbackAttempts().filter((a) => a.status === 403).length, 1, 'delivered by the configured emulator');

    const viewIndex = result.report.findings.findIndex((f) => f.check === 'callback.view');
    const opened = await run('momo.applyDoctorFix', { finding: viewIndex, fix: 0 });
    assert.strictEqual(opened.ok, true, opened.reason);
    const editor = vscode.window.activeTextEditor;
    assert.match(String(editor?.document.uri.path), /payments\/views\.py$/);
    assert.strictEqual(editor?.selection.active.line, 5);
    assertNoSecret(JSON.stringify(result), secrets, "the command result");
  });

  it('shows a 200 as delivered', async () => {
    app = await startTestApp(answer(200, 'ok'));
    const result = await run<CallbackRun>('momo.testMyCallback', { apiUser, url: `${app.origin}/momo/callback/`, outcome: 'failed' });
    assert.deepStrictEqual([result.ok, result.delivered, result.status], [true, true, 200]);
    assert.strictEqual(result.report.findings.find((f) => f.check === 'callback.answer')?.severity, 'ok');
    assert.strictEqual((JSON.parse(app.received[0].body) as { status: string }).status, 'FAILED');
  });

  it("refuses a URL off the API user's callback host without sending anything", async () => {
    const before = emulator.callbackAttempts().length;
    const result = await run<CallbackRun>('momo.testMyCallback', { apiUser, url: 'http://localhost:8000/momo/callback/', show: false });
    assert.strictEqual(result.explanation.verdict, 'hostMismatch');
    assert.match(result.explanation.next, /Create an API user whose callback host is localhost/);
    assert.strictEqual(emulator.callbackAttempts().length, before);
  });

  it('the doctor offers it for a confirmed sandbox API user, and Send Test Payment can call the app too', async () => {
    const doctor = await run<{ report: CallbackRun['report'] }>('momo.diagnoseSetup', { environment: 'sandbox', show: false, workspace: false });
    const exists = doctor.report.findings.find((f) => f.check === 'apiUser.exists');
    assert.ok(exists?.fixes?.some((f) => f.id === 'testMyCallback'), JSON.stringify(exists));

    app = await startTestApp(answer(204));
    const paid = await run<{ callback?: CallbackRun }>('momo.sendTestPayment', {
      apiUser,
      product: 'collection',
      outcome: 'success',
      amount: '2',
      callbackUrl: `${app.origin}/momo/callback/`,
      callMyApp: true,
    });
    assert.strictEqual(paid.ok, true, paid.reason);
    assert.strictEqual(paid.callback?.status, 204);
    assert.strictEqual(paid.callback?.delivered, true);
  });
});
