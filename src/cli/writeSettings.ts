/**
 * `momo-credentials write-settings`: the extension's settings writer from a terminal. Plans
 * with the same core planner as the editor (names the file already uses, reference or value
 * mode, .env and .gitignore), then writes each changed file atomically. Never prints the key.
 */
import * as path from 'node:path';
import { findEnvironment } from '../core/momo/environments';
import type { Product } from '../core/momo/products';
import { redactSecrets } from '../core/momo/redact';
import { validateSecretOf, type CredentialKind } from '../core/momo/credentialKind';
import {
  applyEdits,
  detectDialect,
  documentEdits,
  isDotenvFileName,
  planCredentialInsert,
  unsupportedMessage,
  type PlanOptions,
  type SettingsPlan,
  type WriteMode,
} from '../core/settings';
import { flag, parseOptions, stringOption, type ParsedOptions } from './args';
import { Command } from './command';
import { gitFileState } from './gitFileState';
import { API_KEY_ENV, readApiUser, readCredentialKind, readProduct, readTargetEnvironment } from './inputs';
import { CliIo, EXIT_FAILED, EXIT_OK, UsageError } from './io';
import { dotenvLoadedElsewhere, findGitignore, findProjectDir, readIfExists, writeAtomically } from './settingsFileSystem';

const USAGE = `Usage: momo-credentials write-settings --file PATH --api-user ID [--api-key KEY] [options]

Writes an API user and key into a settings file (Django settings.py or another .py, .env*,
appsettings*.json), reusing the names the file already has. Files are changed in place,
atomically, keeping their permissions.

Options:
  --file PATH               the settings file (a missing .env file is created)
  --api-user ID             the API user id (a UUID v4), or the User ID of System Credentials
  --credential-kind K       api-key or system (System Credentials: written under the file's names for them,
                            such as COLLECTION_CREDENTIAL_TOKEN); default: from --api-user in production
  --api-key KEY             the API user's key (or ${API_KEY_ENV}, which stays out of shell history);
                            without either, only the API user is written
  --product P               collection (default), disbursement or remittance: picks per-product names
  --mode M                  reference: the file reads the values from the environment, they go into
                            .env (created when missing, added to .gitignore when git would take it);
                            value: the values go into the file. Default: reference for a file git
                            tracks and does not ignore, value otherwise; .env files always get values
  --dotenv PATH             the .env for reference mode (default: .env in the project folder)
  --target-environment ENV  sandbox (default) or mtn<country>: production keys written literally
                            into a tracked file need --yes
  --add-loader              also add load_dotenv() (python-dotenv) when nothing loads .env
  --yes                     write a production key literally into a tracked file without refusing
  --json                    print {"file","mode","changed","dotenv"?,"gitignore"?,"notices"}
  -h, --help                show this help

Exit codes: 0 written (or already up to date), 1 not written (explanation on stderr), 2 wrong options.`;

interface WriteRequest {
  file: string;
  apiUser: string;
  apiKey?: string;
  product: Product;
  mode?: WriteMode;
  production: boolean;
  credentialKind: CredentialKind;
  values: ParsedOptions;
}

export const writeSettingsCommand: Command = {
  name: 'write-settings',
  summary: 'Write an API user and key into settings.py, .env or appsettings.json',
  usage: USAGE,
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
      io.out(USAGE);
      return EXIT_OK;
    }
    const file = stringOption(values, 'file');
    if (!file?.trim()) throw new UsageError('Give the settings file with --file PATH.');
    const product = readProduct(values);
    const mode = readMode(values);
    const targetEnvironment = readTargetEnvironment(values, io);
    const production = findEnvironment(targetEnvironment)?.production ?? targetEnvironment !== 'sandbox';
    const credentialKind = readCredentialKind(values, production);
    const apiUser = readApiUser(values, io, true, credentialKind) as string;
    const apiKey = readOptionalApiKey(values, io, credentialKind);
    const secrets = apiKey ? [apiKey] : [];
    const say = (text: string): void => io.err(redactSecrets(text, secrets));
    try {
      return await writeSettings({ file: path.resolve(file.trim()), apiUser, apiKey, product, mode, production, credentialKind, values }, say, io, secrets);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      say(`✗ Nothing was written: ${code ? `${code} ` : ''}${err instanceof Error ? err.message : String(err)}`);
      return EXIT_FAILED;
    }
  },
};

function readOptionalApiKey(values: ParsedOptions, io: CliIo, kind: CredentialKind): string | undefined {
  const fromFlag = stringOption(values, 'api-key');
  const raw = fromFlag ?? io.env[API_KEY_ENV];
  if (raw === undefined || raw.trim() === '') {
    io.err(`Note: no API key given (--api-key or ${API_KEY_ENV}), so only the API user is written.`);
    return undefined;
  }
  const checked = validateSecretOf(kind, raw);
  const source = fromFlag !== undefined ? '--api-key' : API_KEY_ENV;
  if (!checked.ok) throw new UsageError(`${source}: ${checked.message}`);
  if (checked.notice) io.err(`Note (${source}): ${checked.notice}`);
  return checked.value;
}

