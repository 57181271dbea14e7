/**
 * "Verify credentials" for a stored API user: read the user (sandbox only), get a token,
 * read the balance (the core's verifyCredentials does these two), and check an account
 * holder. Stops at the first failure, since every later step would fail for the same reason.
 * The verdict on the credentials is the token and the balance: the account-holder lookup is
 * a separate note (some gateways do not serve it), so its failure never fails the report.
 * Only reads: verifying never changes a credential.
 */
import * as l10n from '@vscode/l10n';
import { MomoClient } from '../momo/client';
import { findEnvironment, SANDBOX } from '../momo/environments';
import { MomoError } from '../momo/momoError';
import { classifyError } from '../momo/classify';
import { clientFor, verifyCredentials, VerifyInput } from '../momo/verify';
import { TEST_OUTCOME_INFO } from '../payments/testPaymentInput';
import { nextFromFix } from './findings';

export interface VerifyApiUserInput extends VerifyInput {
  /** Account holder to look up. Default in the sandbox: a test number; in production the step is skipped without one. */
  msisdn?: string;
}

export type VerifyApiUserStepName = 'readUser' | 'token' | 'balance' | 'accountHolder';

export interface VerifyApiUserStep {
  step: VerifyApiUserStepName;
  ok: boolean;
  /** One sentence without secrets: the result, or the core's explanation of the failure. */
  message: string;
  /** The recommended next step of a failure. */
  next?: string;
  error?: MomoError;
  /** A note beside the verdict (the account-holder lookup): never fails the report. */
  note?: boolean;
}

export interface VerifyApiUserReport {
  ok: boolean;
  steps: VerifyApiUserStep[];
}

/** Never throws: failures, cancellation included, are failed steps. */
export async function verifyApiUser(input: VerifyApiUserInput): Promise<VerifyApiUserReport> {
  const steps: VerifyApiUserStep[] = [];
  const targetEnvironment = input.targetEnvironment ?? SANDBOX;
  const production = findEnvironment(targetEnvironment)?.production ?? targetEnvironment !== SANDBOX;
  let client: MomoClient;
  try {
    client = clientFor(input, targetEnvironment);
  } catch (err) {
    return done(steps, failed('readUser', classifyError(err, { host: input.baseUrl, operation: 'getApiUser' })));
  }
  const o = { signal: input.signal };

  if (!production) {
    try {
      const user = await client.getApiUser(input.subscriptionKey, input.apiUser, o);
      const message = user.providerCallbackHost
        ? l10n.t('The API user exists in {0}, provider callback host {1}.', user.targetEnvironment, user.providerCallbackHost)
        : l10n.t('The API user exists in {0}.', user.targetEnvironment);
      steps.push({ step: 'readUser', ok: true, message });
    } catch (err) {
      return done(steps, failed('readUser', classifyError(err, { host: client.host, operation: 'getApiUser' })));
    }
  }

  const verified = await verifyCredentials(input);
  for (const step of verified.steps) {
    const message = step.name === 'balance' ? l10n.t('Balance read: {0}.', step.summary) : sentence(step.summary);
    steps.push(step.error ? failed(step.name, step.error) : { step: step.name, ok: true, message });
  }
  if (!verified.ok) return done(steps);

  const msisdn = input.msisdn ?? (production ? undefined : TEST_OUTCOME_INFO.success.partyId);
  if (msisdn) steps.push({ ...(await checkAccountHolder(client, input, targetEnvironment, msisdn)), note: true });
  return done(steps);
}

/**
 * verifyCredentials keeps its token to itself, so this step gets its own: one more cheap
 * call, and the core stays the one place that decides how token and balance are verified.
 */
async function checkAccountHolder(
  client: MomoClient,
  input: VerifyApiUserInput,
  targetEnvironment: string,
  msisdn: string,
): Promise<VerifyApiUserStep> {
  const o = { signal: input.signal };
  try {
    const token = await client.getToken(input.product, input.subscriptionKey, input.apiUser, input.apiKey, o);
    const active = await client.isAccountHolderActive(input.product, input.subscriptionKey, token.accessToken, targetEnvironment, msisdn, o);
    const message = active
      ? l10n.t('{0} is an active account holder.', msisdn)
      : l10n.t('{0} is not an active account holder (the call itself worked).', msisdn);
    return { step: 'accountHolder', ok: true, message };
  } catch (err) {
    return failed('accountHolder', classifyError(err, { host: client.host, operation: 'isAccountHolderActive' }));
  }
}

function failed(step: VerifyApiUserStepName, error: MomoError): VerifyApiUserStep {
  const next = nextFromFix(error.nextSteps[0]);
  return next ? { step, ok: false, message: error.message, next, error } : { step, ok: false, message: error.message, error };
}

function done(steps: VerifyApiUserStep[], last?: VerifyApiUserStep): VerifyApiUserReport {
  if (last) steps.push(last);
  return { ok: steps.every((s) => s.ok || s.note === true), steps };
}

function sentence(text: string): string {
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
