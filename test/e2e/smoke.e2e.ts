import * as path from 'path';
import { E2EContext, runCommand, screenshot, waitForOutputChannel } from './harness';

export const title = 'smoke: "MoMo: Show Log" shows the MoMo output channel';

export async function run({ page, log }: E2EContext): Promise<void> {
  await runCommand(page, 'MoMo: Show Log');
  await waitForOutputChannel(page, 'MoMo');
  log(`screenshot: ${path.relative(process.cwd(), await screenshot(page, 'show-log'))}`);
}