function readMode(values: ParsedOptions): WriteMode | undefined {
  const mode = stringOption(values, 'mode')?.trim().toLowerCase();
  if (mode === undefined || mode === 'value' || mode === 'reference') return mode;
  throw new UsageError('--mode must be reference or value.');
}

async function writeSettings(request: WriteRequest, say: (text: string) => void, io: CliIo, secrets: string[]): Promise<number> {
  const { file, values, product, mode, production } = request;

  const text = await readIfExists(file);
  if (text === undefined && !isDotenvFileName(file)) {
    say(`✗ ${file} does not exist, so nothing was written. Check the path (only a missing .env file is created).`);
    return EXIT_FAILED;
  }
  const document = { text: text ?? '', fileName: file };
  if (detectDialect(document).dialect === 'unsupported') {
    say(`✗ ${unsupportedMessage(document)}`);
    return EXIT_FAILED;
  }

  const git = gitFileState(file);
  const projectDir = await findProjectDir(path.dirname(file), git.topLevel);
  const dotenvPath = path.resolve(stringOption(values, 'dotenv')?.trim() || path.join(projectDir, '.env'));
  const dotenvText = await readIfExists(dotenvPath);
  const dotenvGit = gitFileState(dotenvPath);
  const gitignorePath = await findGitignore(path.dirname(dotenvPath), dotenvGit.topLevel ?? git.topLevel);
  const gitignoreText = (await readIfExists(gitignorePath)) ?? null;
  const dotenvFile = detectDialect(document).dialect === 'dotenv';
  const options: PlanOptions = {
    ...(mode ? { mode } : {}),
    tracked: git.inRepository && (git.tracked === true || (dotenvFile && git.ignored === false)),
    ignored: git.ignored === true,
    ...(dotenvText !== undefined ? { dotenv: { text: dotenvText, fileName: dotenvPath } } : {}),
    gitignoreText,
    ...(dotenvGit.inRepository && dotenvGit.ignored !== undefined ? { dotenvIgnored: dotenvGit.ignored } : {}),
    dotenvLoadedElsewhere: await dotenvLoadedElsewhere(file, projectDir),
  };
  const plan = planCredentialInsert(document, { apiUser: request.apiUser, apiKey: request.apiKey, product, production, credentialKind: request.credentialKind }, options);
  if (!plan.ok) {
    say(`✗ ${plan.error ?? 'The file could not be planned.'}`);
    return EXIT_FAILED;
  }
  if (plan.needsConfirmation && !flag(values, 'yes')) {
    say(`✗ ${plan.needsConfirmation}\nNothing was written. Run again with --yes to write it, or with --mode reference.`);
    return EXIT_FAILED;
  }

  const addLoader = flag(values, 'add-loader') && plan.loader !== undefined;
  const written = await writeFiles(plan, { file, text: document.text, dotenvPath, dotenvText, gitignorePath, gitignoreText: gitignoreText ?? '' }, addLoader);
  const notices = noticesOf(plan, addLoader, git.tracked === true);
  const result = {
    file,
    mode: plan.mode,
    changed: plan.changed || addLoader,
    ...(written.dotenv ? { dotenv: dotenvPath } : {}),
    ...(written.gitignore ? { gitignore: gitignorePath } : {}),
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

interface Files {
  file: string;
  text: string;
  dotenvPath: string;
  dotenvText: string | undefined;
  gitignorePath: string;
  gitignoreText: string;
}

/** .env and .gitignore first: a settings file that reads .env is only written once .env has the values. */
async function writeFiles(plan: SettingsPlan, files: Files, addLoader: boolean): Promise<{ dotenv: boolean; gitignore: boolean }> {
  const dotenvChanged = !!plan.dotenv && (plan.dotenv.create || plan.dotenv.edits.length > 0);
  if (plan.dotenv && dotenvChanged) {
    await writeAtomically(files.dotenvPath, applyEdits(plan.dotenv.create ? '' : (files.dotenvText ?? ''), plan.dotenv.edits), 0o600);
  }
  const gitignoreChanged = !!plan.gitignore && plan.gitignore.edits.length > 0;
  if (plan.gitignore && gitignoreChanged) {
    await writeAtomically(files.gitignorePath, applyEdits(plan.gitignore.create ? '' : files.gitignoreText, plan.gitignore.edits));
  }
  const edits = documentEdits(plan, addLoader);
  if (edits.length > 0) {
    await writeAtomically(files.file, applyEdits(files.text, edits), isDotenvFileName(files.file) ? 0o600 : 0o644);
  }
  return { dotenv: dotenvChanged, gitignore: gitignoreChanged };
}

function noticesOf(plan: SettingsPlan, loaderAdded: boolean, tracked: boolean): string[] {
  // The planner assumes an exposed .env is tracked; for one git has not taken yet, `git rm --cached` is no advice.
  const notices = plan.notices.filter((n) => tracked || !n.includes('git rm --cached'));
  if (plan.loader) {
    const install = plan.loader.packageName ? ` Install ${plan.loader.packageName} (pip install ${plan.loader.packageName}) if the project does not have it.` : '';
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
  return `✓ Wrote ${plan.names.apiUser} and ${plan.names.apiKey} into ${result.file}.`;
}
