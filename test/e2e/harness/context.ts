// What every e2e module receives. A module is a compiled out/test/e2e/**/*.e2e.js exporting
//   export const title = 'what it shows';            // optional, defaults to the file name
//   export async function run(ctx: E2EContext): Promise<void> { ... }   // throw to fail
// Each module starts on a freshly loaded workbench with the test workspace open.
import type { Page } from 'playwright-core';
import type { RunningEmulator } from '../../../src/emulator/types';

export interface E2EContext {
  /** The browser tab showing the real VS Code workbench. */
  page: Page;
  /** code-server's address, e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  /** Absolute path of this run's copy of test/fixtures/workspace (the open folder). */
  workspace: string;
  /** Where screenshots go (test-artifacts/e2e). */
  artifactsDir: string;
  /** The MoMo emulator that the extension's `momo.sandbox.baseUrl` points at, when it is built. */
  emulatorUrl?: string;
  /** The same emulator, in this process: inject faults, read recorded requests. */
  emulator?: RunningEmulator;
  /** Prints a line under this module's heading. */
  log(message: string): void;
}

export interface E2EModule {
  title?: string;
  /**
   * Run on a profile of its own: a new user-data-dir (nothing stored, no walkthrough state), a
   * new code-server and a new emulator, set up by `prepareEmulator` (e.g. a fault that makes it
   * stop serving a call). Costs a code-server start; use it when "from nothing" is the point.
   * `locale` starts that code-server in another display language (e.g. "fr", with the fixture
   * language pack: the workbench stays English, the extension speaks that language).
   */
  freshProfile?: { prepareEmulator?(emulator: RunningEmulator): void; locale?: string };
  run(ctx: E2EContext): Promise<void>;
}

/** Thrown by `skip()`; the runner counts the module as skipped, not failed. */
export class SkipError extends Error {}

/** Ends the module as skipped, e.g. `if (!ctx.emulatorUrl) skip('no emulator yet')`. */
export function skip(reason: string): never {
  throw new SkipError(reason);
}
