/**
 * src/vscode's folders form a stack (CONTRIBUTING.md, "Layout"): a folder may import the shared
 * modules at the src/vscode root and the folders below it in STACK, never one above it, so no
 * arrow climbs back. The root's shared modules import no folder; only the entries of the lazily
 * loaded bundles (features.ts, settingsChunk.ts, quickFixChunk.ts) gather them.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const VSCODE_DIR = path.join(__dirname, '..', '..', '..', '..', 'src', 'vscode');
/** Bottom first. */
const STACK = ['trust', 'ui', 'tree', 'callbacks', 'doctor', 'settings', 'commands', 'setup'];
const ROOT_ENTRY_POINTS = new Set(['features.ts', 'settingsChunk.ts', 'quickFixChunk.ts']);
const IMPORT = /(?:from|import)\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? tsFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The folder of src/vscode a file is in ('' for the root), or undefined outside src/vscode. */
function folderOf(file: string): string | undefined {
  const relative = path.relative(VSCODE_DIR, file);
  if (relative.startsWith('..')) return undefined;
  const parts = relative.split(path.sep);
  return parts.length > 1 ? parts[0] : '';
}

/** Every import of one src/vscode folder (or the root) from another, as "from → to (file: specifier)". */
function crossFolderImports(): Array<{ from: string; to: string; where: string }> {
  return tsFiles(VSCODE_DIR).flatMap((file) => {
    const from = folderOf(file) as string;
    return [...fs.readFileSync(file, 'utf8').matchAll(IMPORT)].flatMap((match) => {
      const to = folderOf(path.resolve(path.dirname(file), match[1]));
      return to === undefined || to === from || to === '' ? [] : [{ from, to, where: `${path.relative(VSCODE_DIR, file)}: '${match[1]}'` }];
    });
  });
}

describe('src/vscode folder layers', () => {
  const imports = crossFolderImports();

  it('finds the imports it checks', () => {
    assert.ok(imports.length > 20, `only ${imports.length} cross-folder imports found: is the pattern still right?`);
  });

  it('knows every folder', () => {
    const folders = fs.readdirSync(VSCODE_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    assert.deepStrictEqual(folders.filter((f) => !STACK.includes(f)), [], 'add the new folder to STACK, above what it imports');
  });

  it('has no folder importing one at or above its own level', () => {
    const climbing = imports.filter((i) => i.from !== '' && STACK.indexOf(i.to) >= STACK.indexOf(i.from));
    assert.deepStrictEqual(climbing.map((i) => `${i.from} → ${i.to} (${i.where})`), []);
  });

  it('keeps the shared modules at the root free of the folders (features.ts gathers them)', () => {
    const fromRoot = imports.filter((i) => i.from === '' && !ROOT_ENTRY_POINTS.has(i.where.split(':')[0]));
    assert.deepStrictEqual(fromRoot.map((i) => `${i.to} (${i.where})`), []);
  });
});
