// The extension in French, as a French-speaking developer sees it: a profile whose display
// language is French (the fixture language pack; the workbench itself stays English) opens the
// walkthrough, whose titles and step markdown are the French ones, then runs the doctor from
// the palette under its French title and reads the report in French. Screenshots of both.
import { E2EContext, reportFrame, runCommand, screenshot, skip, waitForText } from './harness';

export const title = 'in French: the walkthrough and the doctor report';

export const freshProfile = { locale: 'fr' };

export async function run(ctx: E2EContext): Promise<void> {
  const { page, log } = ctx;
  if (!ctx.emulator) skip('the MoMo emulator is not built yet');

  await runCommand(page, 'Welcome: Open Walkthrough...');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Bien démarrer avec les identifiants MoMo' }).first().click();
  await waitForText(page, 'Bien démarrer avec les identifiants MoMo', 30_000);
  await waitForText(page, "Enregistrer votre clé d'abonnement");
  // The step's Markdown media renders in a webview whose text the page cannot wait on: give it a moment.
  await page.waitForTimeout(3000);
  log(`screenshot: ${await screenshot(page, 'fr-walkthrough')}`);

  await runCommand(page, 'View: Close All Editors');
  await runCommand(page, 'MoMo: Diagnostiquer la configuration MoMo');
  const report = reportFrame(page);
  await report.getByRole('heading', { name: 'Diagnostic MoMo : Sandbox (EUR)' }).waitFor({ timeout: 60_000 });
  await report.getByRole('heading', { name: 'Espace de travail' }).waitFor();
  // A workspace finding made by core, in French: the fixture's settings.py holds MoMo settings.
  await report.getByText('Contient des réglages MoMo').first().waitFor();
  log(`screenshot: ${await screenshot(page, 'fr-doctor-report')}`);
  const text = await report.locator('body').innerText();
  if (/Holds MoMo settings|Workspace\b/.test(text)) throw new Error(`English left in the French report:\n${text.slice(0, 2000)}`);
}
