/**
 * The workspace's settings files (settings.py, .env*, appsettings*.json) and the picker the
 * tree's "Insert into Settings…" shows: the current editor's file first, templates that are
 * usually committed (.env.example) last, plus "create .env" and "copy instead".
 */
import * as vscode from 'vscode';
import { detectDialect, isDotenvFileName } from '../../core/settings';
import { isTemplate, relativeName } from '../settingsSelector';

const GLOBS = ['**/settings.py', '**/settings/*.py', '**/.env*', '**/*.env', '**/appsettings*.json'];
const EXCLUDE = '**/{node_modules,.git,.venv,venv,env,.tox,site-packages,__pycache__,bin,obj,dist,build}/**';
const MAX_PER_GLOB = 200;

export type SettingsFileChoice = { kind: 'file'; uri: vscode.Uri } | { kind: 'clipboard' };

export async function findSettingsFiles(): Promise<vscode.Uri[]> {
  const found = new Map<string, vscode.Uri>();
  for (const glob of GLOBS) {
    for (const uri of await vscode.workspace.findFiles(glob, EXCLUDE, MAX_PER_GLOB)) {
      const name = uri.path.split('/').pop() ?? '';
      if (glob.includes('.env') && !isDotenvFileName(name)) {
        continue; // .envrc and friends are shell scripts
      }
      found.set(uri.toString(), uri);
    }
  }
  return [...found.values()].sort((a, b) => rank(a) - rank(b) || relativeName(a).localeCompare(relativeName(b)));
}

function rank(uri: vscode.Uri): number {
  const name = uri.path.split('/').pop() ?? '';
  if (isTemplate(name)) {
    return 3;
  }
  const dialect = detectDialect({ fileName: name }).dialect;
  return dialect === 'python' ? 0 : dialect === 'dotenv' ? 1 : 2;
}

function describe(uri: vscode.Uri): string {
  const name = uri.path.split('/').pop() ?? '';
  if (isTemplate(name)) {
    return vscode.l10n.t('A template that is usually committed: real values do not belong here.');
  }
  switch (detectDialect({ fileName: name }).dialect) {
    case 'dotenv':
      return vscode.l10n.t('The values are written here; keep this file out of git.');
    case 'python':
      return vscode.l10n.t('Tracked by git: it reads the values from the environment and they go into .env. Otherwise they are written here.');
    default:
      return vscode.l10n.t('Tracked by git: the values go into .env (Section__Key) and stay empty here. Otherwise they are written here.');
  }
}

type Item = vscode.QuickPickItem & { choice?: SettingsFileChoice };

/** undefined: cancelled. */
export async function pickSettingsFile(title: string): Promise<SettingsFileChoice | undefined> {
  const files = await findSettingsFiles();
  const active = vscode.window.activeTextEditor?.document.uri;
  const activeSupported = active && active.scheme === 'file' && detectDialect({ fileName: active.path }).dialect !== 'unsupported';
  const ordered = activeSupported ? [active, ...files.filter((f) => f.toString() !== active.toString())] : files;

  const items: Item[] = ordered.map((uri) => ({
    label: `$(file) ${relativeName(uri)}`,
    description: uri.toString() === active?.toString() ? vscode.l10n.t('current editor') : undefined,
    detail: describe(uri),
    choice: { kind: 'file', uri },
  }));
  const folder = vscode.workspace.workspaceFolders?.[0];
  const rootDotenv = folder && vscode.Uri.joinPath(folder.uri, '.env');
  items.push({ label: '', kind: vscode.QuickPickItemKind.Separator });
  if (rootDotenv && !files.some((f) => f.toString() === rootDotenv.toString())) {
    items.push({
      label: `$(new-file) ${vscode.l10n.t('Create .env')}`,
      detail: vscode.l10n.t('A new .env in {0} with the values; it is added to .gitignore when git would take it.', folder.name),
      choice: { kind: 'file', uri: rootDotenv },
    });
  }
  items.push({ label: `$(clippy) ${vscode.l10n.t('Copy to the clipboard instead')}`, detail: vscode.l10n.t('NAME=value lines to paste where you need them.'), choice: { kind: 'clipboard' } });

  const placeHolder =
    files.length === 0
      ? vscode.l10n.t('No settings file (settings.py, .env, appsettings*.json) was found in this workspace')
      : vscode.l10n.t('Settings file to write the API user and key into');
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder, matchOnDetail: false, ignoreFocusOut: true });
  return picked?.choice;
}
