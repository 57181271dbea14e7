/**
 * File system errors as sentences that name the file and say what to do, instead of
 * `ENOENT: no such file or directory, open '…/..env.7d90….tmp'`.
 */
import * as path from 'node:path';

export class SettingsFileError extends Error {
  constructor(message: string, readonly code?: string) {
    super(message);
    this.name = 'SettingsFileError';
  }
}

/** Raised when a file is no longer what the plan was made on: plan again, or give up. */
export class FileChangedError extends Error {
  constructor(readonly file: string) {
    super(`${file} changed while the credentials were being written.`);
    this.name = 'FileChangedError';
  }
}

export type FileAction = 'read' | 'write' | 'create';

export function describeFileError(err: unknown, file: string, action: FileAction): string {
  if (err instanceof SettingsFileError) return err.message;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const folder = path.dirname(file);
  const verb = action === 'read' ? 'read' : action === 'create' ? 'created' : 'written';
  switch (code) {
    case 'ENOENT':
      return action === 'read'
        ? `${file} does not exist. Check the path.`
        : `${file} could not be ${verb}: its folder ${folder} does not exist (any more). Check the path, or create the folder, and run again.`;
    case 'ENOTDIR':
      return `${file} could not be ${verb}: a part of its path is a file, not a folder. Check the path.`;
    case 'EISDIR':
      return `${file} is a folder, not a settings file, so nothing was ${verb}. Give the path of the file inside it.`;
    case 'EACCES':
    case 'EPERM':
      return `${file} could not be ${verb}: permission denied. Check the permissions of the file and of ${folder}.`;
    case 'EROFS':
      return `${file} is on a read-only file system, so nothing was ${verb}. Write to a copy on a writable disk, or copy the values instead.`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `The disk holding ${file} is full, so it could not be ${verb}. Free some space and run again.`;
    case 'EBUSY':
      return `${file} is busy (mounted on its own, or held by another program), so it could not be ${verb}. Close what holds it, or write to the original file behind the mount.`;
    case 'ELOOP':
      return `${file} is a symbolic link that leads in a circle, so nothing was ${verb}. Give the settings file's own path.`;
    case 'ENAMETOOLONG':
      return `The path ${file} is too long, so nothing was ${verb}. Use a shorter path.`;
    case 'EMFILE':
    case 'ENFILE':
      return `Too many files are open to ${action} ${file} right now. Close some programs and run again.`;
    default:
      return `${file} could not be ${verb}${code ? ` (${code})` : ''}. Check the file and its folder, then run again.`;
  }
}
