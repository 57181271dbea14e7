/**
 * The X-Target-Environment value and the currency: "sandbox" with EUR in the sandbox,
 * mtn<country> with that country's currency in production ("production" is never valid).
 * With a working token the value is also tried for real by reading the balance.
 */
import { ENVIRONMENTS, findEnvironment, SANDBOX } from '../../momo/environments';
import { PRODUCT_LABELS } from '../../momo/products';
import { validateTargetEnvironment } from '../../momo/validation';
import { findingFromError, makeFinding, unlessCancelled } from '../findings';
import type { DoctorFinding, DoctorFix } from '../types';
import type { ProductSession } from './apiUser';
import type { CheckContext } from './context';

export const TARGET_ENVIRONMENT_CHECK = 'targetEnvironment';
export const TARGET_ENVIRONMENT_LIVE_CHECK = 'targetEnvironment.balance';
export const CURRENCY_CHECK = 'currency';

const CHOOSE: DoctorFix = { id: 'chooseTargetEnvironment', label: 'Choose the target environment' };

export interface TargetEnvironmentInput {
  /** As given; undefined lets the environment decide ('sandbox' outside production). */
  targetEnvironment?: string;
  currency?: string;
  production: boolean;
}

/** The findings, and the valid value (for the live check), if any. */
export function checkTargetEnvironmentValue(input: TargetEnvironmentInput): { findings: DoctorFinding[]; value?: string } {
  const findings: DoctorFinding[] = [];
  let value: string | undefined;
  if (input.targetEnvironment === undefined) {
    if (input.production) {
      const message = 'No target environment was given: production needs mtn<country>, such as mtnuganda.';
      findings.push(makeFinding(TARGET_ENVIRONMENT_CHECK, 'info', message, { fixes: [CHOOSE] }));
    } else {
      value = SANDBOX;
    }
  } else {
    const result = validateTargetEnvironment(input.targetEnvironment);
    if (!result.ok) {
      const raw = input.targetEnvironment.trim();
      const subject = result.message.includes(raw) ? undefined : raw;
      findings.push(makeFinding(TARGET_ENVIRONMENT_CHECK, 'error', result.message, { subject, fixes: [CHOOSE] }));
    } else if (result.value !== input.targetEnvironment.trim()) {
      // The API compares the header exactly: "Sandbox" is refused like "production".
      const message =
        `Write the target environment exactly as "${result.value}": ` +
        `the API compares it letter for letter and refuses "${input.targetEnvironment.trim()}".`;
      findings.push(makeFinding(TARGET_ENVIRONMENT_CHECK, 'error', message, { fixes: [CHOOSE] }));
    } else {
      value = result.value;
      const environment = findEnvironment(value);
      const severity = result.notice ? 'warning' : 'ok';
      const described = environment ? `${environment.label}, currency ${environment.currency}` : 'unknown country';
      const message = result.notice ?? `"${value}" is a valid target environment (${described}).`;
      findings.push(makeFinding(TARGET_ENVIRONMENT_CHECK, severity, message));
    }
  }
  if (input.currency !== undefined) findings.push(checkCurrency(input.currency, value));
  return { findings, value };
}

function checkCurrency(raw: string, targetEnvironment: string | undefined): DoctorFinding {
  const currency = raw.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) {
    return makeFinding(CURRENCY_CHECK, 'error', 'A currency is a three-letter ISO 4217 code, such as EUR or UGX.', { subject: raw.trim() });
  }
  const environment = targetEnvironment ? findEnvironment(targetEnvironment) : undefined;
  if (!environment) {
    return makeFinding(CURRENCY_CHECK, 'info', `Not compared: the target environment is not known, so ${currency} cannot be checked against it.`);
  }
  if (environment.currency === currency) {
    return makeFinding(CURRENCY_CHECK, 'ok', `${currency} is the currency of ${environment.id}.`);
  }
  const why = environment.production
    ? `${environment.id} (${environment.label}) takes ${environment.currency}`
    : 'the sandbox only accepts EUR';
  const other = environmentsOfCurrency(currency);
  const hint = other ? ` ${currency} belongs to ${other}.` : '';
  return makeFinding(CURRENCY_CHECK, 'error', `${currency} does not fit: ${why}; anything else is refused with INVALID_CURRENCY.${hint}`, {
    next: `Use ${environment.currency}`,
  });
}

/** "mtnivorycoast, mtnbenin" for XOF: what a wrong currency probably came from. */
function environmentsOfCurrency(currency: string): string | undefined {
  const ids = ENVIRONMENTS.filter((e) => e.currency === currency).map((e) => e.id);
  return ids.length ? ids.join(', ') : undefined;
}

/** Reads the balance with the value: NOT_ALLOWED_TARGET_ENVIRONMENT proves it wrong for these credentials. */
export async function checkTargetEnvironmentLive(value: string, session: ProductSession, ctx: CheckContext): Promise<DoctorFinding> {
  try {
    const { product, subscriptionKey, accessToken } = session;
    const balance = await ctx.client!.getBalance(product, subscriptionKey, accessToken, value, { signal: ctx.signal });
    return makeFinding(
      TARGET_ENVIRONMENT_LIVE_CHECK,
      'ok',
      `Read the ${PRODUCT_LABELS[session.product]} balance in "${value}" (${balance.availableBalance} ${balance.currency}).`,
    );
  } catch (err) {
    const error = unlessCancelled(err);
    const lead = error.kind === 'wrongTargetEnvironment' ? undefined : 'Could not read the balance:';
    return findingFromError(TARGET_ENVIRONMENT_LIVE_CHECK, error, { lead });
  }
}
