import * as vscode from 'vscode';

export const EXTENSION_ID = 'momodev.momo-credentials';

export function getExtension<TApi = unknown>(): vscode.Extension<TApi> {
  const extension = vscode.extensions.getExtension<TApi>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not loaded (is extensionDevelopmentPath the repo root?)`);
  return extension;
}

/** Activates the extension (if needed) and returns what activate() returned. */
export async function activateExtension<TApi = unknown>(): Promise<TApi> {
  return getExtension<TApi>().activate();
}
