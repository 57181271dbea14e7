// Loads the MoMo emulator from its compiled module (out/src/emulator/server.js), so the runners and
// harnesses build and run even before src/emulator/server.ts exists. No `vscode` import here.
import * as fs from 'fs';
import type { EmulatorOptions, RunningEmulator } from '../../src/emulator/types';
import { EMULATOR_MODULE } from './paths';

type StartEmulator = (options?: EmulatorOptions) => Promise<RunningEmulator>;

/** True once out/src/emulator/server.js exists. */
export function emulatorAvailable(): boolean {
  return fs.existsSync(EMULATOR_MODULE);
}

/** Starts a quiet emulator on 127.0.0.1 and a free port. Close it with `await emulator.close()`. */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  if (!emulatorAvailable()) throw new Error(`no emulator at ${EMULATOR_MODULE} (src/emulator/server.ts not built yet)`);
  // A runtime require: the module may not exist when this file is compiled.
  const { startEmulator } = require(EMULATOR_MODULE) as { startEmulator?: StartEmulator };
  if (typeof startEmulator !== 'function') throw new Error(`${EMULATOR_MODULE} does not export startEmulator()`);
  return startEmulator({ port: 0, quiet: true, ...options });
}
