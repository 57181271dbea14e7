/**
 * Pure validators for everything a person types or pastes (see docs/contracts.md). Each returns
 * the normalised value, or one message saying what the value looks like and what was expected.
 */
export type { Validation } from './validationCommon';
export { validateSubscriptionKey, validateApiKey, validateApiUser, DOCUMENTATION_API_KEYS, DOCUMENTATION_API_USERS } from './validateKeys';
export { validateCallbackHost, validateBaseUrl } from './validateHosts';
export { validateTargetEnvironment } from './validateTargetEnvironment';
export {
  validateSystemUserId,
  validateCredentialToken,
  validateUserIdOf,
  validateSecretOf,
  detectCredentialKind,
  isCredentialKind,
  CREDENTIAL_KIND_HINT,
  CREDENTIAL_KIND_LABELS,
  CREDENTIAL_PART_NAMES,
  type CredentialKind,
} from './credentialKind';
