/**
 * Each subscription key: its format, then whether the gateway accepts it and for which
 * product. This tells a good key from a Collection Widget key (or another product's key)
 * without creating any API user.
 */
import * as l10n from '@vscode/l10n';
import { DEVELOPER_PORTAL_URL } from '../../momo/explanations';
import { maskSecret } from '../../momo/redact';
import { MomoError } from '../../momo/momoError';
import { PRODUCT_LABELS, Product } from '../../momo/products';
import { validateSubscriptionKey } from '../../momo/validation';
import { findingFromError, makeFinding } from '../findings';
import type { DoctorFinding, DoctorFix, DoctorSubscriptionKey } from '../types';
import type { CheckContext } from './context';
import { checkCredentialFormat } from './credentialFormat';
import { findProductOfKey, probeWithUnknownApiUser, probeWithUnknownPair, type ProbeResult } from './keyProbes';

const KEY_FORMAT_CHECK = 'subscriptionKey.format';
const KEY_GATEWAY_CHECK = 'subscriptionKey.gateway';

const reenter = (): DoctorFix => ({ id: 'reenterSubscriptionKey', label: l10n.t('Enter the subscription key again') });

function subjectOfKey(entry: DoctorSubscriptionKey): string {
  if (entry.label) return entry.label;
  const masked = maskSecret(entry.key.trim());
  return entry.product ? l10n.t('{0} subscription key {1}', PRODUCT_LABELS[entry.product], masked) : l10n.t('subscription key {0}', masked);
}

export async function checkSubscriptionKey(entry: DoctorSubscriptionKey, ctx: CheckContext): Promise<DoctorFinding[]> {
  const subject = subjectOfKey(entry);
  const format = checkCredentialFormat(entry.key, validateSubscriptionKey, {
    check: KEY_FORMAT_CHECK,
    subject,
    what: l10n.t('subscription key'),
    okMessage: l10n.t('The subscription key has the right shape: 32 hexadecimal characters.'),
    fix: reenter(),
  });
  if (!format.value || !ctx.client) return [format.finding];
  return [format.finding, await checkKeyAtGateway(format.value, entry.product, subject, ctx)];
}

async function checkKeyAtGateway(key: string, product: Product | undefined, subject: string, ctx: CheckContext): Promise<DoctorFinding> {
  const client = ctx.client!;
  // Both probes at once: the token probe's answer is needed unless provisioning rejects the key.
  const productProbe = product ? probeWithUnknownPair(client, product, key, ctx.signal) : undefined;
  // Read (and so handled) even when the provisioning probe decides alone.
  productProbe?.catch(() => undefined);
  if (!ctx.production) {
    const probe = await probeWithUnknownApiUser(client, key, ctx.signal);
    if (probe === 'accepted') {
      if (!product || !productProbe) return makeFinding(KEY_GATEWAY_CHECK, 'ok', l10n.t('The gateway accepts this subscription key.'), { subject });
      return checkKeyForProduct(key, product, await productProbe, subject, ctx, true);
    }
    // No Provisioning API on this host: it serves production, so only the token probe can tell.
    if (probe.kind !== 'provisioningNotAvailable') return fromProbeError(probe, subject);
  }
  if (!product || !productProbe) {
    const message = l10n.t('Not checked at the gateway: this host has no Provisioning API, so the key can only be checked for a given product.');
    return makeFinding(KEY_GATEWAY_CHECK, 'info', message, { subject });
  }
  return checkKeyForProduct(key, product, await productProbe, subject, ctx, false);
}

async function checkKeyForProduct(
  key: string,
  product: Product,
  probe: ProbeResult,
  subject: string,
  ctx: CheckContext,
  acceptedByProvisioning: boolean,
): Promise<DoctorFinding> {
  const client = ctx.client!;
  const label = PRODUCT_LABELS[product];
  if (probe === 'accepted') {
    return makeFinding(KEY_GATEWAY_CHECK, 'ok', l10n.t('The gateway accepts this subscription key for {0}.', label), { subject });
  }
  if (acceptedByProvisioning && probe.kind === 'invalidSubscriptionKey') {
    // Provisioning takes any product's key; the token endpoint only its own product's.
    const owner = await findProductOfKey(client, key, product, ctx.signal);
    if (owner) {
      const message = l10n.t('This is a {0} subscription key, not a {1} one: each product has its own keys.', PRODUCT_LABELS[owner], label);
      const portal: DoctorFix = { id: 'openPortal', label: l10n.t('Open the MoMo developer portal (Profile → Subscriptions)'), url: DEVELOPER_PORTAL_URL };
      return makeFinding(KEY_GATEWAY_CHECK, 'error', message, { subject, fixes: [reenter(), portal] });
    }
  }
  return fromProbeError(probe, subject);
}

/** A rejected key is the finding itself; any other failure means the check could not run. */
function fromProbeError(error: MomoError, subject: string): DoctorFinding {
  const lead = error.kind === 'invalidSubscriptionKey' ? undefined : l10n.t('Could not check the subscription key:');
  return findingFromError(KEY_GATEWAY_CHECK, error, { subject, lead });
}
