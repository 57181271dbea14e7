// A person checks their setup: stores a key and provisions a sandbox user from the palette, runs
// "MoMo: Diagnose MoMo Setup" and reads the report (a webview with a fix button per finding),
// clicks two of its fixes (add a .env file to .gitignore, open the settings file), verifies the
// API user, then sends a test payment and sees its result. Everything stored is forgotten again
// at the end, so later modules start from an empty store.
import { randomBytes, randomUUID } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'playwright-core';
import { dismissToasts, E2EContext, forgetEverything, openMomoView, pickQuickItem, reportFrame, runCommand, screenshot, skip, typeIntoQuickInput, waitForText } from './harness';

export const title = 'doctor: the report view with its fixes, and a completed sandbox test payment';

export async function run(ctx: E2EContext): Promise<void> {
  const { page, log, emulator } = ctx;
  if (!emulator) skip('the MoMo emulator is not built yet');
  const subscriptionKey = emulator.subscriptionKeys.collection.primary;
  try {
    await storeCredentials(page, subscriptionKey);
    // A dotenv file with an API key that git does not ignore: the report must flag it and fix it.
    const apiKey = randomBytes(16).toString('hex');
    fs.writeFileSync(path.join(ctx.workspace, '.env.production'), `MOMO_API_USER=${randomUUID()}\nMOMO_API_KEY=${apiKey}\n`);

    await runCommand(page, 'MoMo: Diagnose MoMo Setup');
    const report = reportFrame(page);
    await report.getByRole('heading', { name: 'MoMo doctor: Sandbox (EUR)' }).waitFor({ timeout: 60_000 });
    await report.getByText('The API user and its API key get an access token for Collections.').waitFor();
    await report.getByRole('heading', { name: 'Workspace' }).waitFor();
    await dismissToasts(page);
    log(`screenshot: ${await screenshot(page, 'momo-doctor-report')}`);
    const reportText = await report.locator('body').innerText();
    if (reportText.includes(apiKey)) throw new Error('the report shows the API key found in .env.production');

    // Fix buttons do what they say: this one adds the file to .gitignore, beside its finding.
    const gitignoreFix = report.getByRole('button', { name: 'Add .env.production to .gitignore' });
    await gitignoreFix.scrollIntoViewIfNeeded();
    await report.getByText('Git does not ignore this file').first().waitFor();
    log(`screenshot: ${await screenshot(page, 'momo-doctor-report-fix')}`);
    await gitignoreFix.click();
    await waitForText(page, 'Applied "Add .env.production to .gitignore"', 15_000);
    const gitignore = fs.readFileSync(path.join(ctx.workspace, '.gitignore'), 'utf8');
    if (!/^\.env\.production$/m.test(gitignore)) throw new Error(`.gitignore was not fixed:\n${gitignore}`);
    log('the report\'s "Add .env.production to .gitignore" button added the line to .gitignore');

    // And this one opens the settings file beside the report.
    await report.getByRole('button', { name: 'Open mysite/settings.py' }).first().click();
    await page.locator('.tabs-container .tab', { hasText: 'settings.py' }).first().waitFor({ timeout: 15_000 });
    log('the report\'s "Open mysite/settings.py" button opened the file');

    // Verify from the palette, with the MoMo view open to show the result in the tree.
    await runCommand(page, 'View: Close All Editors');
    await openMomoView(page);
    await runCommand(page, 'MoMo: Verify API User');
    await waitForText(page, 'works: ✓ user exists', 30_000);
    await waitForText(page, 'verified just now');

    await runCommand(page, 'MoMo: Send Test Payment');
    await pickQuickItem(page, 'Collections');
    await pickQuickItem(page, 'Success');
    await typeIntoQuickInput(page, '5');
    await typeIntoQuickInput(page, ''); // no callback URL
    await waitForText(page, 'is SUCCESSFUL after', 30_000);
    await page.locator('.notification-toast', { hasText: 'Test Collections request to pay' }).waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
    log(`screenshot: ${await screenshot(page, 'momo-test-payment')}`);

    const pageText = await page.locator('body').innerText();
    if (pageText.includes(subscriptionKey) || reportText.includes(subscriptionKey)) {
      throw new Error('the subscription key is visible in the window or the report');
    }
    log('the subscription key appears nowhere in the window or the report');
  } finally {
    await forgetEverything(page);
  }
}

/** Set Subscription Key and Provision Sandbox API User from the palette, as in the walkthrough. */
async function storeCredentials(page: Page, subscriptionKey: string): Promise<void> {
  await runCommand(page, 'MoMo: Set Subscription Key');
  await pickQuickItem(page, 'Sandbox');
  await pickQuickItem(page, 'Collections');
  await pickQuickItem(page, 'Primary key');
  await typeIntoQuickInput(page, subscriptionKey);
  await waitForText(page, 'Stored the primary Collections subscription key');

  await runCommand(page, 'MoMo: Provision Sandbox API User');
  await pickQuickItem(page, 'Collections');
  await typeIntoQuickInput(page, 'webhook.example.com');
  await waitForText(page, 'Created sandbox API user', 30_000);
}

