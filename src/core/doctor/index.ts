/** The doctor and credential verification (see docs/contracts.md, "src/core/doctor and src/core/payments"). */
export type {
  DoctorApiUser,
  DoctorFinding,
  DoctorFix,
  DoctorFixId,
  DoctorInput,
  DoctorOptions,
  DoctorReport,
  DoctorSeverity,
  DoctorSubscriptionKey,
} from './types';
export { runDoctor, summarize } from './runDoctor';
export { renderDoctorMarkdown, escapeMarkdown } from './renderMarkdown';
export type { MarkdownOptions } from './renderMarkdown';
export { renderDoctorText } from './renderText';
export { SECTION_IDS, sectionOf, sectionTitle } from './sections';
export { explainPastedError, EXPLAIN_CHECK } from './checks/explainPasted';
export { workspaceFindings } from './workspace/workspaceFindings';
export type { WorkspaceFile, WorkspaceOptions } from './workspace/workspaceFindings';
export { settingsFindingToDoctor } from './workspace/settingsFinding';
export type { SettingsFixArgs } from './workspace/settingsFinding';
export { verifyApiUser } from './verifyApiUser';
export type { VerifyApiUserInput, VerifyApiUserReport, VerifyApiUserStep, VerifyApiUserStepName } from './verifyApiUser';
export { resolveEnvironment, hostKindOf } from './environment';
export type { HostKind, ResolvedEnvironment } from './environment';
