/**
 * Writes an API user and key into one settings file with the core planner, applied as one
 * WorkspaceEdit: in reference mode the file reads the values from the environment and the
 * values go into the project's .env (created when missing, and added to .gitignore when git
 * would otherwise take it); in value mode they are written into the file itself. A production
 * key written literally into a tracked file is asked about first (modal). When a Python
 * settings file reads the environment but nothing loads .env, the message says so and offers
 * the loader as a button.
 */
import * as vscode from 'vscode';
import { successfulTestPaymentArgs } from '../testPaymentDefaults';
import { isSandbox } from '../../core/momo/environments';
import { refOf } from '../../core/store/credentialIndex';
import { shortApiUser } from '../../core/store/credentialText';
import {
  detectDialect,
  documentEdits,
  isDotenvFileName,
  planCredentialInsert,
  unsupportedMessage,
  writtenNames,
  type CredentialValues,
  type SettingsDocument,
  type SettingsPlan,
  type WriteMode,
} from '../../core/settings';
import { failed, type CommandContext, type CommandResult } from '../commandContext';
import { settingsVariableNames } from '../config';
import { subscriptionKeyFor } from '../storedCredentials';
import type { Actions } from '../notifier';
import { offerClipboard } from './clipboardFallback';
import type { ChosenCredentials } from './credentialChoice';
import { configuredMode, type InsertOptions } from './insertOptions';
import { offerDotenvLoader } from './loaderOffer';
import { locateInProject, planOptions, projectContextFor, type ProjectContext } from './projectContext';
import { requirePythonPackage } from './pythonDependency';
import { relativeName } from '../settingsSelector';
import { fileRefusal } from '../fileSafety';
import { applyPlannedChanges, fileChangesToApply } from '../settingsWriter';
import { runMomoCommand } from '../momoCommands';

export type InsertResult = CommandResult<{
  file: string;
  mode: WriteMode;
  changed: boolean;
  /** The .env written in reference mode, when it changed. */
  dotenv?: string;
  /** The .gitignore, when an entry was added. */
  gitignore?: string;
  loaderAdded: boolean;
  notices: string[];
  /** What the person was (or, with announce: false, would have been) told. */
  message: string;
}>;

const ATTEMPTS = 3;

export async function insertCredentialsIntoFile(ctx: CommandContext, uri: vscode.Uri, chosen: ChosenCredentials, options: InsertOptions = {}): Promise<InsertResult> {
  const subscriptionKey = options.withSubscriptionKey ? (await subscriptionKeyFor(ctx.store, chosen.user))?.key : undefined;
  const values: CredentialValues = {
    apiUser: chosen.user.apiUser,
    apiKey: chosen.apiKey,
    ...(subscriptionKey ? { subscriptionKey } : {}),
    product: chosen.user.product,
    production: !isSandbox(chosen.user.environment),
    ...(chosen.user.credentialKind === 'system' ? { credentialKind: 'system' as const } : {}),
  };
  let mode = options.mode ?? configuredMode(uri);
  let confirmed = options.confirm === true;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const target = await readTarget(uri);
    if ('error' in target) {
      ctx.notifier.tell('error', target.error);
      return failed(target.error);
    }
    const { document } = target;
    if (detectDialect(document).dialect === 'unsupported') {
      const why = unsupportedMessage(document);
      offerClipboard(ctx, why, { apiUser: chosen.user.apiUser, environment: chosen.user.environment, product: chosen.user.product }, { offerFilePicker: true });
      return failed(why);
    }
    const context = await projectContextFor({ uri, fileName: document.fileName }, 'open');
    const plan = planCredentialInsert(document, values, planOptions(document, context, { mode, names: settingsVariableNames(uri) }));
    if (!plan.ok) {
      const why = plan.error ?? vscode.l10n.t('{0} could not be planned.', relativeName(uri));
      offerClipboard(ctx, why, { apiUser: chosen.user.apiUser, environment: chosen.user.environment, product: chosen.user.product }, { offerFilePicker: false });
      return failed(why);
    }
    if (plan.needsConfirmation && !confirmed) {
      const writeAnyway = vscode.l10n.t('Write It Anyway');
      const useDotenv = vscode.l10n.t('Keep It in .env');
      const answer = await ctx.notifier.ask('warning', plan.needsConfirmation, [writeAnyway, useDotenv], { modal: true });
      if (answer === useDotenv) {
        mode = 'reference';
        continue;
      }
      if (answer !== writeAnyway) {
        return failed('cancelled');
      }
      confirmed = true;
    }
    const includeLoader = options.loader === true && plan.loader !== undefined;
    const outcome = await applyPlannedChanges(
      fileChangesToApply({ uri, expected: target.existing ? document.text : undefined, edits: documentEdits(plan, includeLoader), secret: true }, plan, locateInProject(context)),
    );
    if (!outcome.applied) {
      if (outcome.stale && attempt < ATTEMPTS) {
        continue; // the user typed meanwhile: plan again on the new text
      }
      const again = outcome.stale ? ' ' + vscode.l10n.t('Run the command again.') : '';
      ctx.notifier.tell('error', vscode.l10n.t('The credentials were not written: {0}', outcome.reason) + again);
      return failed(outcome.reason);
    }
    ctx.progress.mark('settingsWritten');
    return report(ctx, uri, chosen, plan, context, { includeLoader, options });
  }
  return failed('The file kept changing while the edit was being prepared.');
}

