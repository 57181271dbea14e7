// A person rehearses MoMo's callback to their running Django app: "MoMo: Test My Callback" from
// the palette proposes the URL from the project's urls.py, the app (started by this module)
// answers with Django's CSRF 403 page, and the report says why and what to change (the view's
// file and line). Then the app answers 200 and the same command, with the remembered URL, shows
// the callback delivered.
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { djangoApp } from '../unit/callbacks/appAnswers';
import { answer, startTestApp, type AppHandler } from '../unit/callbacks/appServer';
import { dismissToasts, E2EContext, reportFrame, runCommand, screenshot, skip, typeIntoQuickInput } from './harness';

export const title = 'callbacks: Test My Callback explains a Django CSRF 403, then shows a 200 delivered';

const QUICK_INPUT_BOX = '.quick-input-widget .quick-input-box input';

export async function run(ctx: E2EContext): Promise<void> {
  const { page, log, emulator } = ctx;
  if (!emulator) skip('the MoMo emulator is not built yet');
  fs.mkdirSync(path.join(ctx.workspace, 'payments'), { recursive: true });
  fs.writeFileSync(
    path.join(ctx.workspace, 'payments', 'urls.py'),
    'from django.urls import path\nfrom . import views\n\nurlpatterns = [\n    path("momo/callback/", views.momo_callback, name="momo_callback"),\n]\n',
  );
  fs.writeFileSync(
    path.join(ctx.workspace, 'payments', 'views.py'),
    'import json\n\nfrom django.http import HttpResponse\n\n\ndef momo_callback(request):\n    payment = json.loads(request.body)\n    return HttpResponse(status=204)\n',
  );
  let handler: AppHandler = djangoApp;
  const app = await startTestApp((req, res) => handler(req, res));
  const url = `${app.origin}/momo/callback/`;
  try {
    await runCommand(page, 'MoMo: Test My Callback');
    const proposed = await inputValue(page);
    if (proposed !== 'http://localhost:8000/momo/callback/') throw new Error(`proposed ${proposed}, not the route of payments/urls.py`);
    log(`proposed from payments/urls.py: ${proposed}`);
    await typeIntoQuickInput(page, url);
    const report = reportFrame(page);
    await report.getByRole('heading', { name: 'MoMo: Test My Callback' }).waitFor({ timeout: 60_000 });
    await report.getByText("Django's CSRF check refused the callback").waitFor({ timeout: 30_000 });
    await report.getByText(/Next: Add @csrf_exempt .*payments\/views\.py:6/).waitFor();
    await report.getByRole('button', { name: 'Open payments/views.py:6' }).waitFor();
    await dismissToasts(page);
    log(`screenshot: ${await screenshot(page, 'momo-callback-csrf')}`);
    if (app.received.length !== 1 || app.received[0].method !== 'PUT') throw new Error(`the app got ${app.received.map((r) => r.method).join(', ')}`);

    handler = answer(200, 'recorded');
    await runCommand(page, 'MoMo: Test My Callback');
    const remembered = await inputValue(page);
    if (remembered !== url) throw new Error(`the input offered ${remembered}, not the URL used last time`);
    await typeIntoQuickInput(page, remembered);
    await report.getByText('MoMo counts the callback as delivered').waitFor({ timeout: 30_000 });
    await dismissToasts(page);
    log(`screenshot: ${await screenshot(page, 'momo-callback-ok')}`);
  } finally {
    await app.close();
  }
}

/** The URL box's value, once the command has read the project and filled it. */
async function inputValue(page: Page): Promise<string> {
  const input = page.locator(QUICK_INPUT_BOX);
  await input.waitFor({ state: 'visible', timeout: 30_000 });
  for (let waited = 0; waited < 30_000; waited += 200) {
    const value = await input.inputValue();
    if (value !== '') return value;
    await page.waitForTimeout(200);
  }
  throw new Error('the callback URL box stayed empty');
}
