// The same mocha suite as run-code-server-tests, in a desktop VS Code through @vscode/test-electron:
// for machines that have one (VSCODE_EXECUTABLE_PATH) or can download one (VSCODE_VERSION,
// default "stable"). These build machines can do neither; there the code-server runner is the proof.
// Usage: node out/test/runners/run-electron-tests.js   (after `npm run build`)
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { onCleanup, runMain } from './lifecycle';
import { REPO_ROOT } from './paths';
import { Counts, formatCounts, parseSummaryLine } from './protocol';
import { BASE_SETTINGS, composeSettings, createTestEnvironment, fixtureSettings } from './test-environment';

async function main(): Promise<number> {
  const env = createTestEnvironment(composeSettings(BASE_SETTINGS, fixtureSettings()));
  onCleanup(() => env.dispose());
  const counts = watchStdoutForSummary();
  let code: number;
  try {
    code = await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH || undefined,
      version: process.env.VSCODE_VERSION || undefined,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js'),
      launchArgs: [
        env.workspace,
        `--user-data-dir=${env.userDataDir}`,
        `--extensions-dir=${env.extensionsDir}`,
      ], // test-electron adds --disable-workspace-trust, --skip-welcome and friends itself
    });
  } catch (err) {
    console.error(`ERROR: ${(err as Error).message}`);
    code = 1;
  }
  const result = counts() ?? { passed: 0, failed: 1, skipped: 0 };
  console.log(formatCounts('integration', result));
  return code;
}

/** The extension host's console reaches our stdout through test-electron: spot the summary there. */
function watchStdoutForSummary(): () => Counts | undefined {
  let counts: Counts | undefined;
  const write = process.stdout.write.bind(process.stdout) as (chunk: unknown, ...rest: unknown[]) => boolean;
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) => {
    for (const line of String(chunk).split('\n')) counts = parseSummaryLine(line) ?? counts;
    return write(chunk, ...rest);
  }) as typeof process.stdout.write;
  return () => counts;
}

runMain(main);
