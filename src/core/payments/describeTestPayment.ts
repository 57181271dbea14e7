/**
 * Turns the polling outcome into the result people see: the real status and reason, and
 * whether that is what the chosen test number is documented to produce.
 */
import { PRODUCT_LABELS } from '../momo/products';
import type { PollOutcome } from './pollPaymentStatus';
import type { TestPaymentResult } from './sendTestPayment';
import { TEST_OUTCOME_INFO } from './testPaymentInput';

/** What was sent (as in the result) and what polling found. */
export type DescribeInput = Pick<TestPaymentResult, 'referenceId' | 'product' | 'outcome' | 'partyId' | 'amount' | 'currency'> & {
  polled: PollOutcome;
};

export function describeTestPayment(d: DescribeInput): TestPaymentResult {
  const info = TEST_OUTCOME_INFO[d.outcome];
  const last = d.polled.last;
  const status = last?.status ?? 'UNKNOWN';
  const reason = last?.reason;
  const matchesOutcome = status === info.expectedStatus && (info.expectedReason === undefined || reason?.code === info.expectedReason);
  const kind = d.product === 'collection' ? 'request to pay' : 'transfer';
  const reads = `${d.polled.polls} status read${d.polled.polls === 1 ? '' : 's'}`;
  const because = reason ? ` (${reason.code}${reason.message ? `: ${reason.message.replace(/\.$/, '')}` : ''})` : '';
  const payment = `The ${PRODUCT_LABELS[d.product]} ${kind}`;
  // Collection takes the money from the payer; transfers send it to the payee.
  const party = `${d.product === 'collection' ? 'from' : 'to'} ${d.partyId}`;
  const parts = [
    last
      ? `${payment} of ${d.amount} ${d.currency} ${party} is ${status}${because} after ${reads}.`
      : `${payment} was accepted, but its status could not be read in ${reads}.`,
  ];
  if (d.polled.timedOut && last && status !== 'UNKNOWN') parts.push('The time limit passed before a final status.');
  if (d.polled.lastError) parts.push(`Last error: ${d.polled.lastError.message}`);
  if (last && !matchesOutcome) {
    const expected = `${info.expectedStatus}${info.expectedReason ? ` (${info.expectedReason})` : ''}`;
    parts.push(`The sandbox documents ${expected} for "${info.label}"; it has drifted before, so this is its real answer.`);
  }
  return {
    referenceId: d.referenceId,
    product: d.product,
    outcome: d.outcome,
    partyId: d.partyId,
    amount: d.amount,
    currency: d.currency,
    status,
    reason,
    financialTransactionId: last?.financialTransactionId,
    polls: d.polled.polls,
    timedOut: d.polled.timedOut,
    matchesOutcome,
    summary: parts.join(' '),
    lastError: d.polled.lastError,
  };
}
