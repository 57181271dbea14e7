/**
 * All input problems of a test payment at once, so a form can show them together instead of
 * one per attempt, plus the cleaned values to send. Pure: no network, nothing sent.
 */
import { isProduct } from '../momo/products';
import { validateApiKey, validateApiUser, validateSubscriptionKey } from '../momo/validation';
import type { Validation } from '../momo/validationCommon';
import { isTestOutcome, TEST_OUTCOMES, validateAmount, validateCallbackUrl, validatePaymentNote } from './testPaymentInput';

export interface TestPaymentFields {
  product: string;
  subscriptionKey: string;
  apiUser: string;
  apiKey: string;
  outcome: string;
  amount: string | number;
  callbackUrl?: string;
  providerCallbackHost?: string;
  payerMessage?: string;
  payeeNote?: string;
  timeLimitMs?: number;
  pollIntervalMs?: number;
}

/** Values as they will be sent: pasted spaces, quotes and upper case removed by the core validators. */
export interface CleanTestPaymentValues {
  subscriptionKey: string;
  apiUser: string;
  apiKey: string;
  amount: string;
  callbackUrl?: string;
}

export interface TestPaymentCheck {
  /** Plain sentences, empty when the payment may be sent. */
  problems: string[];
  clean: CleanTestPaymentValues;
}

export function checkTestPaymentInput(input: TestPaymentFields): TestPaymentCheck {
  const problems: string[] = [];
  const take = (v: Validation, fallback: string): string => {
    if (v.ok) return v.value;
    problems.push(v.message);
    return fallback;
  };
  if (!isProduct(input.product)) problems.push('The product must be collection, disbursement or remittance.');
  if (!isTestOutcome(input.outcome)) problems.push(`The outcome must be one of ${TEST_OUTCOMES.join(', ')}.`);
  const clean: CleanTestPaymentValues = {
    amount: take(validateAmount(input.amount), ''),
    subscriptionKey: take(validateSubscriptionKey(input.subscriptionKey), ''),
    apiUser: take(validateApiUser(input.apiUser), ''),
    apiKey: take(validateApiKey(input.apiKey), ''),
  };
  if (input.payerMessage !== undefined) take(validatePaymentNote(input.payerMessage, 'payerMessage'), '');
  if (input.payeeNote !== undefined) take(validatePaymentNote(input.payeeNote, 'payeeNote'), '');
  if (input.callbackUrl?.trim()) clean.callbackUrl = take(validateCallbackUrl(input.callbackUrl, input.providerCallbackHost), '');
  if (input.timeLimitMs !== undefined && !(input.timeLimitMs >= 0)) problems.push('The time limit must be 0 or more milliseconds.');
  if (input.pollIntervalMs !== undefined && !(input.pollIntervalMs >= 0)) problems.push('The poll interval must be 0 or more milliseconds.');
  return { problems, clean };
}
