/**
 * `momo-credentials write-settings`: the extension's settings writer from a terminal. Plans
 * with the same core planner as the editor (names the file already uses, reference or value
 * mode, .env and .gitignore), then writes each changed file atomically. Never prints the key.
 */
import * as l10n from '@vscode/l10n';
import * as path from 'node:path';
import { describeFileError, SettingsFileError } from '../core/files/fileErrors';
import { loadSettingsFile } from '../core/files/safeFile';
import { findEnvironment, SANDBOX } from '../core/momo/environments';
import type { Product } from '../core/momo/products';
import { redactSecrets } from '../core/momo/redact';
import { validateSecretOf, type CredentialKind } from '../core/momo/credentialKind';
import {
  detectDialect,
  isDotenvFileName,
  planCredentialInsert,
  unsupportedMessage,
  writtenNames,
  type PlanOptions,
  type SettingsPlan,
  type WriteMode,
} from '../core/settings';
import { flag, parseOptions, stringOption, type ParsedOptions } from './args';
import { Command } from './command';
import { gitFileState } from './gitFileState';
import { API_KEY_ENV, readApiUser, readCredentialKind, readProduct, readTargetEnvironment } from './inputs';
import { CliIo, EXIT_FAILED, EXIT_OK, UsageError } from './io';
import { dotenvLoadedElsewhere, findGitignore, findProjectDir } from './settingsFileSystem';
import { requirePythonPackageOnDisk } from './pythonDependency';
import { runSettingsTransaction } from './settingsTransaction';

/** The --help text, in the CLI's language. */
const usage = (): string =>
  l10n.t(
    `Usage: momo-credentials write-settings --file PATH --api-user ID [--api-key KEY] [options]

Writes an API user and key into a settings file (Django settings.py or another .py, .env*,
appsettings*.json or a .json with a MoMo section), reusing the names the file already has.
Files are replaced atomically, keeping their permissions and every byte the write does not
change; read-only files, folders, pipes and devices are refused, and a file that changes while
it is written is read and planned again (two runs at once never lose a write).

Options:
  --file PATH               the settings file (a missing .env file is created)
  --api-user ID             the API user id (a UUID v4), or the User ID of System Credentials
  --credential-kind K       api-key or system (System Credentials: written under the file's names for them,
                            such as COLLECTION_CREDENTIAL_TOKEN); default: from --api-user in production
  --api-key KEY             the API user's key (or {0}, which stays out of shell history);
                            without either, only the API user is written
  --product P               collection (default), disbursement or remittance: picks per-product names
  --mode M                  reference: the file reads the values from the environment, they go into
                            .env (created when missing, added to .gitignore when git would take it);
                            value: the values go into the file. Default: reference for a file git
                            tracks and does not ignore, value otherwise; .env files always get values
  --dotenv PATH             the .env for reference mode (default: .env in the project folder)
  --target-environment ENV  sandbox (default) or mtn<country>: production keys written literally
                            into a tracked file need --yes
  --add-loader              also add load_dotenv() when nothing loads .env, and python-dotenv
                            to requirements.txt (else pyproject.toml) unless it lists it
  --yes                     write a production key literally into a tracked file without refusing
  --json                    print {"file","mode","changed","dotenv"?,"gitignore"?,"dependencies"?,"notices"}
  -h, --help                show this help

Exit codes: 0 written (or already up to date), 1 not written (explanation on stderr), 2 wrong options.`, API_KEY_ENV,
  );

export interface WriteRequest {
  file: string;
  apiUser: string;
  apiKey?: string;
  /** Also written (Set Up's `setup` command fills an empty subscription-key slot). */
  subscriptionKey?: string;
  product: Product;
  mode?: WriteMode;
  production: boolean;
  credentialKind: CredentialKind;
  values: ParsedOptions;
}

