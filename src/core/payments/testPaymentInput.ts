/**
 * What a sandbox test payment is made of, checked before anything is sent: the outcome to
 * simulate (a documented sandbox test number), the amount, the two free-text notes and the
 * optional callback URL. Every validator is pure and returns the core's `Validation`.
 */
import { accept, refuse, Validation } from '../momo/validationCommon';
import { validateCallbackHost } from '../momo/validateHosts';

export const TEST_OUTCOMES = ['success', 'failed', 'rejected', 'timeout', 'ongoing', 'pending'] as const;
export type TestOutcome = (typeof TEST_OUTCOMES)[number];

export interface TestOutcomeInfo {
  /** The payer (collection) or payee (disbursement, remittance) MSISDN that makes the sandbox answer this way. */
  partyId: string;
  label: string;
  /** The documented final status and reason code; the live sandbox has drifted, so they are compared, not assumed. */
  expectedStatus: 'SUCCESSFUL' | 'FAILED' | 'PENDING';
  expectedReason?: string;
}

/** docs/momo-api.md, "Sandbox rules". Any number outside 46733123450–54 succeeds. */
export const TEST_OUTCOME_INFO: Readonly<Record<TestOutcome, TestOutcomeInfo>> = {
  success: { partyId: '46733123460', label: 'Success', expectedStatus: 'SUCCESSFUL' },
  failed: { partyId: '46733123450', label: 'Failed', expectedStatus: 'FAILED', expectedReason: 'INTERNAL_PROCESSING_ERROR' },
  rejected: { partyId: '46733123451', label: 'Rejected by the payer', expectedStatus: 'FAILED', expectedReason: 'APPROVAL_REJECTED' },
  timeout: { partyId: '46733123452', label: 'Timed out', expectedStatus: 'FAILED', expectedReason: 'EXPIRED' },
  ongoing: { partyId: '46733123453', label: 'Pending for a while, then successful', expectedStatus: 'SUCCESSFUL' },
  pending: { partyId: '46733123454', label: 'Stays pending', expectedStatus: 'PENDING', expectedReason: 'PAYER_DELAYED' },
};

export function isTestOutcome(value: unknown): value is TestOutcome {
  return typeof value === 'string' && (TEST_OUTCOMES as readonly string[]).includes(value);
}

/** The sandbox only takes EUR; test payments never run anywhere else. */
export const TEST_PAYMENT_CURRENCY = 'EUR';

/** The live API answers 400 to longer notes (the emulator does too). */
export const MAX_NOTE_LENGTH = 160;

/** A positive EUR amount with at most 2 decimals, as a string ("5", "0.5", "12.30"). */
export function validateAmount(raw: string | number): Validation {
  if (typeof raw === 'number' && !Number.isFinite(raw)) return refuse('The amount must be a number, such as 5 or 12.50.');
  const text = String(raw ?? '').trim();
  if (!text) return refuse('Enter an amount in EUR, such as 5 or 12.50.');
  if (/^\d+,\d+$/.test(text)) return refuse(`Write the decimals with a dot: ${text.replace(',', '.')}.`);
  if (/^-/.test(text)) return refuse('The amount must be positive.');
  const decimals = /^\d+\.(\d+)$/.exec(text);
  if (decimals && decimals[1].length > 2) return refuse('EUR has at most 2 decimals (cents), such as 12.50.');
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return refuse('The amount is a plain number of EUR, such as 5 or 12.50, without a currency sign or spaces.');
  if (Number(text) <= 0) return refuse('The amount must be more than 0.');
  return accept(text);
}

/**
 * payerMessage / payeeNote: at most 160 characters, and no `&` or `'`, which have made the
 * API answer 400 in practice even though the Swagger allows any string.
 */
export function validatePaymentNote(raw: string, field: 'payerMessage' | 'payeeNote'): Validation {
  const text = (raw ?? '').trim();
  if (text.length > MAX_NOTE_LENGTH) {
    return refuse(`${field} has ${text.length} characters; the API accepts at most ${MAX_NOTE_LENGTH}.`);
  }
  const forbidden = [...text].find((c) => c === '&' || c === "'");
  if (forbidden) return refuse(`${field} contains "${forbidden}", which the API has been seen to refuse (400); leave it out.`);
  return accept(text);
}

/**
 * The callback URL must be on the API user's provider callback host: production refuses any
 * other host (INVALID_CALLBACK_URL_HOST). The sandbox does not check, which is exactly why
 * it is checked here, before the first production payment finds out.
 */
export function validateCallbackUrl(raw: string, providerCallbackHost?: string): Validation {
  const text = (raw ?? '').trim();
  if (!text) return refuse('Enter the callback URL, such as https://example.com/momo/callback, or leave it out.');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse('The callback URL cannot be read: write it in full, such as https://example.com/momo/callback.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return refuse('The callback URL must start with https://.');
  if (url.username || url.password) return refuse('Leave credentials out of the callback URL: MoMo would send them along.');
  if (providerCallbackHost) {
    const registered = validateCallbackHost(providerCallbackHost);
    const expected = registered.ok ? registered.value : providerCallbackHost.trim().toLowerCase();
    if (url.hostname.toLowerCase() !== expected) {
      return refuse(
        `The callback URL is on ${url.hostname}, but this API user's provider callback host is ${expected}: ` +
          `MoMo only calls back to that host (production answers INVALID_CALLBACK_URL_HOST).`,
      );
    }
  }
  const notices = url.protocol === 'http:' ? ['Production needs https for callbacks.'] : [];
  return accept(url.toString(), notices);
}
