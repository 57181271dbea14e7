/**
 * Everything about a settings file's surroundings that the planner needs and cannot know:
 * the project folder (where .env belongs), the .env and .gitignore texts, what git says about
 * the file and about .env, and whether manage.py / wsgi.py already load .env.
 *
 * Git answers come from the doctor's helper (the built-in git extension when it is enabled,
 * else `git` itself, run in the file's folder). No git, or a folder outside a repository,
 * means "not tracked": then nothing is reported as a committed secret, and reference mode is
 * only used when asked for.
 */
import { promises as fs } from 'fs';
import * as vscode from 'vscode';
import type { FindingOptions, PlanOptions, SettingsDocument } from '../../core/settings';
import { detectDialect, DJANGO_ENTRY_FILES, isIgnoredBy, isProjectMarker, loadsDotenvForSettings } from '../../core/settings';
import { currentText } from '../documentText';
import { gitStates, type GitFileState } from '../gitState';
import { fileRefusal } from '../fileSafety';
import type { LocateChange, PlannedFileChange } from '../settingsWriter';

const GIT_CACHE_MS = 15_000;

export interface FileText {
  uri: vscode.Uri;
  /** undefined: the file does not exist (yet). */
  text: string | undefined;
}

export interface ProjectContext {
  projectDir: vscode.Uri;
  /** What git says about the settings file; inRepository false means git gave no answer. */
  git: GitFileState & { inRepository: boolean };
  dotenv: FileText;
  gitignore: FileText;
  /** git check-ignore's answer for .env; undefined when git gave none (then .gitignore is read). */
  dotenvIgnored?: boolean;
  dotenvLoadedElsewhere: boolean;
}

/**
 * 'peek' reads open documents or the disk without opening anything (diagnostics);
 * 'open' opens the documents the edit will change, so plans fit VS Code's own text models.
 */
export type ReadStrategy = 'peek' | 'open';

const gitCache = new Map<string, { at: number; state: Promise<GitFileState & { inRepository: boolean }> }>();

/** Forget git answers, e.g. after .gitignore changed or files were added or removed. */
export function forgetGitAnswers(): void {
  gitCache.clear();
}

/** undefined for documents that are not files on disk (untitled, virtual): they have no project folder. */
export async function projectContextFor(document: { uri: vscode.Uri; fileName: string }, read: ReadStrategy): Promise<ProjectContext | undefined> {
  if (document.uri.scheme !== 'file') {
    return undefined;
  }
  const fileDir = vscode.Uri.joinPath(document.uri, '..');
  const projectDir = await findProjectDir(fileDir);
  const dotenvUri = vscode.Uri.joinPath(projectDir, '.env');
  const gitignoreUri = await findGitignore(projectDir);
  const [fileGit, dotenvGit, dotenvText, gitignoreText, loadedElsewhere] = await Promise.all([
    gitStateOf(document.uri),
    gitStateOf(dotenvUri),
    readText(dotenvUri, read),
    readText(gitignoreUri, read),
    isDotenvLoadedElsewhere(document, projectDir),
  ]);
  // When git knows the repository but gave no "ignored" answer, the .gitignore beside it decides.
  const git = fileGit.inRepository && fileGit.ignored === undefined ? { ...fileGit, ignored: ignoredByText(gitignoreUri, gitignoreText, document.uri) } : fileGit;
  return {
    projectDir,
    git,
    dotenv: { uri: dotenvUri, text: dotenvText },
    gitignore: { uri: gitignoreUri, text: gitignoreText },
    ...(dotenvGit.inRepository && dotenvGit.ignored !== undefined ? { dotenvIgnored: dotenvGit.ignored } : {}),
    dotenvLoadedElsewhere: loadedElsewhere,
  };
}

function ignoredByText(gitignoreUri: vscode.Uri, gitignoreText: string | undefined, file: vscode.Uri): boolean {
  const base = gitignoreUri.path.slice(0, gitignoreUri.path.lastIndexOf('/') + 1);
  return gitignoreText !== undefined && file.path.startsWith(base) && isIgnoredBy(gitignoreText, file.path.slice(base.length));
}

/**
 * What the planner and the detector get. A dotenv file counts as exposed when git tracks it or
 * would take it with the next `git add` (in a repository and not ignored).
 */
export function findingOptions(document: SettingsDocument, context: ProjectContext | undefined, knownProductionSecrets: string[] = []): FindingOptions {
  if (!context) {
    // Not a file on disk: nothing is tracked, and no .env or .gitignore change can be placed.
    return { tracked: false, knownProductionSecrets };
  }
  const dotenvFile = detectDialect(document).dialect === 'dotenv';
  const { git } = context;
  const tracked = git.inRepository && (git.tracked === true || (dotenvFile && git.ignored === false));
  return {
    tracked,
    ignored: git.ignored === true,
    knownProductionSecrets,
    ...(context.dotenv.text !== undefined ? { dotenv: { text: context.dotenv.text, fileName: '.env' } } : { dotenvMissing: true }),
    gitignoreText: context.gitignore.text ?? null,
    ...(context.dotenvIgnored !== undefined ? { dotenvIgnored: context.dotenvIgnored } : {}),
    dotenvLoadedElsewhere: context.dotenvLoadedElsewhere,
  };
}

