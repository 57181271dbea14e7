/**
 * Whether git tracks or ignores workspace files, for the doctor's "is .env ignored?" and "is a
 * secret committed?" checks. The built-in git extension answers "ignored" when it is enabled
 * and knows the folder; otherwise (git disabled, no extension host git) git itself is asked.
 * Every failure (no git, not a repository) means "unknown", never an error: the doctor then
 * reads .gitignore instead.
 */
import { execFile } from 'child_process';
import * as vscode from 'vscode';

export interface GitFileState {
  tracked?: boolean;
  ignored?: boolean;
}

const GIT_TIMEOUT_MS = 5000;

/** States by folder-relative, `/`-separated path; a path missing from the map is unknown. */
export async function gitStates(folder: vscode.Uri, relativePaths: readonly string[]): Promise<Map<string, GitFileState>> {
  const states = new Map<string, GitFileState>();
  if (folder.scheme !== 'file' || relativePaths.length === 0) {
    return states;
  }
  const gitPath = gitExtensionPath() ?? 'git';
  const insideRepository = (await runGit(gitPath, folder.fsPath, ['rev-parse', '--is-inside-work-tree'])).stdout.trim() === 'true';
  if (!insideRepository) {
    return states;
  }
  const tracked = await trackedFiles(gitPath, folder.fsPath, relativePaths);
  const ignored = (await ignoredByGitExtension(folder, relativePaths)) ?? (await ignoredByGit(gitPath, folder.fsPath, relativePaths));
  for (const path of relativePaths) {
    states.set(path, {
      ...(tracked ? { tracked: tracked.has(path) } : {}),
      ...(ignored ? { ignored: ignored.has(path) } : {}),
    });
  }
  return states;
}

async function trackedFiles(gitPath: string, cwd: string, paths: readonly string[]): Promise<Set<string> | undefined> {
  const result = await runGit(gitPath, cwd, ['ls-files', '-z', '--', ...paths]);
  return result.ok ? new Set(result.stdout.split('\0').filter(Boolean)) : undefined;
}

/**
 * `git check-ignore` exits 1 when nothing is ignored, which is an answer, not a failure. It
 * takes `-z` only together with `--stdin`, so the answer comes one path a line.
 */
async function ignoredByGit(gitPath: string, cwd: string, paths: readonly string[]): Promise<Set<string> | undefined> {
  const result = await runGit(gitPath, cwd, ['check-ignore', '--', ...paths]);
  if (!result.ok && result.code !== 1) {
    return undefined;
  }
  return new Set(result.stdout.split(/\r?\n/).filter(Boolean));
}

// ---- the built-in git extension (vscode.git), typed by the little used here ----

interface GitRepository {
  rootUri: vscode.Uri;
  checkIgnore?(paths: string[]): Promise<Set<string>>;
}

interface GitApi {
  git: { path: string };
  getRepository(uri: vscode.Uri): GitRepository | null;
}

interface GitExtension {
  enabled: boolean;
  getAPI(version: 1): GitApi;
}

function gitApi(): GitApi | undefined {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension?.isActive || !extension.exports?.enabled) {
    return undefined;
  }
  try {
    return extension.exports.getAPI(1);
  } catch {
    return undefined;
  }
}

function gitExtensionPath(): string | undefined {
  return gitApi()?.git.path;
}

async function ignoredByGitExtension(folder: vscode.Uri, paths: readonly string[]): Promise<Set<string> | undefined> {
  const repository = gitApi()?.getRepository(folder);
  if (!repository?.checkIgnore) {
    return undefined;
  }
  try {
    const absolute = paths.map((p) => vscode.Uri.joinPath(folder, ...p.split('/')).fsPath);
    const ignored = await repository.checkIgnore(absolute);
    return new Set(paths.filter((_, i) => ignored.has(absolute[i])));
  } catch {
    return undefined;
  }
}

// ---- git itself ----

interface GitResult {
  ok: boolean;
  code?: number;
  stdout: string;
}

function runGit(gitPath: string, cwd: string, args: string[]): Promise<GitResult> {
  return new Promise((resolve) => {
    execFile(gitPath, args, { cwd, timeout: GIT_TIMEOUT_MS, windowsHide: true, maxBuffer: 4 * 1024 * 1024 }, (err, stdout) => {
      if (!err) {
        resolve({ ok: true, code: 0, stdout: String(stdout) });
        return;
      }
      const code = typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : undefined;
      resolve({ ok: false, code, stdout: String(stdout ?? '') });
    });
  });
}
