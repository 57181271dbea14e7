// Helpers for integration tests; import them as `from './harness'` (or '../harness').
export { EXTENSION_ID, activateExtension, getExtension } from './extension';
export { closeAllEditors, openFixture, workspaceFolder, workspaceUri, writeWorkspaceFile } from './fixtures';
export { emulatorAvailable, startTestEmulator } from './emulator';
export { sleep, waitFor } from './wait';