export function planOptions(document: SettingsDocument, context: ProjectContext | undefined, extra: Pick<PlanOptions, 'mode' | 'names'>): PlanOptions {
  const options: PlanOptions = { ...findingOptions(document, context) };
  delete (options as FindingOptions).knownProductionSecrets;
  // Without a project folder there is no .env to write to: values go into the document itself.
  const mode = context ? extra.mode : 'value';
  // .gitignore only means something inside a git work tree: outside one it is never created.
  if (!context?.git.inRepository) {
    delete options.gitignoreText;
  }
  return { ...options, ...(mode ? { mode } : {}), ...(extra.names ? { names: extra.names } : {}) };
}

/** A project file's text, or undefined when it does not exist or is no regular file. */
export async function readText(uri: vscode.Uri, read: ReadStrategy): Promise<string | undefined> {
  if (await fileRefusal(uri, false)) {
    return undefined; // a pipe or a device is never opened; the edit that would touch it is refused later
  }
  if (read === 'peek') {
    return currentText(uri);
  }
  try {
    return (await vscode.workspace.openTextDocument(uri)).getText();
  } catch {
    return undefined;
  }
}

function gitStateOf(uri: vscode.Uri): Promise<GitFileState & { inRepository: boolean }> {
  const key = uri.toString();
  const cached = gitCache.get(key);
  if (cached && Date.now() - cached.at < GIT_CACHE_MS) {
    return cached.state;
  }
  const name = uri.path.split('/').pop() ?? '';
  const state = gitStates(vscode.Uri.joinPath(uri, '..'), [name]).then(
    (states) => {
      const answer = states.get(name);
      return { ...answer, inRepository: answer !== undefined };
    },
    () => ({ inRepository: false }),
  );
  gitCache.set(key, { at: Date.now(), state });
  return state;
}

/** The nearest folder, from the file's own up to its workspace folder, that holds a project marker. */
async function findProjectDir(fileDir: vscode.Uri): Promise<vscode.Uri> {
  const root = vscode.workspace.getWorkspaceFolder(fileDir)?.uri;
  if (!root || fileDir.scheme !== 'file') {
    return root ?? fileDir;
  }
  for (let dir = fileDir; ; dir = vscode.Uri.joinPath(dir, '..')) {
    if (await hasProjectMarker(dir)) {
      return dir;
    }
    if (dir.path === root.path || !dir.path.startsWith(root.path) || dir.path === '/') {
      return root;
    }
  }
}

// Node's fs for file: URIs (only those get here): VS Code's fs API logs every failed read as a
// warning, and a folder deleted under an open document is an ordinary case, not news.
async function hasProjectMarker(dir: vscode.Uri): Promise<boolean> {
  const names = await fs.readdir(dir.fsPath).catch(() => [] as string[]);
  return names.some(isProjectMarker);
}

/** The nearest existing .gitignore at or above the project folder (within the workspace), else a new one there. */
async function findGitignore(projectDir: vscode.Uri): Promise<vscode.Uri> {
  const root = vscode.workspace.getWorkspaceFolder(projectDir)?.uri;
  for (let dir = projectDir; root && dir.path.startsWith(root.path); dir = vscode.Uri.joinPath(dir, '..')) {
    const candidate = vscode.Uri.joinPath(dir, '.gitignore');
    if (await exists(candidate)) {
      return candidate;
    }
    if (dir.path === root.path || dir.path === '/') {
      break;
    }
  }
  return vscode.Uri.joinPath(projectDir, '.gitignore');
}

/** Django loads settings through manage.py, wsgi.py or asgi.py: a loader there covers settings.py too. */
async function isDotenvLoadedElsewhere(document: { uri: vscode.Uri; fileName: string }, projectDir: vscode.Uri): Promise<boolean> {
  if (detectDialect({ fileName: document.fileName }).dialect !== 'python') {
    return false;
  }
  const fileDir = vscode.Uri.joinPath(document.uri, '..');
  const candidates = [
    ...DJANGO_ENTRY_FILES.inProject.map((name) => vscode.Uri.joinPath(projectDir, name)),
    ...DJANGO_ENTRY_FILES.besideSettings.map((name) => vscode.Uri.joinPath(fileDir, name)),
  ];
  for (const uri of candidates) {
    if (uri.toString() === document.uri.toString()) {
      continue;
    }
    const text = await currentText(uri, 256 * 1024);
    if (text !== undefined && loadsDotenvForSettings(text)) {
      return true;
    }
  }
  return false;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return fs.stat(uri.fsPath).then(
    () => true,
    () => false,
  );
}

/** Locates the .env and .gitignore changes a plan or quick fix makes in this project (for settingsWriter.fileChangesToApply). */
export function locateInProject(context: ProjectContext | undefined): LocateChange<PlannedFileChange> | undefined {
  if (!context) return undefined;
  return (change, file) => ({ uri: context[file].uri, expected: change.create ? undefined : context[file].text, edits: change.edits });
}
