import type { Product } from '../core/momo/products';

export interface ApiUserRecord {
  id: string;
  providerCallbackHost: string;
  /** Undefined until POST /apikey; each new key replaces the previous one. */
  apiKey?: string;
  /** 'sandbox' for provisioned users; a production user may be pinned to one environment. */
  targetEnvironment?: string;
  /** System Credentials of the new platform: `id` is the User ID (case-sensitive), `apiKey` the Credential Token. */
  system?: boolean;
}

export interface TokenRecord {
  apiUser: string;
  product: Product;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export type PaymentStatus = 'PENDING' | 'SUCCESSFUL' | 'FAILED';

export interface PaymentReason {
  code: string;
  message: string;
}

export interface PaymentRecord {
  product: Product;
  referenceId: string;
  /** Only the API user that created a payment can read it back. */
  apiUser: string;
  partyField: 'payer' | 'payee';
  amount: string;
  currency: string;
  externalId?: string;
  party: { partyIdType: string; partyId: string };
  payerMessage?: string;
  payeeNote?: string;
  callbackUrl?: string;
  /** How many times the status has been read; drives the "pending, then successful" number. */
  reads: number;
  financialTransactionId: string;
  /** Set once the payment was seen in its final state (its callback, if any, is then sent). */
  settled?: boolean;
}

/** Everything the emulator remembers. In memory only: a new emulator starts empty. */
export class EmulatorState {
  readonly apiUsers = new Map<string, ApiUserRecord>();
  readonly tokens = new Map<string, TokenRecord>();
  private readonly payments = new Map<string, PaymentRecord>();

  getPayment(product: Product, referenceId: string): PaymentRecord | undefined {
    return this.payments.get(paymentKey(product, referenceId));
  }

  addPayment(payment: PaymentRecord): void {
    this.payments.set(paymentKey(payment.product, payment.referenceId), payment);
  }
}

// Reference ids are unique per product: a collection request-to-pay and a disbursement
// transfer live in different MoMo systems.
function paymentKey(product: Product, referenceId: string): string {
  return `${product}:${referenceId.toLowerCase()}`;
}
