/** Sandbox test payments (see docs/contracts.md, "src/core/doctor and src/core/payments"). */
export {
  sendTestPayment,
  DEFAULT_POLL_INTERVAL_MS,
  DEFAULT_MAX_POLL_INTERVAL_MS,
  DEFAULT_TIME_LIMIT_MS,
} from './sendTestPayment';
export type { TestPaymentInput, TestPaymentResult, TestPaymentUpdate } from './sendTestPayment';
export { checkTestPaymentInput } from './checkTestPaymentInput';
export type { TestPaymentFields, TestPaymentCheck, CleanTestPaymentValues } from './checkTestPaymentInput';
export {
  TEST_OUTCOMES,
  TEST_OUTCOME_INFO,
  TEST_PAYMENT_CURRENCY,
  MAX_NOTE_LENGTH,
  isTestOutcome,
  validateAmount,
  validatePaymentNote,
  validateCallbackUrl,
  callbackExample,
} from './testPaymentInput';
export type { TestOutcome, TestOutcomeInfo } from './testPaymentInput';
export { PaymentApi, paymentResourceOf, partyFieldOf } from './paymentApi';
export type { PaymentReason, PaymentRequest, PaymentStatusAnswer, ProductAuth } from './paymentApi';
export { pollPaymentStatus, isFinalStatus } from './pollPaymentStatus';
export type { PollOptions, PollOutcome } from './pollPaymentStatus';
