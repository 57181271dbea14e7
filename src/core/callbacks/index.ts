/** Callback rehearsal: explanations of an app's answer, route proposals, the rehearsal itself. */
export * from './types';
export { explainCallbackAnswer, explainHostMismatch, explainWrongScheme, explainNoCallback, statusText } from './explainCallbackAnswer';
export type { ExplainContext } from './explainCallbackAnswer';
export { firstLines, isDjangoCsrfPage } from './answerText';
export { isLocalHost } from './localHosts';
export { readCallbackLog, waitForLoggedAttempt, CALLBACK_LOG_PATH } from './callbackLogClient';
export type { LoggedAttempt } from './callbackLogClient';
export {
  rehearseCallback,
  isRunningEmulator,
  parseCallbackUrl,
  defaultCallbackMethod,
  REHEARSAL_OUTCOMES,
} from './rehearseCallback';
export type { RehearsalInput, RehearsalResult, RehearsalOutcome, LocalEmulator, StartLocalEmulator, CallbackMethod } from './rehearseCallback';
export { proposeCallbackRoutes, locateDjangoView } from './projectRoutes';
export type { ProjectFile, ProposedRoute, RouteFramework } from './projectRoutes';
