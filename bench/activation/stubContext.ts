/** An ExtensionContext with in-memory state and nothing stored: what activate() sees on first run. */
import * as path from 'path';
import { Disposable, Uri } from './vscodeStub';

function memento() {
  const values = new Map<string, unknown>();
  return {
    get: (key: string, fallback?: unknown) => (values.has(key) ? values.get(key) : fallback),
    update: async (key: string, value: unknown) => void values.set(key, value),
    keys: () => [...values.keys()],
    setKeysForSync: () => undefined,
  };
}

export function stubContext(extensionDir: string) {
  const packageJSON = require(path.join(extensionDir, 'package.json')) as { publisher: string; name: string };
  const secrets = new Map<string, string>();
  return {
    subscriptions: [] as Array<{ dispose(): unknown }>,
    extensionPath: extensionDir,
    extensionUri: Uri.file(extensionDir),
    extension: { id: `${packageJSON.publisher}.${packageJSON.name}`, packageJSON, extensionUri: Uri.file(extensionDir) },
    extensionMode: 1,
    globalState: memento(),
    workspaceState: memento(),
    secrets: {
      get: async (key: string) => secrets.get(key),
      store: async (key: string, value: string) => void secrets.set(key, value),
      delete: async (key: string) => void secrets.delete(key),
      onDidChange: () => new Disposable(() => undefined),
    },
    storageUri: undefined,
    globalStorageUri: Uri.file(path.join(extensionDir, '.bench-storage')),
    logUri: Uri.file(path.join(extensionDir, '.bench-log')),
    asAbsolutePath: (relative: string) => path.join(extensionDir, relative),
  };
}
