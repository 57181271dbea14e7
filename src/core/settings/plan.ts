/**
 * planCredentialInsert: the one entry point the editor and the CLI call. Picks the dialect,
 * the mode (reference for tracked source files, value otherwise), runs the dialect planner,
 * and adds the .env and .gitignore changes and the production-key confirmation.
 */
import * as l10n from '@vscode/l10n';
import { baseName, detectDialect, isTemplateFileName, templateRefusal, unsupportedMessage } from './dialect';
import { planDotenv, planDotenvWrites } from './dotenv/plan';
import { planGitignoreEntry } from './gitignore';
import { planJson } from './json/plan';
import { DEFAULT_JSON_NAMES, DEFAULT_NAMES, type CredentialWrite, type DialectPlan, type DialectPlanRequest } from './planTypes';
import { withLoaderEdits } from './python/loader';
import { planPython } from './python/plan';
import { applyEdits } from './text/edits';
import type { CredentialValues, Dialect, FileChange, PlanOptions, SettingsDocument, SettingsPlan, TextEdit, WriteMode } from './types';

/** Tracked unless said otherwise, except dotenv files (which projects normally ignore). */
export function isTrackedByDefault(dialect: Dialect): boolean {
  return dialect !== 'dotenv';
}

export function resolveMode(dialect: Dialect, options: PlanOptions): WriteMode {
  if (dialect === 'dotenv') return 'value';
  if (options.mode) return options.mode;
  const tracked = options.tracked ?? isTrackedByDefault(dialect);
  return tracked && !options.ignored ? 'reference' : 'value';
}

function credentialWrites(values: CredentialValues): CredentialWrite[] {
  const writes: CredentialWrite[] = [];
  if (values.subscriptionKey !== undefined) writes.push({ role: 'subscriptionKey', value: values.subscriptionKey });
  writes.push({ role: 'apiUser', value: values.apiUser });
  if (values.apiKey !== undefined) writes.push({ role: 'apiKey', value: values.apiKey });
  return writes;
}

/**
 * The .gitignore change that keeps `dotenvName` out of git, when needed and knowable.
 * Undefined when it is ignored already (per git's answer or the .gitignore text), or when
 * the caller did not give the .gitignore text (null = no .gitignore yet).
 */
export function gitignoreChangeFor(dotenvName: string, options: Pick<PlanOptions, 'gitignoreText' | 'dotenvIgnored'>): FileChange | undefined {
  // Without the .gitignore text the caller could not apply a change safely (it might exist).
  if (options.dotenvIgnored === true || options.gitignoreText === undefined) return undefined;
  const planned = planGitignoreEntry(options.gitignoreText, baseName(dotenvName));
  if (planned.alreadyIgnored || planned.edits.length === 0) return undefined;
  return { fileName: planned.fileName, create: planned.create, edits: planned.edits };
}

function dialectPlan(dialect: Dialect, request: DialectPlanRequest): DialectPlan {
  switch (dialect) {
    case 'python':
      return planPython(request);
    case 'dotenv':
      return planDotenv(request);
    case 'json':
      return planJson(request);
    case 'unsupported':
      throw new Error('unreachable: unsupported files are answered before planning');
  }
}

export function planCredentialInsert(doc: SettingsDocument, values: CredentialValues, options: PlanOptions = {}): SettingsPlan {
  const { dialect } = detectDialect(doc);
  const mode = resolveMode(dialect, options);
  const fallbackNames = dialect === 'json' ? (options.jsonNames ?? DEFAULT_JSON_NAMES) : (options.names ?? DEFAULT_NAMES);
  const empty: SettingsPlan = { dialect, ok: false, mode, names: fallbackNames, edits: [], notices: [], changed: false };
  if (dialect === 'unsupported') return { ...empty, error: unsupportedMessage(doc) };
  if (isTemplateFileName(doc.fileName)) return { ...empty, error: templateRefusal(doc.fileName) };
  if (values.apiUser.trim() === '') return { ...empty, error: l10n.t('There is no API user to write: provision one or add an existing one first.') };

  const tracked = options.tracked ?? isTrackedByDefault(dialect);
  const ignored = options.ignored ?? false;
  const planned = dialectPlan(dialect, { text: doc.text, fileName: doc.fileName, writes: credentialWrites(values), product: values.product, credentialKind: values.credentialKind, mode, options });
  if (planned.error) return { ...empty, names: planned.names, error: planned.error, notices: planned.notices };

  const plan: SettingsPlan = {
    dialect,
    ok: true,
    mode,
    names: planned.names,
    edits: planned.edits,
    loader: planned.loader,
    notices: [...planned.notices],
    changed: planned.edits.length > 0,
  };

  // Reference mode, and value mode where the file's own read of the environment was kept.
  if (planned.envWrites.length > 0) {
    const dotenvName = options.dotenv?.fileName ?? '.env';
    const written = planDotenvWrites(options.dotenv?.text ?? '', planned.envWrites);
    plan.dotenv = { fileName: dotenvName, create: options.dotenv === undefined, edits: written.edits };
    plan.envNames = { apiUser: '', apiKey: '' };
    for (const write of planned.envWrites) plan.envNames[write.role] = write.name;
    plan.notices.push(...written.notices);
    plan.gitignore = gitignoreChangeFor(dotenvName, options);
    if (!plan.gitignore && options.gitignoreText === undefined && options.dotenvIgnored !== true) {
      plan.notices.push(l10n.t('Make sure {0} is listed in .gitignore so the values stay out of git.', baseName(dotenvName)));
    }
    plan.changed ||= written.edits.length > 0 || options.dotenv === undefined || (plan.gitignore?.edits.length ?? 0) > 0;
  }

  if (dialect === 'dotenv' && tracked && !ignored) {
    plan.gitignore = gitignoreChangeFor(doc.fileName, { gitignoreText: options.gitignoreText, dotenvIgnored: options.dotenvIgnored ?? false });
    plan.notices.push(l10n.t('git tracks {0}: ignore it and run `git rm --cached {0}` so the values leave the repository.', baseName(doc.fileName)));
  }

  if (values.production && planned.wroteLiteral && tracked && !ignored) {
    plan.needsConfirmation = l10n.t(
      'This writes a production MoMo key literally into {0}, which git tracks: anyone with the repository can read it. Write it anyway? (Reference mode keeps the value in .env instead.)',
      baseName(doc.fileName),
    );
  }
  return plan;
}

/**
 * Where each written name ended up: in the document itself, or (its read of the environment
 * kept, or reference mode) in .env under the name the document reads.
 */
export function writtenNames(plan: Pick<SettingsPlan, 'names' | 'envNames'>): { inFile: string[]; inDotenv: string[] } {
  const inFile: string[] = [];
  const inDotenv: string[] = [];
  for (const role of ['apiUser', 'apiKey'] as const) {
    const envName = plan.envNames?.[role];
    if (envName) inDotenv.push(envName);
    else inFile.push(plan.names[role]);
  }
  return { inFile, inDotenv };
}

/** The plan's edits for its document, with the loader offer's edits when accepted. */
export function documentEdits(plan: SettingsPlan, includeLoader = false): TextEdit[] {
  return includeLoader && plan.loader ? withLoaderEdits(plan.edits, plan.loader.edits) : plan.edits;
}

/** Convenience for the CLI and tests: the planned document's new text. */
export function applyPlan(text: string, plan: SettingsPlan, includeLoader = false): string {
  return applyEdits(text, documentEdits(plan, includeLoader));
}
