/**
 * `write-settings --add-loader` put load_dotenv() into a settings file: the project must also
 * install python-dotenv, or Django stops at the import. Like the editor, the CLI adds it to the
 * project's requirements.txt (else pyproject.toml), under a lock, writing only over the bytes it
 * planned on; a file that lists it in any spelling is left alone. The sentence says what was done.
 */
import * as path from 'node:path';
import { FileChangedError, SettingsFileError } from '../core/files/fileErrors';
import { withFileLocks } from '../core/files/fileLock';
import { loadSettingsFile, replaceFile, type LoadedFile } from '../core/files/safeFile';
import { encodeSettingsText } from '../core/files/settingsBytes';
import { applyEdits, chooseDependencyEdit, DEPENDENCY_FILES } from '../core/settings';

const ATTEMPTS = 3;

export interface DependencyOutcome {
  notice: string;
  /** The dependency file written, if one was. */
  wrote?: string;
}

export async function requirePythonPackageOnDisk(projectDir: string, packageName: string): Promise<DependencyOutcome> {
  const install = `Install ${packageName} where the project runs (pip install ${packageName}).`;
  const paths = DEPENDENCY_FILES.map((name) => path.join(projectDir, name));
  try {
    return await withFileLocks(paths, async () => {
      for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
        const loaded = new Map<string, LoadedFile>();
        for (const file of paths) {
          const result = await loadSettingsFile(file, false);
          if (result.kind === 'refused') return { notice: `${install} (${result.message})` };
          if (result.kind === 'file') loaded.set(file, result.loaded);
        }
        const files = DEPENDENCY_FILES.map((name, i) => ({ name, file: paths[i], text: loaded.get(paths[i])?.text }));
        const decision = chooseDependencyEdit(files, packageName);
        if (decision.kind === 'listed') return { notice: `${decision.file} already lists ${packageName}.` };
        if (decision.kind === 'manual') return { notice: decision.present ? `Add ${packageName} to ${decision.present} and install it.` : install };
        const target = loaded.get(decision.file) as LoadedFile;
        const writable = await loadSettingsFile(decision.file, true);
        if (writable.kind === 'refused') return { notice: `${install} (${decision.file} was not changed: ${writable.message})` };
        try {
          await replaceFile({
            file: decision.file,
            realPath: target.realPath,
            expected: target.bytes,
            bytes: encodeSettingsText(applyEdits(target.text, decision.edits), target.encoding),
            mode: target.mode,
          });
        } catch (err) {
          if (err instanceof FileChangedError && attempt < ATTEMPTS) continue; // read again, plan again
          throw err;
        }
        return { notice: `Added ${packageName} to ${decision.file}: install it (pip install ${packageName}) where the project runs.`, wrote: decision.file };
      }
      return { notice: `${install} (the project's dependency files kept changing, so none was changed)` };
    });
  } catch (err) {
    if (err instanceof SettingsFileError || err instanceof FileChangedError) return { notice: `${install} (${err.message})` };
    throw err;
  }
}