type Target = { document: SettingsDocument; existing: boolean } | { error: string };

/** The open (or opened) document; a missing .env file is written from scratch. */
async function readTarget(uri: vscode.Uri): Promise<Target> {
  // Looked at before it is opened: opening a named pipe would wait forever.
  const refusal = await fileRefusal(uri, false);
  if (refusal) {
    return { error: refusal };
  }
  try {
    const document = await vscode.workspace.openTextDocument(uri);
    return { document: { text: document.getText(), fileName: document.fileName, languageId: document.languageId }, existing: true };
  } catch {
    if (isDotenvFileName(uri.path)) {
      return { document: { text: '', fileName: uri.path }, existing: false };
    }
    return { error: vscode.l10n.t('{0} could not be opened, so nothing was written. Check that the file exists and try again.', relativeName(uri)) };
  }
}

interface ReportExtras {
  includeLoader: boolean;
  options: InsertOptions;
}

async function report(
  ctx: CommandContext,
  uri: vscode.Uri,
  chosen: ChosenCredentials,
  plan: SettingsPlan,
  context: ProjectContext | undefined,
  extras: ReportExtras,
): Promise<InsertResult> {
  const file = relativeName(uri);
  const dotenvChanged = plan.dotenv && context && (plan.dotenv.create || plan.dotenv.edits.length > 0) ? relativeName(context.dotenv.uri) : undefined;
  const gitignoreChanged = plan.gitignore && context && plan.gitignore.edits.length > 0 ? relativeName(context.gitignore.uri) : undefined;
  if (extras.options.show) {
    await vscode.window.showTextDocument(uri, { preview: false });
  }
  const summary = summaryOf(file, chosen, plan, dotenvChanged, gitignoreChanged);
  ctx.log.info(`Insert into ${file}: mode ${plan.mode}, changed ${String(plan.changed)}${dotenvChanged ? `, .env ${dotenvChanged}` : ''}${gitignoreChanged ? ', .gitignore updated' : ''}.`);
  // The planner assumes an exposed .env is tracked; for one git has not taken yet, `git rm --cached` is no advice.
  const notices = plan.notices.filter((n) => context?.git.tracked === true || !n.includes('git rm --cached'));
  const loaderAdded = extras.includeLoader && plan.loader
    ? vscode.l10n.t('It now loads .env first.') + (plan.loader.packageName ? ` ${await requirePythonPackage(uri, plan.loader.packageName)}` : '')
    : undefined;
  const text = [summary, ...(loaderAdded ? [loaderAdded] : []), ...notices].join(' ');
  if (plan.loader && !extras.includeLoader && extras.options.loader !== false) {
    offerDotenvLoader(ctx, uri, `${text} ${plan.loader.message}`, plan.loader.packageName);
  } else if (extras.options.announce !== false) {
    ctx.notifier.tell('info', text, nextSteps(chosen));
  }
  return {
    ok: true,
    file,
    mode: plan.mode,
    changed: plan.changed,
    ...(dotenvChanged ? { dotenv: dotenvChanged } : {}),
    ...(gitignoreChanged ? { gitignore: gitignoreChanged } : {}),
    loaderAdded: extras.includeLoader,
    notices,
    message: text,
  };
}

/** After writing: check the pair, then (sandbox) see it pay. */
function nextSteps(chosen: ChosenCredentials): Actions {
  const ref = refOf(chosen.user);
  return {
    [vscode.l10n.t('Verify')]: () => runMomoCommand('momo.verifyApiUser', ref),
    ...(isSandbox(chosen.user.environment) ? { [vscode.l10n.t('Send Test Payment')]: () => runMomoCommand('momo.sendTestPayment', successfulTestPaymentArgs(ref)) } : {}),
  };
}

function summaryOf(file: string, chosen: ChosenCredentials, plan: SettingsPlan, dotenv: string | undefined, gitignore: string | undefined): string {
  const who = shortApiUser(chosen.user.apiUser);
  const names = vscode.l10n.t('{0} and {1}', plan.names.apiUser, plan.names.apiKey);
  if (!plan.changed) {
    return vscode.l10n.t('{0} already holds API user {1} ({2}); nothing needed to change.', file, who, names);
  }
  if (plan.mode === 'reference' && plan.envNames) {
    const where = dotenv ?? '.env';
    const pair = `${plan.envNames.apiUser}, ${plan.envNames.apiKey}`;
    return gitignore
      ? vscode.l10n.t('Wrote API user {0} into {1} ({2}) and added it to {3} so git leaves it out; {4} reads them from the environment.', who, where, pair, gitignore, file)
      : vscode.l10n.t('Wrote API user {0} into {1} ({2}); {3} reads them from the environment.', who, where, pair, file);
  }
  const { inFile, inDotenv } = writtenNames(plan);
  const and = (list: string[]): string => list.reduce((all, name) => (all ? vscode.l10n.t('{0} and {1}', all, name) : name), '');
  if (inDotenv.length > 0) {
    return inFile.length
      ? vscode.l10n.t('Wrote API user {0}: {1} into {2}, and {3} into {4}, which {2} reads from the environment.', who, and(inFile), file, and(inDotenv), dotenv ?? '.env')
      : vscode.l10n.t('Wrote API user {0}: {1} into {2}, which {3} reads from the environment.', who, and(inDotenv), dotenv ?? '.env', file);
  }
  return vscode.l10n.t('Wrote API user {0} into {1} ({2}).', who, file, names);
}