export const writeSettingsCommand: Command = {
  name: 'write-settings',
  summary: () => l10n.t('Write an API user and key into settings.py, .env or appsettings.json'),
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const values = parseOptions(args, {
      file: { type: 'string' },
      'api-user': { type: 'string' },
      'api-key': { type: 'string' },
      'credential-kind': { type: 'string' },
      product: { type: 'string' },
      mode: { type: 'string' },
      dotenv: { type: 'string' },
      'target-environment': { type: 'string' },
      'add-loader': { type: 'boolean' },
      yes: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (flag(values, 'help')) {
      io.out(usage());
      return EXIT_OK;
    }
    const file = stringOption(values, 'file');
    if (!file?.trim()) throw new UsageError(l10n.t('Give the settings file with --file PATH.'));
    const product = readProduct(values);
    const mode = readMode(values);
    const targetEnvironment = readTargetEnvironment(values, io);
    const production = findEnvironment(targetEnvironment)?.production ?? targetEnvironment !== SANDBOX;
    const credentialKind = readCredentialKind(values, production);
    const apiUser = readApiUser(values, io, true, credentialKind) as string;
    const apiKey = readOptionalApiKey(values, io, credentialKind);
    const secrets = apiKey ? [apiKey] : [];
    const say = (text: string): void => io.err(redactSecrets(text, secrets));
    try {
      return await writeSettings({ file: path.resolve(file.trim()), apiUser, apiKey, product, mode, production, credentialKind, values }, say, io, secrets);
    } catch (err) {
      say(`✗ ${err instanceof SettingsFileError ? err.message : describeFileError(err, file.trim(), 'write')}`);
      return EXIT_FAILED;
    }
  },
};

function readOptionalApiKey(values: ParsedOptions, io: CliIo, kind: CredentialKind): string | undefined {
  const fromFlag = stringOption(values, 'api-key');
  const raw = fromFlag ?? io.env[API_KEY_ENV];
  if (raw === undefined || raw.trim() === '') {
    io.err(l10n.t('Note: no API key given (--api-key or {0}), so only the API user is written.', API_KEY_ENV));
    return undefined;
  }
  const checked = validateSecretOf(kind, raw);
  const source = fromFlag !== undefined ? '--api-key' : API_KEY_ENV;
  if (!checked.ok) throw new UsageError(l10n.t('{0}: {1}', source, checked.message));
  if (checked.notice) io.err(l10n.t('Note ({0}): {1}', source, checked.notice));
  return checked.value;
}

function readMode(values: ParsedOptions): WriteMode | undefined {
  const mode = stringOption(values, 'mode')?.trim().toLowerCase();
  if (mode === undefined || mode === 'value' || mode === 'reference') return mode;
  throw new UsageError(l10n.t('--mode must be reference or value.'));
}

export async function writeSettings(request: WriteRequest, say: (text: string) => void, io: CliIo, secrets: string[]): Promise<number> {
  const { file, values, product, mode, production } = request;

  // What is at the path, before git or anything else looks at it: a pipe or a device is never opened.
  const first = await loadSettingsFile(file, true);
  if (first.kind === 'refused') {
    say(`✗ ${first.message}`);
    return EXIT_FAILED;
  }
  if (first.kind === 'missing' && !isDotenvFileName(file)) {
    say(`✗ ${file} does not exist, so nothing was written. Check the path (only a missing .env file is created).`);
    return EXIT_FAILED;
  }
  if (detectDialect({ fileName: file }).dialect === 'unsupported') {
    say(`✗ ${unsupportedMessage({ fileName: file })}`);
    return EXIT_FAILED;
  }

  const git = gitFileState(file);
  const projectDir = await findProjectDir(path.dirname(file), git.topLevel);
  const dotenvPath = path.resolve(stringOption(values, 'dotenv')?.trim() || path.join(projectDir, '.env'));
  const dotenvGit = gitFileState(dotenvPath);
  // .gitignore only means something inside a git work tree: outside one it is never created.
  const repositoryTop = dotenvGit.topLevel ?? git.topLevel;
  const gitignorePath = repositoryTop ? await findGitignore(path.dirname(dotenvPath), repositoryTop) : undefined;
  const dotenvFile = detectDialect({ fileName: file }).dialect === 'dotenv';
  const base: PlanOptions = {
    ...(mode ? { mode } : {}),
    tracked: git.inRepository && (git.tracked === true || (dotenvFile && git.ignored === false)),
    ignored: git.ignored === true,
    ...(dotenvGit.inRepository && dotenvGit.ignored !== undefined ? { dotenvIgnored: dotenvGit.ignored } : {}),
    dotenvLoadedElsewhere: await dotenvLoadedElsewhere(file, projectDir),
  };
  const credentials = {
    apiUser: request.apiUser,
    apiKey: request.apiKey,
    product,
    production,
    credentialKind: request.credentialKind,
    ...(request.subscriptionKey ? { subscriptionKey: request.subscriptionKey } : {}),
  };
  const wantsLoader = flag(values, 'add-loader');
  const outcome = await runSettingsTransaction(
    { file, dotenvPath, gitignorePath },
    (document, context) => confirmed(planCredentialInsert(document, credentials, { ...base, ...context }), flag(values, 'yes')),
    (plan) => wantsLoader && plan.loader !== undefined,
  );
  if (!outcome.ok) {
    say(`✗ ${outcome.message}`);
    return EXIT_FAILED;
  }
  const { plan } = outcome;
  if (!plan.ok) {
    say(`✗ ${plan.error ?? 'The file could not be planned.'}`);
    return EXIT_FAILED;
  }

  const addLoader = wantsLoader && plan.loader !== undefined;
  const packageName = addLoader ? plan.loader?.packageName : undefined;
  const dependency = packageName ? await requirePythonPackageOnDisk(projectDir, packageName) : undefined;
  const notices = noticesOf(plan, addLoader, git.tracked === true, dependency?.notice);
  for (const written of outcome.inPlace) notices.push(`${written} could not be replaced in one step (a file mounted on its own, or a read-only folder), so it was rewritten in place after checking that nothing had changed it.`);
  if (outcome.loaded.file?.encoding === 'bytes') {
    notices.push(`${file} has bytes that are not UTF-8 (line ${outcome.loaded.file.foreignLine ?? '?'}); they were kept exactly as they were.`);
  }
  const result = {
    file,
    mode: plan.mode,
    changed: plan.changed || addLoader,
    ...(outcome.wrote.dotenv ? { dotenv: dotenvPath } : {}),
    ...(outcome.wrote.gitignore && gitignorePath ? { gitignore: gitignorePath } : {}),
    ...(dependency?.wrote ? { dependencies: dependency.wrote } : {}),
    notices,
  };
  if (flag(values, 'json')) {
    io.out(redactSecrets(JSON.stringify(result), secrets));
  } else {
    io.out(redactSecrets(describe(result, plan), secrets));
    for (const notice of notices) io.out(redactSecrets(`  • ${notice}`, secrets));
  }
  return EXIT_OK;
}

/** A plan that needs a confirmation nobody gave becomes a refusal, before anything is written. */
function confirmed(plan: SettingsPlan, yes: boolean): SettingsPlan {
  if (!plan.ok || !plan.needsConfirmation || yes) return plan;
  return { ...plan, ok: false, error: `${plan.needsConfirmation}\nNothing was written. Run again with --yes to write it, or with --mode reference.` };
}

function noticesOf(plan: SettingsPlan, loaderAdded: boolean, tracked: boolean, dependencyNotice: string | undefined): string[] {
  // The planner assumes an exposed .env is tracked; for one git has not taken yet, `git rm --cached` is no advice.
  const notices = plan.notices.filter((n) => tracked || !n.includes('git rm --cached'));
  if (plan.loader) {
    const install = dependencyNotice ? ` ${dependencyNotice}` : '';
    notices.push(loaderAdded ? `Added the .env loader to the settings file.${install}` : `${plan.loader.message} Run again with --add-loader to add it.`);
  }
  return notices;
}

function describe(result: { file: string; mode: WriteMode; changed: boolean; dotenv?: string; gitignore?: string }, plan: SettingsPlan): string {
  if (!result.changed) return `✓ ${result.file} is already up to date (${plan.names.apiUser}, ${plan.names.apiKey}).`;
  if (result.mode === 'reference' && plan.envNames) {
    const ignored = result.gitignore ? `, and added it to ${result.gitignore}` : '';
    return `✓ Wrote ${plan.envNames.apiUser} and ${plan.envNames.apiKey} into ${result.dotenv ?? plan.dotenv?.fileName ?? '.env'}${ignored}; ${result.file} reads them from the environment.`;
  }
  const { inFile, inDotenv } = writtenNames(plan);
  if (inDotenv.length > 0) {
    const where = result.dotenv ?? plan.dotenv?.fileName ?? '.env';
    const fileSide = inFile.length ? `${inFile.join(' and ')} into ${result.file}, and ` : '';
    return `✓ Wrote ${fileSide}${inDotenv.join(' and ')} into ${where}: ${result.file} reads ${inDotenv.length > 1 ? 'them' : 'it'} from the environment.`;
  }
  return `✓ Wrote ${plan.names.apiUser} and ${plan.names.apiKey} into ${result.file}.`;
}
