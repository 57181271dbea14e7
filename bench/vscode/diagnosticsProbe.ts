/**
 * Loaded by VS Code as the window's extensionTestsPath: opens the workspace's MoMo settings file
 * (named so that no activation event fires), then activates the extension and times how long
 * until the file's first MoMo diagnostic appears. The extension loads its settings chunk on
 * the way: that load is what the single-chunk and split builds differ in.
 */
import * as path from 'path';
import { performance } from 'perf_hooks';
import * as vscode from 'vscode';
import { DIAGNOSTICS_FILE, EXTENSION_ID, firstDiagnosticsLine } from './probeProtocol';

/** The workbench is still restoring when the probe starts. */
const SETTLE_MS = 2000;
const DIAGNOSTICS_LIMIT_MS = 30_000;

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!folder) throw new Error('the probe needs a workspace folder');
  const document = await vscode.workspace.openTextDocument(path.join(folder, DIAGNOSTICS_FILE));
  await vscode.window.showTextDocument(document);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded (extensionDevelopmentPath?)`);
  const wasActive = extension.isActive;
  const shown = momoDiagnosticsShown(document.uri);
  const start = performance.now();
  await extension.activate();
  const activateMs = performance.now() - start;
  const diagnostics = await shown;
  const firstDiagnosticsMs = performance.now() - start;
  console.log(firstDiagnosticsLine({ firstDiagnosticsMs, activateMs, diagnostics, wasActive }));
}

/** Resolves with the number of MoMo diagnostics once the file has any. */
function momoDiagnosticsShown(uri: vscode.Uri): Promise<number> {
  const count = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'MoMo').length;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`no MoMo diagnostic within ${DIAGNOSTICS_LIMIT_MS / 1000} s`));
    }, DIAGNOSTICS_LIMIT_MS);
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString()) || count() === 0) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(count());
    });
  });
}
