/**
 * Applies a workspace fix from the doctor's report (move a secret to .env, load .env, add a file
 * to .gitignore) as one WorkspaceEdit. The edits were planned on the texts the doctor read, so
 * every file must still have exactly that text: otherwise nothing is applied and the user is
 * asked to run the doctor again, rather than an edit landing in the wrong place.
 */
import * as vscode from 'vscode';
import type { DoctorFix, SettingsFixArgs } from '../../core/doctor';
import type { FileChange, TextEdit } from '../../core/settings';
import { currentText, openDocument } from './documentText';
import type { WorkspaceSnapshot } from './workspaceScan';

export type WorkspaceFixOutcome =
  | { applied: true; files: string[]; packageName?: string }
  | { applied: false; stale?: string; reason: string };

interface PlannedChange {
  displayName: string;
  uri: vscode.Uri;
  /** The text the edits were planned on; null = the file must not exist yet. */
  expected: string | null;
  edits: TextEdit[];
}

export async function applyWorkspaceFix(snapshot: WorkspaceSnapshot, fix: DoctorFix): Promise<WorkspaceFixOutcome> {
  const args = fix.args as Partial<SettingsFixArgs> & { gitignore?: FileChange };
  if (typeof args?.fileName !== 'string') {
    return { applied: false, reason: 'This fix does not say which file it is for.' };
  }
  const changes = plannedChanges(snapshot, args.fileName, args);
  if ('reason' in changes) {
    return { applied: false, reason: changes.reason };
  }
  for (const change of changes) {
    const now = await currentText(change.uri);
    if ((now ?? null) !== change.expected) {
      return { applied: false, stale: change.displayName, reason: `${change.displayName} changed since the report was made.` };
    }
  }

  const wasDirty = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
  const edit = new vscode.WorkspaceEdit();
  for (const change of changes) {
    if (change.expected === null) {
      edit.createFile(change.uri, { ignoreIfExists: false });
      edit.insert(change.uri, new vscode.Position(0, 0), change.edits.map((e) => e.newText).join(''));
    } else {
      for (const e of change.edits) {
        edit.replace(change.uri, toRange(e), e.newText);
      }
    }
  }
  if (!(await vscode.workspace.applyEdit(edit))) {
    return { applied: false, reason: 'VS Code refused the edit (a file may be read-only).' };
  }
  // Saved unless the user had unsaved changes there: git and the next doctor run read the disk.
  for (const change of changes) {
    if (!wasDirty.has(change.uri.toString())) {
      await openDocument(change.uri)?.save();
    }
  }
  const packageName = args.quickFix?.packageName;
  return { applied: true, files: changes.map((c) => c.displayName), ...(packageName ? { packageName } : {}) };
}

function plannedChanges(
  snapshot: WorkspaceSnapshot,
  fileName: string,
  args: Partial<SettingsFixArgs> & { gitignore?: FileChange },
): PlannedChange[] | { reason: string } {
  const folder = snapshot.folderOf.get(fileName);
  const scanned = snapshot.files.get(fileName);
  if (!folder || !scanned) {
    return { reason: `${fileName} was not part of the doctor's scan.` };
  }
  const changes: PlannedChange[] = [];
  const quickFix = args.quickFix;
  if (quickFix) {
    if (quickFix.kind !== 'edit') {
      return { reason: 'This fix needs the stored credentials; use the quick fix in the editor instead.' };
    }
    if (quickFix.edits.length > 0) {
      changes.push({ displayName: fileName, uri: scanned.uri, expected: scanned.text, edits: quickFix.edits });
    }
    if (quickFix.dotenv) {
      changes.push(fileChange(snapshot, folder, quickFix.dotenv));
    }
  }
  const gitignore = quickFix?.gitignore ?? args.gitignore;
  if (gitignore && gitignore.edits.length > 0) {
    changes.push(fileChange(snapshot, folder, gitignore));
  }
  return changes.length > 0 ? changes : { reason: 'There is nothing left to change.' };
}

/** .env and .gitignore names are display names (see WorkspaceSnapshot) or relative to the fixed file's folder. */
function fileChange(snapshot: WorkspaceSnapshot, folder: vscode.WorkspaceFolder, change: FileChange): PlannedChange {
  const scanned = snapshot.files.get(change.fileName);
  const prefix = (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? `${folder.name}/` : '';
  const relative = prefix && change.fileName.startsWith(prefix) ? change.fileName.slice(prefix.length) : change.fileName;
  const uri = scanned?.uri ?? vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
  const gitignore = snapshot.gitignores.get(folder.uri.toString());
  const scannedGitignore = gitignore && gitignore.uri.toString() === uri.toString() ? gitignore.text : null;
  const expected = change.create ? null : (scanned?.text ?? scannedGitignore);
  return { displayName: scanned ? change.fileName : prefix + relative, uri, expected, edits: change.edits };
}

function toRange(edit: TextEdit): vscode.Range {
  return new vscode.Range(edit.range.start.line, edit.range.start.character, edit.range.end.line, edit.range.end.character);
}
