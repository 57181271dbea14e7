/**
 * The ids activate() registers, in one place. The activation bundle (dist/extension.js) needs
 * them before the command implementations are loaded (dist/features.js), so they live here,
 * free of imports; features.ts types its handler map as Record<CommandId, …>, so the compiler
 * rejects a handler without an id or an id without a handler. A unit test checks package.json.
 */
export const COMMAND_IDS = [
  'momo.setUp',
  'momo.setSubscriptionKey',
  'momo.provisionSandboxUser',
  'momo.provisionAllProducts',
  'momo.generateApiKey',
  'momo.finishProvisioning',
  'momo.addExistingApiUser',
  'momo.copyApiUserId',
  'momo.copyApiKey',
  'momo.insertIntoSettings',
  'momo.insertIntoCurrentFile',
  'momo.removeApiUser',
  'momo.removeSubscriptionKey',
  'momo.forgetAllCredentials',
  'momo.showLog',
  'momo.refresh',
  'momo.openCredentialGuide',
  'momo.verifyApiUser',
  'momo.diagnoseSetup',
  'momo.explainError',
  'momo.sendTestPayment',
  'momo.revokeAllowedHost',
  'momo.testMyCallback',
  // Not in the palette: the doctor report's fix buttons run it.
  'momo.applyDoctorFix',
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];

/** Run by the settings quick fixes; registered with the settings features (settings/index.ts). */
export const APPLY_FIX_COMMAND = 'momo.applySettingsFix';
