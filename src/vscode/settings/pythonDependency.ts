/**
 * After load_dotenv() went into a settings file the project must also install python-dotenv, or
 * Django stops at the import. The project's requirements.txt (else pyproject.toml) gets the
 * package, as one edit saved like every settings edit; a file that lists it in any spelling is
 * left alone. Without such a file, the sentence says what to install.
 */
import * as vscode from 'vscode';
import { pyprojectEdits, requirementsEdits, type TextEdit } from '../../core/settings';
import { projectContextFor, readText } from './projectContext';
import { relativeName } from './settingsSelector';
import { applyPlannedChanges } from './settingsWriter';

/** One sentence for the message that announces the loader, saying what was done about the package. */
export async function requirePythonPackage(settingsUri: vscode.Uri, packageName: string): Promise<string> {
  const install = `Install ${packageName} where the project runs (pip install ${packageName}).`;
  const context = await projectContextFor({ uri: settingsUri, fileName: settingsUri.fsPath }, 'open');
  if (!context) return install;
  const files = [
    { uri: vscode.Uri.joinPath(context.projectDir, 'requirements.txt'), plan: requirementsEdits },
    { uri: vscode.Uri.joinPath(context.projectDir, 'pyproject.toml'), plan: pyprojectEdits },
  ];
  const read = await Promise.all(files.map(async (f) => ({ ...f, text: await readText(f.uri, 'open') })));
  const present = read.filter((f): f is typeof f & { text: string } => f.text !== undefined);
  const planned = present.map((f) => ({ ...f, edits: f.plan(f.text, packageName) }));
  const listing = planned.find((f) => f.edits?.length === 0);
  if (listing) return `${relativeName(listing.uri)} already lists ${packageName}.`;
  const target = planned.find((f): f is typeof f & { edits: TextEdit[] } => f.edits !== undefined);
  if (!target) {
    return present.length > 0 ? `Add ${packageName} to ${relativeName(present[0].uri)} and install it.` : install;
  }
  const outcome = await applyPlannedChanges([{ uri: target.uri, expected: target.text, edits: target.edits }]);
  if (!outcome.applied) return `${install} (${relativeName(target.uri)} was not changed: ${outcome.reason})`;
  return `Added ${packageName} to ${relativeName(target.uri)}: install it (pip install ${packageName}) where the project runs.`;
}
