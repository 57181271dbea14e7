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
 * The callback URL of a test payment. Test payments run in the sandbox, and the sandbox calls
 * back over plain http only (docs/momo-api.md, "Callbacks"; the emulator refuses https there the
 * way MoMo does), on the API user's provider callback host: production refuses any other host
 * (INVALID_CALLBACK_URL_HOST). The sandbox does not check the host, which is exactly why it is
 * checked here, before the first production payment finds out.
 */
export function validateCallbackUrl(raw: string, providerCallbackHost?: string): Validation {
  const text = (raw ?? '').trim().slice(0, MAX_CALLBACK_URL_LENGTH + 1);
  const expected = providerCallbackHost ? registeredHost(providerCallbackHost) : undefined;
  const example = callbackExample(expected);
  if (!text) return refuse(`Enter the callback URL, such as ${example}, or leave it out.`);
  if (text.length > MAX_CALLBACK_URL_LENGTH) return refuse(`The callback URL is longer than ${MAX_CALLBACK_URL_LENGTH} characters; use a shorter one, such as ${example}.`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse(`The callback URL cannot be read: write it in full, such as ${example}.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return refuse(`The callback URL must start with http://, such as ${example}.`);
  if (url.username || url.password) return refuse('Leave credentials out of the callback URL: MoMo would send them along.');
  if (expected && url.hostname.toLowerCase() !== expected) {
    return refuse(
      `The callback URL is on ${url.hostname}, but this API user's provider callback host is ${expected}: ` +
        `MoMo only calls back to that host (production answers INVALID_CALLBACK_URL_HOST).`,
    );
  }
  if (url.protocol === 'https:') {
    return refuse(`The sandbox calls back over plain http, not https: write http://${url.host}${url.pathname === '/' ? '' : url.pathname}. (Production calls back over https only.)`);
  }
  return accept(url.toString());
}

/** Long enough for any real callback URL; longer input is refused before it is parsed. */
export const MAX_CALLBACK_URL_LENGTH = 2000;

/** An example callback URL for the prompt and the messages: on the registered host when known. */
export function callbackExample(providerCallbackHost?: string): string {
  return `http://${providerCallbackHost ? registeredHost(providerCallbackHost) : 'example.com'}/momo/callback`;
}

function registeredHost(providerCallbackHost: string): string {
  const registered = validateCallbackHost(providerCallbackHost);
  return registered.ok ? registered.value : providerCallbackHost.trim().toLowerCase().slice(0, 253);
}
