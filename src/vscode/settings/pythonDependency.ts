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
  const install = vscode.l10n.t('Install {0} where the project runs (pip install {0}).', packageName);
  const context = await projectContextFor({ uri: settingsUri, fileName: settingsUri.fsPath }, 'open');
  if (!context) return install;
  const files = await Promise.all(
    DEPENDENCY_FILES.map(async (name) => {
      const file = vscode.Uri.joinPath(context.projectDir, name);
      return { name, file, text: await readText(file, 'open') };
    }),
  );
  const decision = chooseDependencyEdit(files, packageName);
  if (decision.kind === 'listed') return vscode.l10n.t('{0} already lists {1}.', relativeName(decision.file), packageName);
  if (decision.kind === 'manual') return decision.present ? vscode.l10n.t('Add {0} to {1} and install it.', packageName, relativeName(decision.present)) : install;
  const outcome = await applyPlannedChanges([{ uri: decision.file, expected: decision.text, edits: decision.edits }]);
  if (!outcome.applied) return `${install} ${vscode.l10n.t('({0} was not changed: {1})', relativeName(decision.file), outcome.reason)}`;
  return vscode.l10n.t('Added {0} to {1}: install it (pip install {0}) where the project runs.', packageName, relativeName(decision.file));
}
