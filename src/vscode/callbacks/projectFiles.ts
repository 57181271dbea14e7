/**
 * The workspace files the callback rehearsal reads, best effort: Django urls.py and views,
 * Laravel routes/*.php, JavaScript/TypeScript entry files for Express. Bounded in count and
 * size; dependency folders are skipped.
 */
import * as vscode from 'vscode';
import type { ProjectFile } from '../../core/callbacks';

const GLOBS = ['**/urls.py', '**/views.py', '**/views/*.py', '**/routes/*.php', '**/*.{js,ts,mjs,cjs}'];
const EXCLUDE = '**/{node_modules,.git,.venv,venv,.tox,site-packages,__pycache__,vendor,dist,out,build,.vscode-test}/**';
const MAX_FILES_PER_GLOB = 150;
const MAX_FILE_BYTES = 256 * 1024;

export async function readProjectFiles(): Promise<ProjectFile[]> {
  const files: ProjectFile[] = [];
  const seen = new Set<string>();
  for (const glob of GLOBS) {
    for (const uri of await vscode.workspace.findFiles(glob, EXCLUDE, MAX_FILES_PER_GLOB)) {
      if (seen.has(uri.toString())) continue;
      seen.add(uri.toString());
      const text = await readBounded(uri);
      if (text !== undefined) files.push({ fileName: vscode.workspace.asRelativePath(uri, false), text });
    }
  }
  return files;
}

/** The workspace file of a relative name, as readProjectFiles named it. */
export async function uriOfProjectFile(fileName: string): Promise<vscode.Uri | undefined> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const candidate = vscode.Uri.joinPath(folder.uri, fileName);
    try {
      await vscode.workspace.fs.stat(candidate);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  const [found] = await vscode.workspace.findFiles(new vscode.RelativePattern(vscode.workspace.workspaceFolders?.[0] ?? '', fileName), undefined, 1);
  return found;
}

async function readBounded(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_FILE_BYTES) return undefined;
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
