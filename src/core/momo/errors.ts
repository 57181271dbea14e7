/**
 * Public face of MoMo error handling (see docs/contracts.md). The pieces live in small files:
 * the error type, the explanations, live classification and pasted-text classification.
 */
export { MomoError, isMomoError } from './momoError';
export type { MomoErrorKind, NextStep, NextStepId, MomoErrorInit } from './momoError';
export { classifyError, classifyResponse } from './classify';
export type { ErrorContext } from './classify';
export { explainErrorText } from './explainText';
export { explain, DEVELOPER_PORTAL_URL, PARTNER_PORTAL_URL } from './explanations';
