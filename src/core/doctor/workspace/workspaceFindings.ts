/**
 * The workspace part of the doctor, pure: given the settings files' text and git state, list
 * the files holding MoMo values, whether each .env is git-ignored and loaded, and every
 * settings diagnostic (hard-coded secrets, placeholders, browser-exposed names, ...).
 * The caller reads the files (VS Code workspace or fs) and asks git; nothing is read here.
 */
import * as l10n from '@vscode/l10n';
import { detectDialect, detectFindings, findMomoVariables, isIgnoredBy, isMtnMomoDocument, planGitignoreEntry } from '../../settings';
import type { MomoVariable, SettingsDocument } from '../../settings';
import { baseName } from '../../settings/dialect';
import { scanPython } from '../../settings/python/scan';
import { makeFinding } from '../findings';
import { legacyHostInFile } from '../checks/platformMigration';
import type { DoctorFinding } from '../types';
import { settingsFindingToDoctor, SettingsFixArgs } from './settingsFinding';

export interface WorkspaceFile {
  /** Workspace-relative, `/`-separated (matched against .gitignore patterns and shown to people). */
  fileName: string;
  text: string;
  /** Git tracks the file. Default: true for source files, false for .env files. */
  tracked?: boolean;
  /** Git ignores the file (from `git check-ignore`); undefined → read from `gitignoreText`. */
  ignored?: boolean;
  languageId?: string;
}

export interface WorkspaceOptions {
  /** The root .gitignore; null = there is none; undefined = not known. */
  gitignoreText?: string | null;
  /** Secrets known to be production ones (from SecretStorage): a literal copy is an error. */
  knownProductionSecrets?: string[];
}

export function workspaceFindings(files: readonly WorkspaceFile[], options: WorkspaceOptions = {}): DoctorFinding[] {
  const momoFiles = files.filter((f) => isMtnMomoDocument(f.text));
  if (momoFiles.length === 0) {
    return [makeFinding('workspace.files', 'info', l10n.t('No settings file in the workspace holds MTN MoMo values yet.'))];
  }
  const dotenv = rootDotenv(files);
  // Another module (manage.py, wsgi.py) may load .env for the settings file.
  const dotenvLoadedElsewhere = files.some((f) => detectDialect(f).dialect === 'python' && scanPython(f.text).loadsDotenv);
  const findings: DoctorFinding[] = [];
  for (const file of momoFiles) {
    const doc: SettingsDocument = { fileName: file.fileName, text: file.text, languageId: file.languageId };
    const variables = findMomoVariables(doc);
    findings.push(fileSummary(file.fileName, variables));
    const ignored = isIgnored(file, options.gitignoreText);
    if (isSecretDotenv(file.fileName)) findings.push(dotenvIgnoreFinding(file, ignored, options.gitignoreText));
    const diagnostics = detectFindings(doc, {
      tracked: file.tracked,
      ignored,
      knownProductionSecrets: options.knownProductionSecrets,
      dotenv: dotenv && dotenv !== file ? { fileName: dotenv.fileName, text: dotenv.text } : undefined,
      gitignoreText: options.gitignoreText,
      dotenvIgnored: dotenv ? isIgnored(dotenv, options.gitignoreText) : undefined,
      dotenvLoadedElsewhere,
    });
    findings.push(...diagnostics.map((d) => settingsFindingToDoctor(file.fileName, d)));
    const legacyHost = legacyHostInFile(file.fileName, file.text);
    if (legacyHost) findings.push(legacyHost);
    const readsEnvironment = variables.some((v) => v.state === 'environment');
    if (detectDialect(doc).dialect === 'python' && readsEnvironment && !diagnostics.some((d) => d.code === 'momo.dotenvNotLoaded')) {
      const message = l10n.t('Reads MoMo values from the environment, and .env is loaded.');
      findings.push(makeFinding('workspace.dotenvLoaded', 'ok', message, { subject: file.fileName }));
    }
  }
  return findings;
}

function stateWords(state: MomoVariable['state']): string {
  switch (state) {
    case 'literal':
      return l10n.t('value in the file');
    case 'placeholder':
      return l10n.t('placeholder');
    case 'environment':
      return l10n.t('from the environment');
    case 'other':
      return l10n.t('computed');
  }
}

function fileSummary(fileName: string, variables: MomoVariable[]): DoctorFinding {
  const names = variables.map((v) => {
    const source = v.state === 'environment' && v.envName && v.envName !== v.name ? l10n.t('from {0}', v.envName) : stateWords(v.state);
    return `${v.name} (${source})`;
  });
  const message = names.length
    ? l10n.t('Holds MoMo settings: {0}.', names.join(', '))
    : l10n.t('Mentions MTN MoMo, but holds no MoMo variable this extension recognises.');
  const args: Partial<SettingsFixArgs> = { fileName };
  return makeFinding('workspace.files', 'info', message, { subject: fileName, fixes: [{ id: 'openFile', label: l10n.t('Open {0}', fileName), args }] });
}

function isIgnored(file: WorkspaceFile, gitignoreText: string | null | undefined): boolean | undefined {
  if (file.ignored !== undefined) return file.ignored;
  if (gitignoreText === null) return false;
  return gitignoreText === undefined ? undefined : isIgnoredBy(gitignoreText, file.fileName);
}

function dotenvIgnoreFinding(file: WorkspaceFile, ignored: boolean | undefined, gitignoreText: string | null | undefined): DoctorFinding {
  const subject = file.fileName;
  const check = 'workspace.dotenvIgnored';
  if (ignored === true) return makeFinding(check, 'ok', l10n.t('Git ignores this file, so its secrets stay out of the repository.'), { subject });
  if (ignored === undefined) {
    const message = l10n.t('Not known whether git ignores this file; it must be in .gitignore, since it holds secrets.');
    return makeFinding(check, 'info', message, { subject });
  }
  const name = baseName(file.fileName);
  const tracked = file.tracked ? ` ${l10n.t('Git already tracks it: after ignoring it, run `git rm --cached` on it and replace any key that was pushed.')}` : '';
  const args = { fileName: file.fileName, gitignore: planGitignoreEntry(gitignoreText, name) };
  return makeFinding(check, 'error', l10n.t('Git does not ignore this file, so its secrets can be committed.') + tracked, {
    subject,
    fixes: [{ id: 'addToGitignore', label: l10n.t('Add {0} to .gitignore', name), args }],
  });
}

/** `.env.example` and the like are meant to be committed (with placeholders); other dotenv files hold secrets. */
function isSecretDotenv(fileName: string): boolean {
  const name = baseName(fileName).toLowerCase();
  return detectDialect({ fileName }).dialect === 'dotenv' && !/[.-](example|sample|template|dist|defaults)$/.test(name);
}

/** The project's own .env: the shallowest file named exactly `.env`. */
function rootDotenv(files: readonly WorkspaceFile[]): WorkspaceFile | undefined {
  const candidates = files.filter((f) => baseName(f.fileName) === '.env');
  return candidates.sort((a, b) => a.fileName.split('/').length - b.fileName.split('/').length)[0];
}
