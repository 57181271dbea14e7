/**
 * The argument each `momo.*` command takes when another command, a test or another extension
 * runs it, and `runMomoCommand`, the one way the extension runs its own commands. The palette,
 * the welcome view and keybindings pass nothing; context menus pass a tree node
 * (tree/credentialNodes). Every field is optional: a missing one is asked for, an invalid one is
 * refused with a message (commandArgs.ts reads them).
 */
import * as vscode from 'vscode';
import type { RehearsalOutcome } from '../core/callbacks';
import type { CredentialKind } from '../core/momo/credentialKind';
import type { Product } from '../core/momo/products';
import type { TestOutcome } from '../core/payments';
import type { WriteMode } from '../core/settings';
import type { SubscriptionKeyType } from '../core/store/secretNames';
import { APPLY_FIX_COMMAND, type CommandId } from './commandIds';

/** `environment`: "sandbox" or a production target environment such as "mtnuganda". */
export interface CredentialScopeArgs {
  environment?: string;
  product?: Product;
}

/** Names one stored API user; the id alone is enough when it is unique. */
export interface ApiUserArgs extends CredentialScopeArgs {
  apiUser?: string;
}

export interface ConfirmArgs {
  /** true: skip the modal "are you sure?" question. */
  confirm?: boolean;
}

/** `file`: a Uri, a URI string, an absolute path, or a path relative to the first workspace folder. */
export interface SettingsFileArgs {
  file?: string | vscode.Uri;
}

/** The options of the insert commands (settings/insertOptions.ts). */
export interface InsertArgs extends ApiUserArgs, ConfirmArgs {
  mode?: WriteMode;
  loader?: boolean;
  show?: boolean;
  withSubscriptionKey?: boolean;
}

export interface SendTestPaymentArgs extends ApiUserArgs {
  outcome?: TestOutcome;
  /** A positive amount; a string is read as written ("12.50"). */
  amount?: string | number;
  /** '' sends no callback; undefined asks (palette and tree only). */
  callbackUrl?: string;
  payerMessage?: string;
  payeeNote?: string;
  timeLimitSeconds?: number;
  pollIntervalMs?: number;
  /** true: rehearse the callback against the app afterwards (MoMo: Test My Callback). */
  callMyApp?: boolean;
}

/** The arguments of momo.applySettingsFix, the settings quick fixes' command. */
export interface QuickFixCommandArgs {
  uri: string;
  /** edit: the core fix with `title`, planned again on the current text; fill: a stored user; provision: a new sandbox user. */
  action: 'edit' | 'fill' | 'provision';
  code?: string;
  name?: string;
  startOffset?: number;
  title?: string;
  environment?: string;
  product?: Product;
  /** The role of the variable the fix is for: a subscription key placeholder is filled too. */
  role?: string;
  /** "Fix all in file": every committed secret that can move to .env, in one edit. */
  all?: boolean;
}

/** One entry per command id. */
interface ArgumentTable {
  'momo.setUp': SettingsFileArgs & {
    key?: string;
    product?: Product;
    confirmReplace?: boolean;
    callbackHost?: string;
    fillSubscriptionKey?: boolean;
    mode?: WriteMode;
    testPayment?: boolean;
  };
  'momo.setSubscriptionKey': CredentialScopeArgs & ConfirmArgs & { key?: string; keyType?: SubscriptionKeyType };
  'momo.provisionSandboxUser': CredentialScopeArgs & { subscriptionKeyType?: SubscriptionKeyType; callbackHost?: string };
  'momo.provisionAllProducts': { callbackHost?: string };
  'momo.generateApiKey': ApiUserArgs & ConfirmArgs;
  'momo.finishProvisioning': ApiUserArgs & ConfirmArgs;
  /** In production `apiUser` / `apiKey` may be System Credentials (User ID + Credential Token); `credentialKind` says which. */
  'momo.addExistingApiUser': ApiUserArgs & { credentialKind?: CredentialKind; apiKey?: string; callbackHost?: string; label?: string };
  'momo.copyApiUserId': ApiUserArgs;
  'momo.copyApiKey': ApiUserArgs;
  'momo.insertIntoSettings': InsertArgs & SettingsFileArgs & { copy?: boolean };
  'momo.insertIntoCurrentFile': InsertArgs;
  'momo.removeApiUser': ApiUserArgs & ConfirmArgs;
  'momo.removeSubscriptionKey': CredentialScopeArgs & ConfirmArgs & { keyType?: SubscriptionKeyType };
  'momo.forgetAllCredentials': ConfirmArgs;
  'momo.showLog': undefined;
  'momo.refresh': undefined;
  'momo.openCredentialGuide': undefined;
  'momo.verifyApiUser': ApiUserArgs & { msisdn?: string };
  'momo.diagnoseSetup': ApiUserArgs & {
    /** A pasted error to explain (`text` is an alias). */
    errorText?: string;
    text?: string;
    baseUrl?: string;
    targetEnvironment?: string;
    currency?: string;
    /** false: skip the workspace's settings files. */
    workspace?: boolean;
    /** false: no report panel, only the result. */
    show?: boolean;
  };
  'momo.explainError': { text?: string; errorText?: string };
  'momo.sendTestPayment': SendTestPaymentArgs;
  'momo.revokeAllowedHost': { host?: string };
  'momo.testMyCallback': ApiUserArgs & { url?: string; outcome?: RehearsalOutcome; method?: 'PUT' | 'POST'; show?: boolean };
  /** The doctor report's fix buttons: the finding and fix indexes of the current report. */
  'momo.applyDoctorFix': { finding: number; fix: number };
  'momo.applySettingsFix': QuickFixCommandArgs;
}

export type MomoCommandId = CommandId | typeof APPLY_FIX_COMMAND;

/** The argument of each command; an id missing from the table does not compile. */
export type MomoCommandArgs = { [K in MomoCommandId]: ArgumentTable[K] };

/** A command id with its argument, as one tuple: `runMomoCommand(...call)`. */
export type MomoCommandCall = {
  [K in MomoCommandId]: MomoCommandArgs[K] extends undefined ? [command: K] : [command: K, arg?: MomoCommandArgs[K]];
}[MomoCommandId];

/** Runs one of the extension's commands with a typed argument; resolves to the command's result object. */
export function runMomoCommand(...call: MomoCommandCall): Thenable<unknown> {
  const [command, ...arg] = call;
  return vscode.commands.executeCommand(command, ...arg);
}
