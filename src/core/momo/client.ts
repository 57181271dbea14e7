/**
 * The MoMo HTTP calls this extension needs: sandbox provisioning (user.json) and the cheap
 * checks of each product (token, balance, account holder). Every method throws MomoError only.
 */
import type { AxiosInstance, AxiosRequestConfig } from 'axios';
import type { ErrorContext } from './classify';
import { MomoError } from './momoError';
import { createHttp } from './http';
import { DEFAULT_TIMEOUT_MS, productHeaders, sendMomoRequest } from './request';
import { Product } from './products';
import { otherPlatformRefusal, type ProductionPlatform } from './platforms';
import { SANDBOX } from './environments';

export interface CallOptions {
  signal?: AbortSignal;
  /** This call's overall deadline (connect, headers, body); default the client's timeoutMs. */
  timeoutMs?: number;
}

export interface TokenCallOptions extends CallOptions {
  /** X-Target-Environment of this token request; default: the client's targetEnvironment. */
  targetEnvironment?: string;
}

export interface MomoClientOptions {
  baseUrl: string;
  /** Overall deadline of each request (connect, headers, body). Default 15000. */
  timeoutMs?: number;
  /**
   * Sent as X-Target-Environment with every token request (required on the new production
   * platform, harmless on the legacy one and in the sandbox). Default 'sandbox'.
   */
  targetEnvironment?: string;
  /** Deadline of token requests, when longer than timeoutMs: production tokens can take 10–20 s. */
  tokenTimeoutMs?: number;
  /**
   * The production platform the credentials belong to. The constructor refuses a base URL on a
   * known host of the other platform, so a pair is never sent there.
   */
  platform?: ProductionPlatform;
}

export { DEFAULT_TIMEOUT_MS };

type Operation = Omit<ErrorContext, 'host' | 'timeoutMs'>;

const JSON_BODY = { 'Content-Type': 'application/json' };

export class MomoClient {
  readonly baseUrl: string;
  readonly host: string;
  readonly timeoutMs: number;
  readonly targetEnvironment: string;
  readonly tokenTimeoutMs: number;
  private readonly http: AxiosInstance;

  constructor(options: MomoClientOptions) {
    this.baseUrl = options.baseUrl.trim().replace(/\/+$/, '');
    let url: URL;
    try {
      url = new URL(this.baseUrl);
    } catch {
      throw new MomoError({
        kind: 'unexpected',
        message: 'The API base URL cannot be read; it should look like https://sandbox.momodeveloper.mtn.com.',
        nextSteps: [{ id: 'checkBaseUrl', label: 'Check the API base URL' }],
      });
    }
    this.host = url.host;
    const refusal = options.platform ? otherPlatformRefusal(options.platform, this.baseUrl) : undefined;
    if (refusal) {
      throw new MomoError({
        kind: 'unexpected',
        host: this.host,
        message: refusal,
        nextSteps: [{ id: 'checkBaseUrl', label: 'Check the API base URL' }],
      });
    }
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.targetEnvironment = options.targetEnvironment?.trim() || SANDBOX;
    this.tokenTimeoutMs = Math.max(this.timeoutMs, options.tokenTimeoutMs ?? 0);
    this.http = createHttp(this.baseUrl, this.timeoutMs);
  }

  async createApiUser(subscriptionKey: string, referenceId: string, providerCallbackHost: string, o?: CallOptions): Promise<void> {
    await this.send({ operation: 'createApiUser', apiUser: referenceId }, o, {
      method: 'POST',
      url: '/v1_0/apiuser',
      headers: { ...JSON_BODY, 'X-Reference-Id': referenceId, 'Ocp-Apim-Subscription-Key': subscriptionKey },
      data: JSON.stringify({ providerCallbackHost }),
    });
  }

  async getApiUser(
    subscriptionKey: string,
    apiUser: string,
    o?: CallOptions,
  ): Promise<{ providerCallbackHost: string; targetEnvironment: string }> {
    const op = { operation: 'getApiUser', apiUser };
    const body = await this.sendForJson(op, o, {
      method: 'GET',
      url: `/v1_0/apiuser/${encodeURIComponent(apiUser)}`,
      headers: { 'Ocp-Apim-Subscription-Key': subscriptionKey },
    });
    return {
      providerCallbackHost: typeof body.providerCallbackHost === 'string' ? body.providerCallbackHost : '',
      targetEnvironment: typeof body.targetEnvironment === 'string' && body.targetEnvironment ? body.targetEnvironment : SANDBOX,
    };
  }

