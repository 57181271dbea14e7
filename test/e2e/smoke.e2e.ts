import * as path from 'path';
import { E2EContext, runCommand, screenshot, waitForOutputChannel } from './harness';

export const title = 'smoke: "MoMo: Show Log" shows the MoMo output channel';

export async function run({ page, log }: E2EContext): Promise<void> {
  await runCommand(page, 'MoMo: Show Log');
  // The first command of a new window starts the extension host's work for this extension
  // (activation, then the lazily loaded commands): on a loaded CI machine that alone took > 15 s.
  await waitForOutputChannel(page, 'MoMo', 45_000);
  log(`screenshot: ${path.relative(process.cwd(), await screenshot(page, 'show-log'))}`);
}
