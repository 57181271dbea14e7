/**
 * Every `momo.*` command and its handler. Handlers take one argument (nothing, a tree node or a
 * plain object), resolve to a result object, and never throw to VS Code: an unexpected failure
 * is shown and logged once here instead of surfacing as a bare "command failed" toast.
 */
import * as vscode from 'vscode';
import { insertIntoCurrentFile } from '../settings/insertIntoCurrentFile';
import { presentError } from '../ui/errorPresenter';
import { addExistingApiUser } from './addExistingApiUser';
import type { CommandContext } from './commandContext';
import { copyApiKey, copyApiUserId } from './copyCredentials';
import { applyDoctorFix, diagnoseSetup } from './diagnoseSetup';
import { explainError } from './explainError';
import { generateApiKey } from './generateApiKey';
import { insertIntoSettings } from './insertIntoSettings';
import { provisionSandboxUser } from './provisionSandboxUser';
import { forgetAllCredentials, removeApiUser, removeSubscriptionKey } from './removeCredentials';
import { sendTestPayment } from './sendTestPayment';
import { setSubscriptionKey } from './setSubscriptionKey';
import { verifyApiUser } from './verifyApiUser';
import { openCredentialGuide, refresh, showLog } from './viewCommands';

type Handler = (ctx: CommandContext, arg: unknown) => unknown;

export const COMMAND_HANDLERS: Readonly<Record<string, Handler>> = {
  'momo.setSubscriptionKey': setSubscriptionKey,
  'momo.provisionSandboxUser': provisionSandboxUser,
  'momo.generateApiKey': generateApiKey,
  'momo.addExistingApiUser': addExistingApiUser,
  'momo.copyApiUserId': copyApiUserId,
  'momo.copyApiKey': copyApiKey,
  'momo.insertIntoSettings': insertIntoSettings,
  'momo.insertIntoCurrentFile': insertIntoCurrentFile,
  'momo.removeApiUser': removeApiUser,
  'momo.removeSubscriptionKey': removeSubscriptionKey,
  'momo.forgetAllCredentials': forgetAllCredentials,
  'momo.showLog': showLog,
  'momo.refresh': refresh,
  'momo.openCredentialGuide': openCredentialGuide,
  'momo.verifyApiUser': verifyApiUser,
  'momo.diagnoseSetup': diagnoseSetup,
  'momo.explainError': explainError,
  'momo.sendTestPayment': sendTestPayment,
  'momo.applyDoctorFix': applyDoctorFix,
};

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return Object.entries(COMMAND_HANDLERS).map(([id, handler]) =>
    vscode.commands.registerCommand(id, async (arg: unknown) => {
      try {
        return await handler(ctx, arg);
      } catch (err) {
        ctx.log.error(`${id} failed`, err);
        presentError(ctx, err);
        return { ok: false, reason: ctx.log.redact(err instanceof Error ? err.message : String(err)) };
      }
    }),
  );
}
