/**
 * The workspace half of the doctor: finds the settings files (Python, .env*, appsettings*.json),
 * reads them as the editor has them (unsaved changes included), asks git whether each is
 * tracked or ignored (or, without git, reads every .gitignore on the way to it), and hands all
 * of it to the core's workspaceFindings. The texts are kept
 * as a snapshot so a fix from the report can tell whether the file changed since.
 */
import * as vscode from 'vscode';
import { workspaceFindings, type DoctorFinding, type WorkspaceFile } from '../../core/doctor';
import { isIgnoredBy } from '../../core/settings';
import { currentText, openDocument } from '../documentText';
import { gitStates } from '../gitState';

const SETTINGS_GLOBS = ['**/*.py', '**/.env*', '**/appsettings*.json'];
const EXCLUDE_GLOB = '**/{node_modules,.git,.venv,venv,.tox,site-packages,__pycache__,.mypy_cache}/**';
const MAX_FILES_PER_GLOB = 400;
const MAX_FILE_BYTES = 256 * 1024;

export interface ScannedFile {
  uri: vscode.Uri;
  /** The text the findings were computed on (no BOM, like TextDocument.getText()). */
  text: string;
}

/** Display name (folder-relative, prefixed with the folder's name in a multi-root workspace) → file. */
export interface WorkspaceSnapshot {
  files: Map<string, ScannedFile>;
  /** Per folder: its .gitignore as scanned; null when there is none. */
  gitignores: Map<string, { uri: vscode.Uri; text: string | null }>;
  /** The folder each display name belongs to, for fixes that touch .env and .gitignore beside it. */
  folderOf: Map<string, vscode.WorkspaceFolder>;
}

export interface WorkspaceScan {
  findings: DoctorFinding[];
  snapshot: WorkspaceSnapshot;
}

export async function scanWorkspace(options: { knownProductionSecrets?: string[]; signal?: AbortSignal } = {}): Promise<WorkspaceScan> {
  const snapshot: WorkspaceSnapshot = { files: new Map(), gitignores: new Map(), folderOf: new Map() };
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    const message = vscode.l10n.t('No folder is open, so no settings file was checked. Open your project folder and run the doctor again.');
    return { findings: [{ check: 'workspace.files', ok: true, severity: 'info', message }], snapshot };
  }
  const findings: DoctorFinding[] = [];
  for (const folder of folders) {
    if (options.signal?.aborted) {
      break;
    }
    const prefix = folders.length > 1 ? `${folder.name}/` : '';
    const files = await readSettingsFiles(folder);
    const states = await gitStates(folder.uri, files.map((f) => f.relativePath));
    const gitignoreUri = vscode.Uri.joinPath(folder.uri, '.gitignore');
    const gitignoreText = await currentText(gitignoreUri);
    snapshot.gitignores.set(folder.uri.toString(), { uri: gitignoreUri, text: gitignoreText ?? null });

    const gitignores = await gitignoreChain(folder);
    const workspaceFiles: WorkspaceFile[] = files.map((file) => {
      const state = states.get(file.relativePath);
      const ignored = state?.ignored ?? ignoredByGitignores(file.relativePath, gitignores);
      snapshot.files.set(prefix + file.relativePath, { uri: file.uri, text: file.text });
      snapshot.folderOf.set(prefix + file.relativePath, folder);
      return {
        fileName: prefix + file.relativePath,
        text: file.text,
        ...(file.languageId ? { languageId: file.languageId } : {}),
        ...(state?.tracked !== undefined ? { tracked: state.tracked } : {}),
        ...(ignored !== undefined ? { ignored } : {}),
      };
    });
    findings.push(...workspaceFindings(workspaceFiles, { gitignoreText: gitignoreText ?? null, knownProductionSecrets: options.knownProductionSecrets }));
  }
  return { findings: keepOneNothingFound(findings), snapshot };
}

interface FoundFile {
  uri: vscode.Uri;
  relativePath: string;
  text: string;
  languageId?: string;
}

async function readSettingsFiles(folder: vscode.WorkspaceFolder): Promise<FoundFile[]> {
  const seen = new Set<string>();
  const found: FoundFile[] = [];
  for (const glob of SETTINGS_GLOBS) {
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), EXCLUDE_GLOB, MAX_FILES_PER_GLOB);
    for (const uri of uris.sort((a, b) => a.path.localeCompare(b.path))) {
      if (seen.has(uri.toString())) {
        continue;
      }
      seen.add(uri.toString());
      const open = openDocument(uri);
      const text = await currentText(uri, MAX_FILE_BYTES);
      if (text === undefined) {
        continue;
      }
      const relativePath = vscode.workspace.asRelativePath(uri, false);
      found.push({ uri, relativePath, text, ...(open ? { languageId: open.languageId } : {}) });
    }
  }
  return found;
}

interface Gitignore {
  /** Folder-relative directory of the .gitignore; '' for the folder itself. */
  dir: string;
  text: string;
}

/** Every .gitignore of the folder (nested ones too): what git would apply when git itself cannot be asked. */
async function gitignoreChain(folder: vscode.WorkspaceFolder): Promise<Gitignore[]> {
  const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/.gitignore'), EXCLUDE_GLOB, MAX_FILES_PER_GLOB);
  const found: Gitignore[] = [];
  for (const uri of uris) {
    const text = await currentText(uri, MAX_FILE_BYTES);
    if (text !== undefined) {
      const relative = vscode.workspace.asRelativePath(uri, false);
      found.push({ dir: relative === '.gitignore' ? '' : relative.slice(0, -'/.gitignore'.length), text });
    }
  }
  return found;
}

/** undefined when no .gitignore applies: then the core reads the root one (or knows there is none). */
function ignoredByGitignores(relativePath: string, gitignores: readonly Gitignore[]): boolean | undefined {
  const applicable = gitignores.filter((g) => g.dir === '' || relativePath.startsWith(`${g.dir}/`));
  if (applicable.length === 0) {
    return undefined;
  }
  return applicable.some((g) => isIgnoredBy(g.text, g.dir ? relativePath.slice(g.dir.length + 1) : relativePath));
}

/** In a multi-root workspace each folder may say "nothing found"; once is enough when none has anything. */
function keepOneNothingFound(findings: DoctorFinding[]): DoctorFinding[] {
  const nothing = findings.filter((f) => f.check === 'workspace.files' && !f.subject);
  if (nothing.length <= 1) {
    return findings;
  }
  const rest = findings.filter((f) => !nothing.includes(f));
  return rest.length > 0 ? rest : [nothing[0]];
}
