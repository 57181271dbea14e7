import type { PaymentReason, PaymentRecord, PaymentStatus } from './state';

/**
 * The documented sandbox test numbers (docs/momo-api.md, "Sandbox rules"). Matched on the exact partyId:
 * a country prefix glued on (`25646733123450`) makes it "any other number", which succeeds,
 * exactly the surprise users meet in the real sandbox.
 */
const SANDBOX_TEST_NUMBERS = {
  failed: '46733123450',
  rejected: '46733123451',
  expired: '46733123452',
  ongoingThenSuccessful: '46733123453',
  payerDelayed: '46733123454',
} as const;

const FAILURES: Record<string, PaymentReason> = {
  [SANDBOX_TEST_NUMBERS.failed]: { code: 'INTERNAL_PROCESSING_ERROR', message: 'An internal error occurred while processing.' },
  [SANDBOX_TEST_NUMBERS.rejected]: { code: 'APPROVAL_REJECTED', message: 'The payer rejected the request.' },
  [SANDBOX_TEST_NUMBERS.expired]: { code: 'EXPIRED', message: 'The request expired before the payer approved it.' },
};

/**
 * PAYER_DELAYED is not in the Swagger's ErrorReason enum, but MTN's sandbox documentation names it for this
 * number. It is attached to a PENDING status so tools can say why the payment waits; a
 * client must therefore decide on `status`, never on the mere presence of `reason`.
 */
const PAYER_DELAYED: PaymentReason = { code: 'PAYER_DELAYED', message: 'The payer has not approved the request yet.' };

export interface PaymentOutcome {
  status: PaymentStatus;
  reason?: PaymentReason;
}

/**
 * The status a read returns. `readIndex` is 1 for the first read. Test numbers only apply in
 * sandbox mode; in production mode every payment succeeds (use faults for failures).
 */
export function outcomeOnRead(
  payment: PaymentRecord,
  readIndex: number,
  sandbox: boolean,
  pendingReadsBeforeSuccess: number,
): PaymentOutcome {
  if (!sandbox) return { status: 'SUCCESSFUL' };
  const partyId = payment.party.partyId;
  const failure = FAILURES[partyId];
  if (failure) return { status: 'FAILED', reason: failure };
  if (partyId === SANDBOX_TEST_NUMBERS.payerDelayed) return { status: 'PENDING', reason: PAYER_DELAYED };
  if (partyId === SANDBOX_TEST_NUMBERS.ongoingThenSuccessful && readIndex <= pendingReadsBeforeSuccess) {
    return { status: 'PENDING' };
  }
  return { status: 'SUCCESSFUL' };
}
