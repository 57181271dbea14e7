/**
 * The `file` argument of "Insert into Settings…": a Uri (explorer context menu), a URI string,
 * an absolute path, or a path relative to the first workspace folder.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { Args } from '../commandArgs';

export type FileArg = { uri?: vscode.Uri; error?: string };

export function fileArg(args: Args): FileArg {
  const raw = args.file;
  if (raw === undefined) {
    return {};
  }
  if (raw instanceof vscode.Uri) {
    return { uri: raw };
  }
  if (typeof raw !== 'string' || raw.trim() === '') {
    return { error: vscode.l10n.t('The file argument must be a path or a URI.') };
  }
  const value = raw.trim();
  if (/^[a-z][\w+.-]+:\/\//i.test(value)) {
    return { uri: vscode.Uri.parse(value) };
  }
  if (path.isAbsolute(value)) {
    return { uri: vscode.Uri.file(value) };
  }
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder
    ? { uri: vscode.Uri.joinPath(folder.uri, ...value.split(/[\\/]/)) }
    : { error: vscode.l10n.t('"{0}" is relative, but no folder is open to resolve it against.', value) };
}
