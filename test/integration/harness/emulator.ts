// Tests in the extension host start their own emulator:
//   before(function () { if (!emulatorAvailable()) this.skip(); });
//   const emulator = await startTestEmulator(); ... await emulator.close();
export { emulatorAvailable, startTestEmulator } from '../../runners/emulator';
