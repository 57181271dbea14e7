// Set-up for the settings-file tests: each test gets its own small project folder under
// settings-tests/ (optionally a git repository with its files added), credentials stored
// straight into the store (no network), and helpers to wait for the MoMo diagnostics.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { randomBytes, randomUUID } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { MomoExtensionApi } from '../../../src/extension';
import { momoApi, resetExtension } from '../extension/testKit';
import { waitFor, workspaceFolder, workspaceUri, writeWorkspaceFile } from '../harness';

export const TESTS_DIR = 'settings-tests';
export const SANDBOX_COLLECTION = { environment: 'sandbox', product: 'collection' } as const;

/** The committed subscription key of the InzuLink fixture (a made-up value shaped like a real one). */
export const INZULINK_SUBSCRIPTION_KEY = '5b2e8d4a9c1f47e3b6d0a8c2e4f61937';

export function fixtureText(relPath: string): string {
  return fs.readFileSync(path.join(workspaceFolder().uri.fsPath, ...relPath.split('/')), 'utf8');
}

export async function readText(relPath: string): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(relPath)));
  } catch {
    return undefined;
  }
}

export function gitAvailable(): boolean {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * A project folder `settings-tests/<name>` with `files` (relative path → text). With `git`,
 * it becomes a repository with every file added, so git reports them as tracked.
 */
export async function makeProject(name: string, files: Record<string, string>, options: { git?: boolean } = {}): Promise<string> {
  const dir = `${TESTS_DIR}/${name}`;
  for (const [relPath, text] of Object.entries(files)) {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(workspaceUri(`${dir}/${relPath}`), '..'));
    await writeWorkspaceFile(`${dir}/${relPath}`, text);
  }
  if (options.git) {
    const cwd = workspaceUri(dir).fsPath;
    execFileSync('git', ['init', '-q'], { cwd });
    execFileSync('git', ['add', '-A'], { cwd });
  }
  return dir;
}

/** The InzuLink-like project of the fixture workspace, copied: manage.py, inzulink/settings.py, .gitignore (no .env in it). */
export function inzulinkFiles(): Record<string, string> {
  return {
    'manage.py': fixtureText('inzulink/manage.py'),
    'inzulink/settings.py': fixtureText('inzulink/inzulink/settings.py'),
    '.gitignore': fixtureText('inzulink/.gitignore'),
  };
}

export async function removeTestProjects(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.workspace.fs.delete(workspaceUri(TESTS_DIR), { recursive: true, useTrash: false }).then(undefined, () => undefined);
}

export async function open(relPath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relPath));
  return vscode.window.showTextDocument(document, { preview: false });
}

export function momoDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'MoMo');
}

/** Waits until the MoMo diagnostics of `uri` satisfy `ready`, and returns them. */
export async function waitForDiagnostics(uri: vscode.Uri, ready: (d: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 10_000): Promise<vscode.Diagnostic[]> {
  return waitFor(
    () => {
      const diagnostics = momoDiagnostics(uri);
      return ready(diagnostics) ? diagnostics : undefined;
    },
    timeoutMs,
    `${what} (now: ${momoDiagnostics(uri).map((d) => d.code).join(', ') || 'none'})`,
  );
}

export function codesOf(diagnostics: vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code)).sort();
}

export function diagnosticOn(diagnostics: vscode.Diagnostic[], code: string, line?: number): vscode.Diagnostic {
  const found = diagnostics.find((d) => d.code === code && (line === undefined || d.range.start.line === line));
  assert.ok(found, `no ${code} diagnostic${line === undefined ? '' : ` on line ${line + 1}`}; there are: ${codesOf(diagnostics).join(', ')}`);
  return found;
}

export async function quickFixesAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [];
  return actions.filter((a) => a.command?.command === 'momo.applySettingsFix');
}

export function actionTitled(actions: vscode.CodeAction[], title: string): vscode.CodeAction {
  const found = actions.find((a) => a.title === title);
  assert.ok(found, `no quick fix "${title}"; offered: ${actions.map((a) => a.title).join(' | ')}`);
  return found;
}

/** Runs a code action's command the way VS Code does when the person picks it. */
export async function applyAction<T = { ok: boolean; reason?: string }>(action: vscode.CodeAction): Promise<T> {
  assert.ok(action.command, `${action.title} has no command`);
  return (await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []))) as T;
}

/** What momo.insertIntoCurrentFile / momo.insertIntoSettings resolve to. */
export interface InsertResult {
  ok: boolean;
  reason?: string;
  file: string;
  mode: 'value' | 'reference';
  changed: boolean;
  dotenv?: string;
  gitignore?: string;
  loaderAdded: boolean;
}

export interface StoredUser {
  apiUser: string;
  apiKey: string;
  environment: string;
  product: 'collection';
}

/** Stores an API user and key directly (as "Add Existing API User" would), no network involved. */
export async function storeUser(api: MomoExtensionApi, environment = 'sandbox'): Promise<StoredUser> {
  const user: StoredUser = { apiUser: randomUUID(), apiKey: randomBytes(16).toString('hex'), environment, product: 'collection' };
  await api.store.saveApiUser({ environment, product: 'collection', apiUser: user.apiUser, createdAt: new Date().toISOString(), origin: 'added' }, user.apiKey);
  return user;
}

/**
 * The settings suites' before/after: a clean store with one stored sandbox user (its key added
 * to `secrets`), and the test projects and credentials removed after. Skipped without git.
 */
export function useStoredUser(secrets: Set<string>, ready: (api: MomoExtensionApi, user: StoredUser) => void): void {
  let api: MomoExtensionApi | undefined;
  before(async function () {
    if (!gitAvailable()) this.skip();
    api = await momoApi();
    await resetExtension(api);
    const user = await storeUser(api);
    secrets.add(user.apiKey);
    ready(api, user);
  });
  after(async () => {
    await removeTestProjects();
    if (api) await resetExtension(api);
  });
}
