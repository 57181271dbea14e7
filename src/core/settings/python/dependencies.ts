/**
 * A package the settings now need (python-dotenv for load_dotenv()) added to the project's
 * dependency file, so installing the project brings it and Django does not stop at the import.
 * Pure: the caller reads and writes the files. Names compare the PEP 503 way (case, and runs of
 * `-`, `_`, `.` alike), so `Python_Dotenv[cli]==1.0`, `python-dotenv = "^1.0"` (Poetry) and
 * `"python-dotenv>=1"` (PEP 621) all count as listed; a listed package is never added twice.
 */
import { appendLines, insertLinesAfter, makeEdit } from '../text/edits';
import { TextIndex } from '../text/textIndex';
import type { TextEdit } from '../types';

/** Lines longer than this are not read (no dependency line is this long). */
const MAX_LINE = 500;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*/;

/** requirements.txt: the edit that appends `packageName`, or none when a line already requires it. */
export function requirementsEdits(text: string, packageName: string): TextEdit[] {
  const wanted = normalize(packageName);
  const listed = lines(text).some((line) => {
    const spec = line.split('#')[0]?.trim() ?? '';
    const name = NAME.exec(spec)?.[0];
    return name !== undefined && normalize(name) === wanted;
  });
  return listed ? [] : [appendLines(new TextIndex(text), [packageName], false)];
}

/**
 * pyproject.toml: none when any table names the package already; else the edit that adds it to
 * `[tool.poetry.dependencies]` or to `[project]`'s `dependencies` array; undefined when the file
 * has neither (the person is told to add it).
 */
export function pyprojectEdits(text: string, packageName: string): TextEdit[] | undefined {
  if (pyprojectLists(text, packageName)) return [];
  const index = new TextIndex(text);
  const all = lines(text);
  const poetry = table(all, 'tool.poetry.dependencies');
  if (poetry) {
    const last = [...poetry.body].reverse().find((line) => all[line].trim() !== '') ?? poetry.header;
    return [insertLinesAfter(index, last, [`${packageName} = ">=1.0"`])];
  }
  const line = (table(all, 'project')?.body ?? []).find((l) => /^\s*dependencies\s*=\s*\[/.test(all[l]));
  if (line === undefined) return undefined;
  const open = index.lineStarts[line] + all[line].indexOf('[');
  const rest = all[line].slice(all[line].indexOf('[') + 1);
  const close = rest.indexOf(']');
  if (close >= 0) {
    // One-line array: the package goes last, after a comma unless the array is empty or ends with one.
    const inside = rest.slice(0, close).trim();
    const entry = inside === '' ? `"${packageName}"` : inside.endsWith(',') ? ` "${packageName}"` : `, "${packageName}"`;
    const at = open + 1 + rest.slice(0, close).trimEnd().length;
    return [makeEdit(index, at, at, entry)];
  }
  if (rest.trim() !== '') return undefined; // an entry on the opening line: not a layout worth guessing
  const indent = /^\s*/.exec(all[line + 1] ?? '')?.[0] || '    ';
  return [insertLinesAfter(index, line, [`${indent}"${packageName}",`])];
}

function pyprojectLists(text: string, packageName: string): boolean {
  const wanted = normalize(packageName);
  return lines(text).some((line) => {
    const code = line.trim();
    if (code.startsWith('#') || code.startsWith('[')) return false;
    const key = /^["']?([A-Za-z0-9][A-Za-z0-9._-]*)["']?\s*=/.exec(code)?.[1];
    if (key !== undefined && normalize(key) === wanted) return true;
    // Quoted requirement strings: "python-dotenv>=1.0", 'python_dotenv[cli]'.
    for (const quoted of code.matchAll(/["']([A-Za-z0-9][A-Za-z0-9._-]*)/g)) {
      if (normalize(quoted[1]) === wanted) return true;
    }
    return false;
  });
}

/** A TOML table's header line and the lines of its body (up to the next header), or undefined. */
function table(all: string[], name: string): { header: number; body: number[] } | undefined {
  const header = all.findIndex((line) => line.trim() === `[${name}]`);
  if (header < 0) return undefined;
  const body: number[] = [];
  for (let line = header + 1; line < all.length && !/^\s*\[/.test(all[line]); line++) body.push(line);
  return { header, body };
}

function lines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map((line) => (line.length > MAX_LINE ? '' : line));
}

/** PEP 503: names compare case-insensitively, with runs of `-`, `_` and `.` alike. */
function normalize(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}
