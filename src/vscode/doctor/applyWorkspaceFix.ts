/**
 * Applies a workspace fix from the doctor's report (move a secret to .env, load .env, add a file
 * to .gitignore) through the settings writer, as one WorkspaceEdit. The edits were planned on
 * the texts the doctor read, so every file must still have exactly that text: otherwise nothing
 * is applied and the user is asked to run the doctor again, rather than an edit landing in the
 * wrong place.
 */
import * as vscode from 'vscode';
import type { DoctorFix, SettingsFixArgs } from '../../core/doctor';
import type { FileChange } from '../../core/settings';
import { applyPlannedChanges, fileChangesToApply, type PlannedFileChange } from '../settingsWriter';
import type { WorkspaceSnapshot } from './workspaceScan';

export type WorkspaceFixOutcome =
  | { applied: true; files: string[]; packageName?: string }
  | { applied: false; stale: boolean; reason: string };

type FixArgs = Partial<SettingsFixArgs> & { gitignore?: FileChange };

interface NamedChange extends PlannedFileChange {
  displayName: string;
}

export async function applyWorkspaceFix(snapshot: WorkspaceSnapshot, fix: DoctorFix): Promise<WorkspaceFixOutcome> {
  const args = fix.args as FixArgs | undefined;
  if (typeof args?.fileName !== 'string') {
    return { applied: false, stale: false, reason: vscode.l10n.t('This fix does not say which file it is for.') };
  }
  const changes = plannedChanges(snapshot, args.fileName, args);
  if ('reason' in changes) {
    return { applied: false, stale: false, reason: changes.reason };
  }
  const outcome = await applyPlannedChanges(changes);
  if (!outcome.applied) {
    return outcome;
  }
  const packageName = args.quickFix?.packageName;
  return { applied: true, files: changes.map((c) => c.displayName), ...(packageName ? { packageName } : {}) };
}

function plannedChanges(snapshot: WorkspaceSnapshot, fileName: string, args: FixArgs): NamedChange[] | { reason: string } {
  const folder = snapshot.folderOf.get(fileName);
  const scanned = snapshot.files.get(fileName);
  if (!folder || !scanned) {
    return { reason: vscode.l10n.t("{0} was not part of the doctor's scan.", fileName) };
  }
  const quickFix = args.quickFix;
  if (quickFix && quickFix.kind !== 'edit') {
    return { reason: vscode.l10n.t('This fix needs the stored credentials; use the quick fix in the editor instead.') };
  }
  const own: NamedChange | undefined = quickFix ? { displayName: fileName, uri: scanned.uri, expected: scanned.text, edits: quickFix.edits } : undefined;
  const beside = { dotenv: quickFix?.dotenv, gitignore: quickFix?.gitignore ?? args.gitignore };
  const changes = fileChangesToApply(own, beside, (change) => fileChange(snapshot, folder, change));
  return changes.length > 0 ? changes : { reason: vscode.l10n.t('There is nothing left to change.') };
}

/** .env and .gitignore names are display names (see WorkspaceSnapshot) or relative to the fixed file's folder. */
function fileChange(snapshot: WorkspaceSnapshot, folder: vscode.WorkspaceFolder, change: FileChange): NamedChange {
  const scanned = snapshot.files.get(change.fileName);
  const prefix = (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? `${folder.name}/` : '';
  const relative = prefix && change.fileName.startsWith(prefix) ? change.fileName.slice(prefix.length) : change.fileName;
  const uri = scanned?.uri ?? vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
  const gitignore = snapshot.gitignores.get(folder.uri.toString());
  const scannedGitignore = gitignore && gitignore.uri.toString() === uri.toString() ? (gitignore.text ?? undefined) : undefined;
  // A file planned as existing must still have the text it was planned on; created files must not exist yet.
  const expected = change.create ? undefined : (scanned?.text ?? scannedGitignore ?? '');
  return { displayName: scanned ? change.fileName : prefix + relative, uri, expected, edits: change.edits };
}
