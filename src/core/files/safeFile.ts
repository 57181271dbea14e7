/**
 * Reading and replacing settings files without surprises: a read never blocks (named pipes and
 * devices are refused before they are opened, and the open itself is non-blocking), a file is
 * replaced only when it still holds the bytes the plan was made on, and by a rename so no
 * reader sees half a file. When the rename cannot replace the file (a file bind-mounted on its
 * own answers EBUSY; a read-only folder), the file is rewritten in place, but only when that is
 * safe: it is a regular file we may write, and it still holds exactly the planned-on bytes.
 */
import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { checkPath, createRefusal, notRegularMessage, writeRefusal } from './fileKind';
import { describeFileError, FileChangedError, SettingsFileError } from './fileErrors';
import { decodeSettingsBytes, type SettingsEncoding } from './settingsBytes';

/** Settings files are small; anything larger is not one (and is not read into memory). */
const MAX_SETTINGS_BYTES = 8 * 1024 * 1024;

export interface LoadedFile {
  /** The path as given. */
  file: string;
  /** Where the bytes live (a symbolic link followed). */
  realPath: string;
  bytes: Buffer;
  text: string;
  encoding: SettingsEncoding;
  foreignLine?: number;
  mode: number;
}

export type LoadResult = { kind: 'missing' } | { kind: 'file'; loaded: LoadedFile } | { kind: 'refused'; message: string };

/** The bytes at `realPath`, or undefined when nothing is there. Non-blocking; regular files only. */
export async function readRegularBytes(realPath: string, shownAs = realPath): Promise<Buffer | undefined> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(realPath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new SettingsFileError(describeFileError(err, shownAs, 'read'), (err as NodeJS.ErrnoException).code);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new SettingsFileError(notRegularMessage(shownAs, stat));
    if (stat.size > MAX_SETTINGS_BYTES) {
      throw new SettingsFileError(`${shownAs} is ${Math.round(stat.size / 1024 / 1024)} MB: too large to be a settings file, so nothing was written. Check the path.`);
    }
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/**
 * Loads a settings file for planning. `forWriting`: also refuse a file this user may not write
 * (read-only bits, root included) or, for a missing file, a folder it cannot be created in.
 */
export async function loadSettingsFile(file: string, forWriting: boolean): Promise<LoadResult> {
  const where = await checkPath(file);
  if (where.kind === 'refused') return where;
  if (where.kind === 'missing') {
    const refusal = forWriting ? await createRefusal(file, path.dirname(file)) : undefined;
    return refusal ? { kind: 'refused', message: refusal } : { kind: 'missing' };
  }
  const refusal = forWriting ? await writeRefusal(where.realPath, where.stat) : undefined;
  if (refusal) return { kind: 'refused', message: refusal.split(where.realPath).join(file) };
  let bytes: Buffer | undefined;
  try {
    bytes = await readRegularBytes(where.realPath, file);
  } catch (err) {
    return { kind: 'refused', message: describeFileError(err, file, 'read') };
  }
  if (bytes === undefined) return { kind: 'missing' };
  const decoded = decodeSettingsBytes(bytes, file);
  if (!decoded.ok) return { kind: 'refused', message: decoded.message };
  return {
    kind: 'file',
    loaded: { file, realPath: where.realPath, bytes, text: decoded.text, encoding: decoded.encoding, foreignLine: decoded.foreignLine, mode: where.stat.mode & 0o7777 },
  };
}

export interface Replacement {
  /** The path as the person gave it (for messages). */
  file: string;
  realPath: string;
  /** The bytes the plan was made on; undefined = the file did not exist and is created. */
  expected: Buffer | undefined;
  bytes: Buffer;
  /** Permission bits: the existing file's, or the new file's (0o600 for secrets). */
  mode: number;
}

/** Codes for which a rename could not replace the file although the file itself may be writable. */
const RENAME_BLOCKED = new Set(['EBUSY', 'EXDEV', 'EPERM', 'EACCES']);

async function assertUnchanged(change: Replacement): Promise<void> {
  const now = await readRegularBytes(change.realPath, change.file);
  const same = now === undefined ? change.expected === undefined : change.expected !== undefined && now.equals(change.expected);
  if (!same) throw new FileChangedError(change.file);
}

/** Rewrites the file through its own descriptor, after checking once more that it holds the expected bytes. */
async function rewriteInPlace(change: Replacement): Promise<void> {
  const handle = await fs.open(change.realPath, constants.O_RDWR | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new SettingsFileError(notRegularMessage(change.file, stat));
    const now = await handle.readFile();
    if (!change.expected || !now.equals(change.expected)) throw new FileChangedError(change.file);
    await handle.write(change.bytes, 0, change.bytes.length, 0);
    await handle.truncate(change.bytes.length);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces (or creates) a file with `bytes`, provided it still holds `expected`. Throws
 * FileChangedError when it does not (plan again), SettingsFileError with a sentence otherwise.
 */
export async function replaceFile(change: Replacement): Promise<'renamed' | 'inPlace'> {
  await assertUnchanged(change);
  const dir = path.dirname(change.realPath);
  const temporary = path.join(dir, `.${path.basename(change.realPath)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temporary, change.bytes, { flag: 'wx', mode: change.mode });
    await fs.chmod(temporary, change.mode); // writeFile's mode is reduced by the umask
    await assertUnchanged(change);
    await fs.rename(temporary, change.realPath);
    return 'renamed';
  } catch (err) {
    await fs.unlink(temporary).catch(() => undefined);
    if (err instanceof FileChangedError || err instanceof SettingsFileError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (change.expected !== undefined && RENAME_BLOCKED.has(code)) {
      try {
        await rewriteInPlace(change);
        return 'inPlace';
      } catch (inPlaceError) {
        if (inPlaceError instanceof FileChangedError || inPlaceError instanceof SettingsFileError) throw inPlaceError;
        throw new SettingsFileError(describeFileError(inPlaceError, change.file, 'write'), (inPlaceError as NodeJS.ErrnoException).code);
      }
    }
    throw new SettingsFileError(describeFileError(err, change.file, change.expected === undefined ? 'create' : 'write'), code);
  }
}
