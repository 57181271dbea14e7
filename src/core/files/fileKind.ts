/**
 * What is at a path, in words, before anything is opened: only regular files (a symbolic link
 * may lead to one) are settings files. Folders, named pipes (opening one for reading waits for
 * a writer forever), sockets and devices are refused with a sentence, as are files whose
 * permission bits do not let this user write them, root included.
 */
import type { Stats } from 'node:fs';
import { constants, promises as fs } from 'node:fs';
import * as path from 'node:path';

export type PathCheck =
  | { kind: 'missing'; /** The path, or the symbolic link's target, does not exist. */ path: string }
  | { kind: 'file'; realPath: string; stat: Stats; linkedFrom?: string }
  | { kind: 'refused'; message: string };

function kindName(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

export function notRegularMessage(file: string, stat: Stats, linkTarget?: string): string {
  const what = linkTarget ? `a symbolic link to ${linkTarget}, which is ${kindName(stat)}` : kindName(stat);
  const hint = stat.isDirectory() ? ` Give the path of the settings file inside it (for example ${path.join(file, '.env')}).` : ' Give the path of the settings file itself.';
  return `${file} is ${what}, not a regular file, so nothing was read or written.${hint}`;
}

/** Looks at a path without opening it (lstat, then stat through a link). Never blocks on a FIFO. */
export async function checkPath(file: string): Promise<PathCheck> {
  let link: Stats;
  try {
    link = await fs.lstat(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing', path: file };
    if (code === 'ENOTDIR') return { kind: 'refused', message: `${file} is not a valid path: a part of it is a file, not a folder. Check the path.` };
    if (code === 'EACCES' || code === 'EPERM') return { kind: 'refused', message: `${file} cannot be reached: a folder on its path does not let this user in. Check the path and its permissions.` };
    throw err;
  }
  if (!link.isSymbolicLink()) {
    return link.isFile() ? { kind: 'file', realPath: file, stat: link } : { kind: 'refused', message: notRegularMessage(file, link) };
  }
  let target: string;
  try {
    target = await fs.realpath(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const shown = await fs.readlink(file).catch(() => 'a missing file');
    if (code === 'ENOENT') return { kind: 'refused', message: `${file} is a symbolic link to ${shown}, which does not exist, so nothing was written. Point the link at the settings file, or give the file's own path.` };
    if (code === 'ELOOP') return { kind: 'refused', message: `${file} is a symbolic link that leads in a circle, so nothing was written. Give the settings file's own path.` };
    throw err;
  }
  const stat = await fs.stat(target);
  return stat.isFile() ? { kind: 'file', realPath: target, stat, linkedFrom: file } : { kind: 'refused', message: notRegularMessage(file, stat, target) };
}

function permissionText(mode: number): string {
  const bits = 'rwxrwxrwx';
  let text = '';
  for (let i = 0; i < 9; i++) text += mode & (1 << (8 - i)) ? bits[i] : '-';
  return text;
}

/**
 * Whether the permission bits let the current user write the file: the owner's bits for the
 * owner, the group's for a member, the others' for everyone else. Root, whom the kernel lets
 * write anything, is refused a file without any write bit (`chmod 444` is a decision to respect).
 */
export function writeBitsAllow(stat: Pick<Stats, 'mode' | 'uid' | 'gid'>): boolean {
  if (typeof process.getuid !== 'function') return (stat.mode & 0o200) !== 0; // Windows: the read-only attribute
  const uid = process.getuid();
  if (uid === 0) return (stat.mode & 0o222) !== 0;
  if (stat.uid === uid) return (stat.mode & 0o200) !== 0;
  const groups = new Set([process.getgid?.(), ...(process.getgroups?.() ?? [])]);
  if (groups.has(stat.gid)) return (stat.mode & 0o020) !== 0;
  return (stat.mode & 0o002) !== 0;
}

/** A sentence when the file may not be written by its permission bits, else undefined. */
export async function writeRefusal(file: string, stat: Stats): Promise<string | undefined> {
  const readOnly = `${file} is read-only (${permissionText(stat.mode & 0o777)}), so nothing was written. Make it writable (chmod u+w ${file}) if the credentials belong in it, or copy them instead.`;
  if (!writeBitsAllow(stat)) return readOnly;
  if (process.getuid?.() !== 0) {
    // ACLs and read-only mounts: the kernel's own answer too.
    const allowed = await fs.access(file, constants.W_OK).then(() => true, () => false);
    if (!allowed) return readOnly;
  }
  return undefined;
}

/** For a file about to be created: its folder must exist, be a folder, and be writable. */
export async function createRefusal(file: string, folder: string): Promise<string | undefined> {
  const stat = await fs.stat(folder).catch(() => undefined);
  if (!stat) return `The folder ${folder} does not exist, so ${file} could not be created. Create the folder first, or check the path.`;
  if (!stat.isDirectory()) return `${folder} is not a folder, so ${file} could not be created there. Check the path.`;
  if (!writeBitsAllow(stat)) return `The folder ${folder} is read-only, so ${file} could not be created. Make the folder writable, or choose another file.`;
  return undefined;
}
