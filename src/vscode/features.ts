/**
 * Second entry point (dist/features.js), the network chunk: every command handler, the MoMo
 * client and axios, the doctor, payments. Loaded by lazyFeatures.ts on the first command. The
 * settings diagnostics live in dist/settings.js (settingsChunk.ts) and do not load this.
 */
import { addExistingApiUser } from './commands/addExistingApiUser';
import type { CommandId } from './commandIds';
import type { CommandContext } from './commandContext';
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
import { insertIntoCurrentFile } from './commands/insertIntoCurrentFile';
import { setUpMomo } from './setup/setUpMomo';
import { useDisplayLanguageInCore } from './coreLanguage';

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
