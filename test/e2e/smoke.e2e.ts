import * as assert from 'assert';
import { E2EContext, runCommand, screenshot } from './harness';

export const title = 'smoke: MoMo: Show Log opens the MoMo output channel';

export async function run({ page, log }: E2EContext): Promise<void> {
  await runCommand(page, 'MoMo: Show Log');

  const panel = page.locator('.part.panel');
  await panel.locator('.composite.title', { hasText: /output/i }).waitFor({ state: 'visible' });
  const channel = panel.locator('select.monaco-select-box');
  await channel.waitFor({ state: 'attached' });
  const selected = await channel.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '');
  assert.strictEqual(selected.trim(), 'MoMo', `the Output panel shows "${selected}", not the MoMo channel`);

  log(`screenshot: ${await screenshot(page, 'show-log')}`);
}
