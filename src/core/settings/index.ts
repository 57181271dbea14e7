/**
 * Public API of the settings planner (pure: no `vscode`, no file system). See
 * docs/contracts.md, section "src/core/settings".
 */
export type {
  CredentialNames,
  CredentialRole,
  CredentialValues,
  Dialect,
  FileChange,
  Finding,
  FindingCode,
  FindingOptions,
  FindingSeverity,
  LoaderOffer,
  MomoRole,
  PlanOptions,
  Position,
  QuickFix,
  Range,
  SettingsDocument,
  SettingsPlan,
  TextEdit,
  WriteMode,
} from './types';
export { detectDialect, isDotenvFileName, isTemplateFileName, templateRefusal, unsupportedMessage, supportedFormatsText, type DialectInfo } from './dialect';
export { planCredentialInsert, applyPlan, documentEdits, resolveMode, writtenNames } from './plan';
export { applyEdits } from './text/edits';
export { DJANGO_ENTRY_FILES, isProjectMarker, loadsDotenvForSettings } from './project';
export { detectFindings } from './findings/detect';
export { planMoveFix } from './findings/fixes';
export type { MoveFixPlanner } from './findings/context';
export { isMtnMomoDocument, mtnEvidence, type MtnEvidence } from './mtnDetection';
export { planGitignoreEntry, isIgnoredBy } from './gitignore';
export { classifyName, type NameInfo } from './names/classify';
export { isPlaceholderValue, isDocumentationExample, realSecretShape, looksLikeRealSecret, DOCUMENTATION_EXAMPLE_VALUES } from './values';
export { findMomoVariables, type MomoVariable } from './variables';
export { detectFindingsIncrementally, isMtnAfterChanges, type FindingsState, type FindingsUpdate } from './incremental/incrementalFindings';
export type { TextChange } from './incremental/textChange';
export { isFillableSlot, subscriptionKeySlot, type SubscriptionKeySlot } from './subscriptionKeySlot';
export { requirementsEdits, pyprojectEdits } from './python/dependencies';
export { chooseDependencyEdit, DEPENDENCY_FILES, type DependencyDecision, type DependencyFile, type DependencyFileName } from './python/dependencyTarget';
export { planMoveAllSecrets, movingFix, fixAllTitle, type MoveAllPlan } from './findings/fixAll';
