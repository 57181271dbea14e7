/**
 * One `write-settings` run on the file system: holding a lock on every file it may write, it
 * reads them (regular files only, bytes kept exactly), plans, checks that each file to change
 * may be written, and replaces them (.env and .gitignore first). When a file changed after it
 * was read (another run, an editor), the run reads and plans again; after three tries it gives
 * up and says so. Nothing is ever written over text the plan was not made on.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { FileChangedError } from '../core/files/fileErrors';
import { withFileLocks } from '../core/files/fileLock';
import { createRefusal, writeRefusal } from '../core/files/fileKind';
import { loadSettingsFile, replaceFile, type LoadedFile } from '../core/files/safeFile';
import { encodeSettingsText, onlyAsciiInserted } from '../core/files/settingsBytes';
import { applyEdits, documentEdits, isDotenvFileName, type SettingsDocument, type SettingsPlan, type TextEdit } from '../core/settings';

const ATTEMPTS = 3;

export interface TransactionFiles {
  file: string;
  dotenvPath: string;
  /** undefined: not inside a git work tree, so no .gitignore is read or written. */
  gitignorePath: string | undefined;
}

export interface Loaded {
  file: LoadedFile | undefined;
  dotenv: LoadedFile | undefined;
  gitignore: LoadedFile | undefined;
}

export type Planner = (document: SettingsDocument, context: { dotenv?: SettingsDocument; gitignoreText: string | null | undefined }) => SettingsPlan;

export type TransactionResult =
  | { ok: true; plan: SettingsPlan; loaded: Loaded; wrote: { file: boolean; dotenv: boolean; gitignore: boolean }; inPlace: string[] }
  | { ok: false; message: string };

async function load(file: string): Promise<{ loaded?: LoadedFile; refused?: string }> {
  const result = await loadSettingsFile(file, false);
  if (result.kind === 'refused') return { refused: result.message };
  return { loaded: result.kind === 'file' ? result.loaded : undefined };
}

interface Change {
  file: string;
  loaded: LoadedFile | undefined;
  edits: TextEdit[];
  create: boolean;
  newFileMode: number;
}

function foreignBytesRefusal(change: Change): string | undefined {
  if (change.loaded?.encoding !== 'bytes' || onlyAsciiInserted(change.edits.map((e) => e.newText))) return undefined;
  return `${change.file} has bytes that are not UTF-8 (line ${change.loaded.foreignLine ?? '?'}), and the new text is not plain ASCII, so nothing was written: it could not be encoded the way the file is. Save the file as UTF-8 first.`;
}

/** Every file about to change may be written (bits, folder, encoding): checked before the first write. */
async function preflight(changes: Change[]): Promise<string | undefined> {
  for (const change of changes) {
    const refusal = change.loaded
      ? (await writeRefusal(change.loaded.realPath, await fs.stat(change.loaded.realPath))) ?? foreignBytesRefusal(change)
      : await createRefusal(change.file, path.dirname(change.file));
    if (refusal) return refusal.split(change.loaded?.realPath ?? change.file).join(change.file);
  }
  return undefined;
}

async function write(change: Change): Promise<'renamed' | 'inPlace'> {
  const before = change.create ? '' : (change.loaded?.text ?? '');
  const text = applyEdits(before, change.edits);
  return replaceFile({
    file: change.file,
    realPath: change.loaded?.realPath ?? change.file,
    expected: change.loaded?.bytes,
    bytes: encodeSettingsText(text, change.loaded?.encoding ?? 'utf8'),
    mode: change.loaded?.mode ?? change.newFileMode,
  });
}

function changesOf(plan: SettingsPlan, files: TransactionFiles, loaded: Loaded, addLoader: boolean): { dotenv?: Change; gitignore?: Change; file?: Change } {
  const result: { dotenv?: Change; gitignore?: Change; file?: Change } = {};
  if (plan.dotenv && (plan.dotenv.create || plan.dotenv.edits.length > 0)) {
    result.dotenv = { file: files.dotenvPath, loaded: loaded.dotenv, edits: plan.dotenv.edits, create: plan.dotenv.create, newFileMode: 0o600 };
  }
  if (plan.gitignore && plan.gitignore.edits.length > 0 && files.gitignorePath) {
    result.gitignore = { file: files.gitignorePath, loaded: loaded.gitignore, edits: plan.gitignore.edits, create: plan.gitignore.create, newFileMode: 0o644 };
  }
  const edits = documentEdits(plan, addLoader);
  if (edits.length > 0) {
    result.file = { file: files.file, loaded: loaded.file, edits, create: !loaded.file, newFileMode: isDotenvFileName(files.file) ? 0o600 : 0o644 };
  }
  return result;
}

/** The real paths the run may write, for the locks. */
async function lockTargets(files: TransactionFiles): Promise<string[]> {
  const real = (file: string) => fs.realpath(file).catch(() => file);
  const targets = [await real(files.file), await real(files.dotenvPath)];
  if (files.gitignorePath) targets.push(await real(files.gitignorePath));
  return targets;
}

export async function runSettingsTransaction(files: TransactionFiles, plan: Planner, addLoader: (plan: SettingsPlan) => boolean): Promise<TransactionResult> {
  return withFileLocks(await lockTargets(files), async () => {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const file = await load(files.file);
      const dotenv = await load(files.dotenvPath);
      const gitignore = files.gitignorePath ? await load(files.gitignorePath) : {};
      const refused = file.refused ?? dotenv.refused ?? gitignore.refused;
      if (refused) return { ok: false, message: refused };
      const loaded: Loaded = { file: file.loaded, dotenv: dotenv.loaded, gitignore: gitignore.loaded };
      const settingsPlan = plan(
        { text: loaded.file?.text ?? '', fileName: files.file },
        {
          ...(loaded.dotenv ? { dotenv: { text: loaded.dotenv.text, fileName: files.dotenvPath } } : {}),
          gitignoreText: files.gitignorePath ? (loaded.gitignore?.text ?? null) : undefined,
        },
      );
      if (!settingsPlan.ok) return { ok: true, plan: settingsPlan, loaded, wrote: { file: false, dotenv: false, gitignore: false }, inPlace: [] };
      const withLoader = addLoader(settingsPlan);
      const changes = changesOf(settingsPlan, files, loaded, withLoader);
      const ordered = [changes.dotenv, changes.gitignore, changes.file].filter((c): c is Change => c !== undefined);
      const refusal = await preflight(ordered);
      if (refusal) return { ok: false, message: refusal };
      const inPlace: string[] = [];
      try {
        for (const change of ordered) if ((await write(change)) === 'inPlace') inPlace.push(change.file);
      } catch (err) {
        if (err instanceof FileChangedError && attempt < ATTEMPTS) continue; // read again, plan again
        if (err instanceof FileChangedError) {
          return { ok: false, message: `${err.file} kept changing while the credentials were being written (${ATTEMPTS} tries), so the run stopped rather than write over those changes. Run again when nothing else is writing it.` };
        }
        throw err;
      }
      return { ok: true, plan: settingsPlan, loaded, wrote: { file: !!changes.file, dotenv: !!changes.dotenv, gitignore: !!changes.gitignore }, inPlace };
    }
    return { ok: false, message: `${files.file} kept changing while the credentials were being written.` };
  });
}
