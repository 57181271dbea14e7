/**
 * `.gitignore`: is `.env` ignored, and the edit that ignores it. A small matcher for the
 * patterns people use for env files (`.env`, `.env*`, `*.env`, `/.env`, `**\/.env`, `!...`);
 * the caller may ask git instead and pass `dotenvIgnored`.
 */
import type { FileChange, TextEdit } from './types';
import { appendLines } from './text/edits';
import { TextIndex } from './text/textIndex';

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches any number of directories, a trailing `**` anything.
        source += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
        i += glob[i + 2] === '/' ? 2 : 1;
      } else {
        source += '[^/]*';
      }
    } else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close === -1) source += '\\[';
      else {
        source += `[${glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (c === '\\' && i + 1 < glob.length) {
      source += glob[++i].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    } else source += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/**
 * Whether `relativePath` (a file, relative to the .gitignore's folder, `/`-separated) is
 * ignored. The last matching pattern wins, as in git.
 */
export function isIgnoredBy(gitignoreText: string, relativePath: string): boolean {
  const path = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  const base = path.split('/').pop() ?? path;
  let ignored = false;
  for (const rawLine of gitignoreText.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)) {
    let line = rawLine.replace(/(?<!\\)\s+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    if (line.endsWith('/')) continue; // directory-only pattern: never this file
    const anchored = line.includes('/');
    const pattern = globToRegExp(line.replace(/^\//, ''));
    const matches = anchored ? pattern.test(path) : pattern.test(base);
    if (matches) ignored = !negate;
  }
  return ignored;
}

/**
 * The change that makes git ignore `entry` (default `.env`): nothing when already ignored,
 * a new file when there is no .gitignore (`gitignoreText` null/undefined).
 */
export function planGitignoreEntry(gitignoreText: string | null | undefined, entry = '.env', fileName = '.gitignore'): FileChange & { alreadyIgnored: boolean } {
  const text = gitignoreText ?? '';
  const create = gitignoreText === null || gitignoreText === undefined;
  if (!create && isIgnoredBy(text, entry)) return { fileName, create, edits: [], alreadyIgnored: true };
  const index = new TextIndex(text);
  const edit: TextEdit = appendLines(index, [entry], false);
  return { fileName, create, edits: [edit], alreadyIgnored: false };
}
