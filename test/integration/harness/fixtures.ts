import * as vscode from 'vscode';

/** The test workspace folder: a fresh copy of test/fixtures/workspace made for this run. */
export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open (the runner opens a copy of test/fixtures/workspace)');
  return folder;
}

export function workspaceUri(relPath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...relPath.split('/'));
}

/** Opens a file of the test workspace in an editor and returns that editor. */
export async function openFixture(relPath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relPath));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** Writes (or overwrites) a file in the test workspace, e.g. to set up one test's input. */
export async function writeWorkspaceFile(relPath: string, content: string): Promise<vscode.Uri> {
  const uri = workspaceUri(relPath);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  return uri;
}

/** Reverts and closes every editor, so each test starts from a clean window. */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
