import * as path from 'path';
import { E2EContext, screenshot, showOutputChannelByCommand } from './harness';

export const title = 'smoke: "MoMo: Show Log" shows the MoMo output channel';

export async function run({ page, log }: E2EContext): Promise<void> {
  // The first command of a new window starts the extension host's work for this extension
  // (activation, then the lazily loaded commands): on a loaded CI machine that alone took > 15 s.
  const runs = await showOutputChannelByCommand(page, 'MoMo: Show Log', 'MoMo');
  // One run should do (Show Log reveals again once the window lists the channel): say so when not.
  if (runs > 1) log(`MISS: the first run showed nothing; the Output panel showed MoMo after ${runs} runs of the command`);
  log(`screenshot: ${path.relative(process.cwd(), await screenshot(page, 'show-log'))}`);
}
