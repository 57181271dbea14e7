/**
 * A file's text as the user sees it: the editor's when the file is open (unsaved changes
 * count), else the disk's, without a BOM (like TextDocument.getText()), so offsets planned
 * on it fit the open document.
 */
import * as vscode from 'vscode';

/** undefined when the file does not exist, cannot be read, or is larger than `maxBytes`. */
export async function currentText(uri: vscode.Uri, maxBytes = Number.POSITIVE_INFINITY): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) {
    return open.getText();
  }
  try {
    if (Number.isFinite(maxBytes) && (await vscode.workspace.fs.stat(uri)).size > maxBytes) {
      return undefined;
    }
    const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}
