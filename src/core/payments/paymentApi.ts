/**
 * The two payment calls the core client does not have: create a payment (collection:
 * request to pay; disbursement and remittance: transfer) and read its status. Built on the
 * core's axios helper and error classification, so a failed payment call is explained in
 * exactly the same words as a failed token or balance call.
 */
import type { AxiosInstance, AxiosRequestConfig } from 'axios';
import { explain } from '../momo/explanations';
import { createHttp } from '../momo/http';
import { productHeaders, sendMomoRequest } from '../momo/request';
import { MomoError } from '../momo/momoError';
import { Product } from '../momo/products';

/** The path segment of the payment resource; also the operation name classification knows. */
export function paymentResourceOf(product: Product): 'requesttopay' | 'transfer' {
  return product === 'collection' ? 'requesttopay' : 'transfer';
}

/** The body field naming the other party: collection takes money FROM a payer, the others pay a payee. */
export function partyFieldOf(product: Product): 'payer' | 'payee' {
  return product === 'collection' ? 'payer' : 'payee';
}

export interface PaymentRequest {
  amount: string;
  currency: string;
  externalId: string;
  /** An MSISDN: the payer for collection, the payee otherwise. */
  partyId: string;
  payerMessage: string;
  payeeNote: string;
}

export interface PaymentReason {
  code: string;
  message?: string;
}

export interface PaymentStatusAnswer {
  /** PENDING | SUCCESSFUL | FAILED per the Swagger; kept as a string because the live sandbox has drifted. */
  status: string;
  reason?: PaymentReason;
  financialTransactionId?: string;
}

/** Everything a product call needs besides the payment itself. */
export interface ProductAuth {
  subscriptionKey: string;
  accessToken: string;
  targetEnvironment: string;
}

export interface PaymentApiOptions {
  /** Already normalised, as MomoClient.baseUrl is. */
  baseUrl: string;
  host: string;
  timeoutMs: number;
}

export class PaymentApi {
  private readonly http: AxiosInstance;

  constructor(private readonly options: PaymentApiOptions) {
    this.http = createHttp(options.baseUrl, options.timeoutMs);
  }

  /** POST …/requesttopay or …/transfer → 202. `referenceId` must be a new UUID v4. */
  async create(
    product: Product,
    auth: ProductAuth,
    referenceId: string,
    request: PaymentRequest,
    callbackUrl?: string,
    signal?: AbortSignal,
  ): Promise<void> {
    const body = {
      amount: request.amount,
      currency: request.currency,
      externalId: request.externalId,
      [partyFieldOf(product)]: { partyIdType: 'MSISDN', partyId: request.partyId },
      payerMessage: request.payerMessage,
      payeeNote: request.payeeNote,
    };
    await this.send(product, signal, product === 'collection' ? 'requestToPay' : 'transfer', {
      method: 'POST',
      url: `/${product}/v1_0/${paymentResourceOf(product)}`,
      headers: {
        ...this.headers(auth),
        'Content-Type': 'application/json',
        'X-Reference-Id': referenceId,
        ...(callbackUrl ? { 'X-Callback-Url': callbackUrl } : {}),
      },
      data: JSON.stringify(body),
    });
  }

  /** GET …/{referenceId} → 200 even for a FAILED payment: the outcome is in `status`. */
  async status(product: Product, auth: ProductAuth, referenceId: string, signal?: AbortSignal): Promise<PaymentStatusAnswer> {
    const text = await this.send(product, signal, 'paymentStatus', {
      method: 'GET',
      url: `/${product}/v1_0/${paymentResourceOf(product)}/${encodeURIComponent(referenceId)}`,
      headers: this.headers(auth),
    });
    const body = parseObject(text);
    if (!body || typeof body.status !== 'string') throw this.malformed();
    return {
      status: body.status.toUpperCase(),
      reason: parseReason(body.reason),
      financialTransactionId: typeof body.financialTransactionId === 'string' ? body.financialTransactionId : undefined,
    };
  }

  private headers(auth: ProductAuth): Record<string, string> {
    return productHeaders(auth.subscriptionKey, auth.accessToken, auth.targetEnvironment);
  }

  /** 'requestToPay' / 'transfer' / 'paymentStatus': operation names classification treats as product calls. */
  private send(product: Product, signal: AbortSignal | undefined, operation: string, config: AxiosRequestConfig): Promise<string> {
    return sendMomoRequest(this.http, { operation, product, host: this.options.host, timeoutMs: this.options.timeoutMs }, config, signal);
  }

  private malformed(): MomoError {
    return explain('unexpected', { host: this.options.host, status: 200, operation: 'paymentStatus' });
  }
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The Swagger's ErrorReason is {code, message}; older sandbox answers send the code as a bare string. */
function parseReason(value: unknown): PaymentReason | undefined {
  if (typeof value === 'string' && value) return { code: value };
  if (!value || typeof value !== 'object') return undefined;
  const { code, message } = value as Record<string, unknown>;
  if (typeof code !== 'string' || !code) return undefined;
  return typeof message === 'string' && message ? { code, message } : { code };
}
