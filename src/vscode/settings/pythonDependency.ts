/**
 * After load_dotenv() went into a settings file the project must also install python-dotenv, or
 * Django stops at the import. The project's requirements.txt (else pyproject.toml) gets the
 * package, as one edit saved like every settings edit; a file that lists it in any spelling is
 * left alone. Without such a file, the sentence says what to install.
 */
import * as vscode from 'vscode';
import { chooseDependencyEdit, DEPENDENCY_FILES } from '../../core/settings';
import { projectContextFor, readText } from './projectContext';
import { relativeName } from '../settingsSelector';
import { applyPlannedChanges } from '../settingsWriter';

/** One sentence for the message that announces the loader, saying what was done about the package. */
export async function requirePythonPackage(settingsUri: vscode.Uri, packageName: string): Promise<string> {
  const install = `Install ${packageName} where the project runs (pip install ${packageName}).`;
  const context = await projectContextFor({ uri: settingsUri, fileName: settingsUri.fsPath }, 'open');
  if (!context) return install;
  const files = await Promise.all(
    DEPENDENCY_FILES.map(async (name) => {
      const file = vscode.Uri.joinPath(context.projectDir, name);
      return { name, file, text: await readText(file, 'open') };
    }),
  );
  const decision = chooseDependencyEdit(files, packageName);
  if (decision.kind === 'listed') return `${relativeName(decision.file)} already lists ${packageName}.`;
  if (decision.kind === 'manual') return decision.present ? `Add ${packageName} to ${relativeName(decision.present)} and install it.` : install;
  const outcome = await applyPlannedChanges([{ uri: decision.file, expected: decision.text, edits: decision.edits }]);
  if (!outcome.applied) return `${install} (${relativeName(decision.file)} was not changed: ${outcome.reason})`;
  return `Added ${packageName} to ${relativeName(decision.file)}: install it (pip install ${packageName}) where the project runs.`;
}
