/**
 * Second entry point (dist/features.js), loaded by lazyFeatures.ts on the first command or the
 * first settings document to check: everything activate() does not need.
 */
import * as vscode from 'vscode';
import { addExistingApiUser } from './commands/addExistingApiUser';
import type { CommandId } from './commands/commandIds';
import type { CommandContext } from './commands/commandContext';
import { copyApiKey, copyApiUserId } from './commands/copyCredentials';
import { applyDoctorFix, diagnoseSetup } from './commands/diagnoseSetup';
import { explainError } from './commands/explainError';
import { generateApiKey } from './commands/generateApiKey';
import { insertIntoSettings } from './commands/insertIntoSettings';
import { provisionAllProducts } from './commands/provisionAllProducts';
import { provisionSandboxUser } from './commands/provisionSandboxUser';
import { forgetAllCredentials, removeApiUser, removeSubscriptionKey } from './commands/removeCredentials';
import { revokeAllowedHost } from './commands/revokeAllowedHost';
import { sendTestPayment } from './commands/sendTestPayment';
import { setSubscriptionKey } from './commands/setSubscriptionKey';
import { testMyCallback } from './commands/testMyCallback';
import { verifyApiUser } from './commands/verifyApiUser';
import { openCredentialGuide, refresh, showLog } from './commands/viewCommands';
import { insertIntoCurrentFile } from './settings/insertIntoCurrentFile';
import { setUpMomo } from './setup/setUpMomo';
import { useDisplayLanguageInCore } from './coreLanguage';
import { ProductionSecrets } from './settings/productionSecrets';
import { SettingsCodeActions } from './settings/settingsCodeActions';
import { SettingsDiagnostics } from './settings/settingsDiagnostics';

// Errors are presented with this bundle's copy: MomoError (isMomoError) comes from this bundle.
export { presentError } from './ui/errorPresenter';
export { applySettingsFix } from './settings/applySettingsFix';

// This bundle's copy of core speaks VS Code's display language too.
useDisplayLanguageInCore();

type Handler = (ctx: CommandContext, arg: unknown) => unknown;

export const COMMAND_HANDLERS: Readonly<Record<CommandId, Handler>> = {
  'momo.setUp': setUpMomo,
  'momo.setSubscriptionKey': setSubscriptionKey,
  'momo.provisionSandboxUser': provisionSandboxUser,
  'momo.provisionAllProducts': provisionAllProducts,
  'momo.generateApiKey': generateApiKey,
  // A pending user has no key to break, so finishing is generating its first key.
  'momo.finishProvisioning': generateApiKey,
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
  'momo.revokeAllowedHost': revokeAllowedHost,
  'momo.testMyCallback': testMyCallback,
  'momo.applyDoctorFix': applyDoctorFix,
};

export interface SettingsFeatures extends vscode.Disposable {
  secrets: ProductionSecrets;
  codeActions: SettingsCodeActions;
}

/** Diagnostics (they check every open settings file on creation) and the quick-fix provider behind settings/index.ts. */
export function createSettingsFeatures(ctx: CommandContext): SettingsFeatures {
  const secrets = new ProductionSecrets(ctx.store);
  const diagnostics = new SettingsDiagnostics(secrets, ctx.log);
  const codeActions = new SettingsCodeActions(diagnostics, ctx.store);
  return { secrets, codeActions, dispose: () => vscode.Disposable.from(secrets, diagnostics).dispose() };
}