  async createApiKey(subscriptionKey: string, apiUser: string, o?: CallOptions): Promise<string> {
    const op = { operation: 'createApiKey', apiUser };
    const body = await this.sendForJson(op, o, {
      method: 'POST',
      url: `/v1_0/apiuser/${encodeURIComponent(apiUser)}/apikey`,
      headers: { ...JSON_BODY, 'Ocp-Apim-Subscription-Key': subscriptionKey },
      // Some gateways reject a POST without a body and Content-Length.
      data: '{}',
    });
    if (typeof body.apiKey !== 'string' || !body.apiKey) throw this.malformed(201);
    return body.apiKey;
  }

  async getToken(
    product: Product,
    subscriptionKey: string,
    apiUser: string,
    apiKey: string,
    o?: TokenCallOptions,
  ): Promise<{ accessToken: string; expiresIn: number }> {
    // The raw values, never URL-encoded: the new platform answers an encoded pair with a 500.
    const basic = Buffer.from(`${apiUser}:${apiKey}`, 'utf8').toString('base64');
    const targetEnvironment = o?.targetEnvironment?.trim() || this.targetEnvironment;
    const call = { ...o, timeoutMs: o?.timeoutMs ?? this.tokenTimeoutMs };
    const body = await this.sendForJson({ operation: 'getToken', product, apiUser, targetEnvironment }, call, {
      method: 'POST',
      // The trailing slash is part of the documented path.
      url: `/${product}/token/`,
      headers: {
        ...JSON_BODY,
        Authorization: `Basic ${basic}`,
        'Ocp-Apim-Subscription-Key': subscriptionKey,
        'X-Target-Environment': targetEnvironment,
      },
      data: '{}',
    });
    if (typeof body.access_token !== 'string' || !body.access_token) throw this.malformed(200);
    const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : Number(body.expires_in) || 3600;
    return { accessToken: body.access_token, expiresIn };
  }

  async getBalance(
    product: Product,
    subscriptionKey: string,
    accessToken: string,
    targetEnvironment: string,
    o?: CallOptions,
  ): Promise<{ availableBalance: string; currency: string }> {
    const body = await this.sendForJson({ operation: 'getBalance', product, targetEnvironment }, o, {
      method: 'GET',
      url: `/${product}/v1_0/account/balance`,
      headers: productHeaders(subscriptionKey, accessToken, targetEnvironment),
    });
    if (body.availableBalance === undefined || typeof body.currency !== 'string') throw this.malformed(200);
    return { availableBalance: String(body.availableBalance), currency: body.currency };
  }

  async isAccountHolderActive(
    product: Product,
    subscriptionKey: string,
    accessToken: string,
    targetEnvironment: string,
    msisdn: string,
    o?: CallOptions,
  ): Promise<boolean> {
    const body = await this.sendForJson({ operation: 'isAccountHolderActive', product, targetEnvironment }, o, {
      method: 'GET',
      url: `/${product}/v1_0/accountholder/msisdn/${encodeURIComponent(msisdn)}/active`,
      headers: productHeaders(subscriptionKey, accessToken, targetEnvironment),
    });
    return body.result === true || body.result === 'true';
  }

  private async sendForJson(op: Operation, o: CallOptions | undefined, config: AxiosRequestConfig): Promise<Record<string, unknown>> {
    const text = await this.send(op, o, config);
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object') return parsed as Record<string, unknown>;
    } catch {
      // Falls through: a 2xx that is not JSON is as unexpected as one with the wrong shape.
    }
    throw this.malformed(200);
  }

  /** Sends one request; resolves with the body text of a 2xx answer, otherwise throws MomoError. */
  private send(op: Operation, o: CallOptions | undefined, config: AxiosRequestConfig): Promise<string> {
    return sendMomoRequest(this.http, { ...op, host: this.host, timeoutMs: o?.timeoutMs ?? this.timeoutMs }, config, o?.signal);
  }

  private malformed(status: number): MomoError {
    return new MomoError({
      kind: 'unexpected',
      status,
      host: this.host,
      message: `${this.host} answered, but not in the documented shape (${status}).`,
      causes: ['The base URL points at something other than the MoMo API, such as a proxy or a web page.'],
      nextSteps: [
        { id: 'checkBaseUrl', label: 'Check the API base URL' },
        { id: 'showLog', label: 'Show the log' },
      ],
    });
  }
}
