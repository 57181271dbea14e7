/**
 * The X-Target-Environment value and the currency: "sandbox" with EUR in the sandbox,
 * mtn<country> with that country's currency in production ("production" is never valid).
 * With a working token the value is also tried for real by reading the balance.
 */
import * as l10n from '@vscode/l10n';
import { step } from '../../momo/nextSteps';
import { ENVIRONMENTS, findEnvironment, SANDBOX } from '../../momo/environments';
import { PRODUCT_LABELS } from '../../momo/products';
import { validateTargetEnvironment } from '../../momo/validation';
import { findingFromError, makeFinding, unlessCancelled } from '../findings';
import type { DoctorFinding, DoctorFix } from '../types';
import type { ProductSession } from './apiUser';
import type { CheckContext } from './context';

const TARGET_ENVIRONMENT_CHECK = 'targetEnvironment';
const TARGET_ENVIRONMENT_LIVE_CHECK = 'targetEnvironment.balance';
const CURRENCY_CHECK = 'currency';

const choose = (): DoctorFix => step.chooseTargetEnvironment();

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
      const message = l10n.t('No target environment was given: production needs mtn<country>, such as mtnuganda.');
      findings.push(makeFinding(TARGET_ENVIRONMENT_CHECK, 'info', message, { fixes: [choose()] }));
    } else {
      value = SANDBOX;
    }
  } else {
    const result = validateTargetEnvironment(input.targetEnvironment);
    if (!result.ok) {
      const raw = input.targetEnvironment.trim();
      const subject = result.message.includes(raw) ? undefined : raw;
      findings.push(makeFinding(TARGET_ENVIRONMENT_CHECK, 'error', result.message, { subject, fixes: [choose()] }));
    } else if (result.value !== input.targetEnvironment.trim()) {
      // The API compares the header exactly: "Sandbox" is refused like "production".
      const message = l10n.t(
        'Write the target environment exactly as "{0}": the API compares it letter for letter and refuses "{1}".',
        result.value,
        input.targetEnvironment.trim(),
      );
      findings.push(makeFinding(TARGET_ENVIRONMENT_CHECK, 'error', message, { fixes: [choose()] }));
    } else {
      value = result.value;
      const environment = findEnvironment(value);
      const severity = result.notice ? 'warning' : 'ok';
      const valid = (): string =>
        environment
          ? l10n.t('"{0}" is a valid target environment ({1}, currency {2}).', value!, environment.label, environment.currency)
          : l10n.t('"{0}" is a valid target environment (unknown country).', value!);
      const message = result.notice ?? valid();
      findings.push(makeFinding(TARGET_ENVIRONMENT_CHECK, severity, message));
    }
  }
  if (input.currency !== undefined) findings.push(checkCurrency(input.currency, value));
  return { findings, value };
}

function checkCurrency(raw: string, targetEnvironment: string | undefined): DoctorFinding {
  const currency = raw.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) {
    return makeFinding(CURRENCY_CHECK, 'error', l10n.t('A currency is a three-letter ISO 4217 code, such as EUR or UGX.'), { subject: raw.trim() });
  }
  const environment = targetEnvironment ? findEnvironment(targetEnvironment) : undefined;
  if (!environment) {
    const message = l10n.t('Not compared: the target environment is not known, so {0} cannot be checked against it.', currency);
    return makeFinding(CURRENCY_CHECK, 'info', message);
  }
  if (environment.currency === currency) {
    return makeFinding(CURRENCY_CHECK, 'ok', l10n.t('{0} is the currency of {1}.', currency, environment.id));
  }
  const wrong = environment.production
    ? l10n.t(
        '{0} does not fit: {1} ({2}) takes {3}; anything else is refused with INVALID_CURRENCY.',
        currency,
        environment.id,
        environment.label,
        environment.currency,
      )
    : l10n.t('{0} does not fit: the sandbox only accepts EUR; anything else is refused with INVALID_CURRENCY.', currency);
  const other = environmentsOfCurrency(currency);
  const hint = other ? ` ${l10n.t('{0} belongs to {1}.', currency, other)}` : '';
  return makeFinding(CURRENCY_CHECK, 'error', wrong + hint, { next: l10n.t('Use {0}', environment.currency) });
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
      l10n.t('Read the {0} balance in "{1}" ({2} {3}).', PRODUCT_LABELS[session.product], value, balance.availableBalance, balance.currency),
    );
  } catch (err) {
    const error = unlessCancelled(err);
    const lead = error.kind === 'wrongTargetEnvironment' ? undefined : l10n.t('Could not read the balance:');
    return findingFromError(TARGET_ENVIRONMENT_LIVE_CHECK, error, { lead });
  }
}
