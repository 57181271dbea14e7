/**
 * Mocha hooks that run the real emulator on 127.0.0.1, port 0, for one describe block.
 * Faults are cleared after each test so that a test's leftovers cannot make the next one pass.
 */
import { startEmulator } from '../../../../src/emulator/server';
import type { EmulatorOptions, RunningEmulator } from '../../../../src/emulator/types';
import { destroyAgents } from '../../../../src/core/momo/http';

export function useEmulator(options: EmulatorOptions = {}): () => RunningEmulator {
  let emulator: RunningEmulator | undefined;
  before(async () => {
    emulator = await startEmulator({ quiet: true, ...options });
  });
  afterEach(() => emulator?.clearFaults());
  after(async () => {
    destroyAgents();
    await emulator?.close();
  });
  return () => {
    if (!emulator) throw new Error('the emulator is not running yet');
    return emulator;
  };
}
