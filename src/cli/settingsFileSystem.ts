/**
 * The file system side of `write-settings`: reading the files a plan is made on, finding the
 * project folder (where .env belongs) and the .gitignore that applies. Writing is
 * src/core/files/safeFile.ts's.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { SettingsFileError } from '../core/files/fileErrors';
import { readRegularBytes } from '../core/files/safeFile';
import { DJANGO_ENTRY_FILES, isProjectMarker, loadsDotenvForSettings } from '../core/settings/project';

/** Outside a repository, how far up a marker is looked for. */
const LEVELS_OUTSIDE_REPOSITORY = 3;

/**
 * The text of a regular file, or undefined when there is none (or it is a pipe, a device or a
 * folder: those are never opened, so nothing here can block). Other errors are thrown.
 */
export async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return (await readRegularBytes(file))?.toString('utf8');
  } catch (err) {
    if (err instanceof SettingsFileError && !err.code) return undefined; // not a regular file
    throw err;
  }
}

async function hasProjectMarker(dir: string): Promise<boolean> {
  const entries = await fs.readdir(dir).catch(() => [] as string[]);
  return entries.some(isProjectMarker);
}

/** The nearest folder with a project marker, from the file's own up to the repository's top (or a few levels). */
export async function findProjectDir(fileDir: string, repositoryTop: string | undefined): Promise<string> {
  let dir = fileDir;
  for (let level = 0; ; level++) {
    if (await hasProjectMarker(dir)) return dir;
    const parent = path.dirname(dir);
    const atTop = repositoryTop ? path.relative(repositoryTop, dir) === '' : level >= LEVELS_OUTSIDE_REPOSITORY;
    if (atTop || parent === dir) return repositoryTop ?? fileDir;
    dir = parent;
  }
}

/** The nearest existing .gitignore from `dir` up to the repository's top; else a new one in `dir`. */
export async function findGitignore(dir: string, repositoryTop: string | undefined): Promise<string> {
  for (let current = dir; repositoryTop && !path.relative(repositoryTop, current).startsWith('..'); current = path.dirname(current)) {
    const candidate = path.join(current, '.gitignore');
    if ((await readIfExists(candidate)) !== undefined) return candidate;
    if (path.dirname(current) === current || path.relative(repositoryTop, current) === '') break;
  }
  return path.join(dir, '.gitignore');
}

/** Django loads settings through manage.py, wsgi.py or asgi.py: a loader there covers settings.py too. */
export async function dotenvLoadedElsewhere(settingsFile: string, projectDir: string): Promise<boolean> {
  const candidates = [
    ...DJANGO_ENTRY_FILES.inProject.map((name) => path.join(projectDir, name)),
    ...DJANGO_ENTRY_FILES.besideSettings.map((name) => path.join(path.dirname(settingsFile), name)),
  ];
  for (const file of candidates) {
    if (path.resolve(file) === path.resolve(settingsFile)) continue;
    const text = await readIfExists(file).catch(() => undefined);
    if (text !== undefined && loadsDotenvForSettings(text)) return true;
  }
  return false;
}
