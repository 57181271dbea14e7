/**
 * Applies planned edits (the settings file, .env, .gitignore) as ONE WorkspaceEdit: one undo
 * step, and an open editor's unsaved text is edited, not overwritten. A file that does not
 * exist yet is created inside the same edit (createFile, then insert).
 *
 * Each change carries the text it was planned on; when a file no longer has that text (the
 * user typed meanwhile), nothing is applied and the caller plans again. Files that had no
 * unsaved changes are saved afterwards (git, Django and the next check read the disk); a
 * dirty editor stays dirty, so the user's own pending edits are never saved behind their back.
 * Files that cannot be written safely (fileSafety.ts) are refused before anything is applied.
 */
import { promises as fs } from 'fs';
import * as vscode from 'vscode';
import type { FileChange, TextEdit } from '../core/settings';
import { currentText } from './documentText';
import { changeRefusal } from './fileSafety';

export interface PlannedFileChange {
  uri: vscode.Uri;
  /** The text the edits were planned on; undefined = the file does not exist and is created. */
  expected: string | undefined;
  edits: readonly TextEdit[];
  /** Created files holding secrets (.env) are made readable by the owner only. */
  secret?: boolean;
}

/** What a plan or a quick fix changes beside the file it is for (the planner's FileChange for each). */
export interface ChangesBeside {
  dotenv?: FileChange;
  gitignore?: FileChange;
}

/** Where a planned .env or .gitignore change lands, and the text it was planned on (undefined: the plan creates it). */
export type LocateChange<T extends PlannedFileChange> = (change: FileChange, file: keyof ChangesBeside) => T;

/**
 * The list of file changes to apply for one insert or fix: the file's own edits, then .env
 * (a secret file) and .gitignore where `locate` puts them. A change with nothing to do is left out.
 */
export function fileChangesToApply<T extends PlannedFileChange>(own: T | undefined, beside: ChangesBeside, locate: LocateChange<T> | undefined): T[] {
  const changes: T[] = own ? [own] : [];
  if (beside.dotenv && locate) changes.push({ ...locate(beside.dotenv, 'dotenv'), secret: true });
  if (beside.gitignore && locate) changes.push(locate(beside.gitignore, 'gitignore'));
  return changes.filter(hasWork);
}

function hasWork(change: PlannedFileChange): boolean {
  return change.edits.length > 0 || change.expected === undefined;
}

export type WriteOutcome = { applied: true; files: vscode.Uri[] } | { applied: false; stale: boolean; reason: string };

export async function applyPlannedChanges(changes: readonly PlannedFileChange[]): Promise<WriteOutcome> {
  const effective = changes.filter(hasWork);
  if (effective.length === 0) {
    return { applied: true, files: [] };
  }
  // A pipe, device, folder or read-only file is never edited; nor a file whose bytes a UTF-8 save would change.
  const refusal = await changeRefusal(effective.map((c) => c.uri));
  if (refusal) {
    return { applied: false, stale: false, reason: refusal };
  }
  const stale = await firstChanged(effective);
  if (stale) {
    return { applied: false, stale: true, reason: vscode.l10n.t('{0} changed while the edit was being prepared.', stale) };
  }

  // Unsaved changes of our own (another insert still on its way to the disk) are not the user's: they get saved.
  const wasDirty = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty && !ownUnsaved.has(d.uri.toString())).map((d) => d.uri.toString()));
  const ours = effective.filter((c) => !wasDirty.has(c.uri.toString())).map((c) => c.uri.toString());
  ours.forEach((key) => ownUnsaved.set(key, (ownUnsaved.get(key) ?? 0) + 1));
  try {
    return await applyAndSave(effective, wasDirty);
  } finally {
    for (const key of ours) {
      const left = (ownUnsaved.get(key) ?? 1) - 1;
      if (left > 0) ownUnsaved.set(key, left);
      else ownUnsaved.delete(key);
    }
  }
}

/** Documents with edits of ours applied and not yet saved (uri → edits in flight). */
const ownUnsaved = new Map<string, number>();

async function applyAndSave(effective: readonly PlannedFileChange[], wasDirty: ReadonlySet<string>): Promise<WriteOutcome> {
  const edit = new vscode.WorkspaceEdit();
  for (const change of effective) {
    if (change.expected === undefined) {
      edit.createFile(change.uri, { overwrite: false, ignoreIfExists: false });
      edit.insert(change.uri, new vscode.Position(0, 0), change.edits.map((e) => e.newText).join(''));
      continue;
    }
    for (const e of mergeInsertsAtSameOffset(change.edits)) {
      edit.replace(change.uri, toRange(e), e.newText);
    }
  }
  if (!(await vscode.workspace.applyEdit(edit))) {
    // VS Code refuses an edit made for an older version of a document: another edit got there first.
    const changed = await firstChanged(effective);
    if (changed) {
      return { applied: false, stale: true, reason: vscode.l10n.t('{0} changed while the edit was being applied.', changed) };
    }
    return { applied: false, stale: false, reason: vscode.l10n.t('VS Code did not apply the edit (a file may be read-only, or was created meanwhile).') };
  }

  for (const change of effective) {
    if (!wasDirty.has(change.uri.toString())) {
      await saveQuietly(change.uri);
    }
    if (change.expected === undefined && change.secret && change.uri.scheme === 'file') {
      await fs.chmod(change.uri.fsPath, 0o600).catch(() => undefined);
    }
  }
  return { applied: true, files: effective.map((c) => c.uri) };
}

/** The name of the first file that no longer has the text its edits were planned on. */
async function firstChanged(changes: readonly PlannedFileChange[]): Promise<string | undefined> {
  for (const change of changes) {
    if ((await currentText(change.uri)) !== change.expected) {
      return change.uri.path.split('/').pop();
    }
  }
  return undefined;
}

function toRange(edit: TextEdit): vscode.Range {
  return new vscode.Range(edit.range.start.line, edit.range.start.character, edit.range.end.line, edit.range.end.character);
}

/**
 * The planner lists inserts at one offset in the order they must appear; one edit per offset
 * keeps that order whatever VS Code does with equal ranges.
 */
function mergeInsertsAtSameOffset(edits: readonly TextEdit[]): TextEdit[] {
  const merged: TextEdit[] = [];
  for (const e of edits) {
    const last = merged[merged.length - 1];
    const bothInserts = last && last.startOffset === last.endOffset && e.startOffset === e.endOffset;
    if (bothInserts && last.startOffset === e.startOffset) {
      merged[merged.length - 1] = { ...last, newText: last.newText + e.newText };
    } else {
      merged.push(e);
    }
  }
  return merged;
}

async function saveQuietly(uri: vscode.Uri): Promise<void> {
  // A file the edit created may not be among textDocuments yet when applyEdit resolves: ask for it.
  const document =
    vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? (await Promise.resolve(vscode.workspace.openTextDocument(uri)).catch(() => undefined));
  if (document?.isDirty && uri.scheme === 'file') {
    await document.save();
  }
}
