/**
 * MTN is moving internet production integrations from proxy.momoapi.mtn.com to
 * momoapi.momo.africa. While both platforms run this is a note, not an error: it says what the
 * migration changes, for a base URL and for a settings file that still names the legacy host.
 */
import * as l10n from '@vscode/l10n';
import { NEW_PLATFORM_BASE_URL } from '../../momo/environments';
import { PARTNER_PORTAL_URL } from '../../momo/nextSteps';
import { makeFinding } from '../findings';
import type { DoctorFinding, DoctorFix } from '../types';

export const LEGACY_HOST = 'proxy.momoapi.mtn.com';
const PLATFORM_NOTE_CHECK = 'baseUrl.platform';
const WORKSPACE_PLATFORM_CHECK = 'workspace.platform';

const NEW_HOST = new URL(NEW_PLATFORM_BASE_URL).host;

/** What the migration changes, in one paragraph. */
function migrationChanges(): string {
  return l10n.t(
    'MTN is moving internet integrations from {0} to {1}: a new host, new System Credentials (User ID + Credential Token, from the Partner Portal under System and device credentials; an API user + API key does not work there), and X-Target-Environment on the token request too. Both platforms run side by side for a while, so nothing is wrong yet; VPN integrations are not affected.',
    LEGACY_HOST,
    NEW_HOST,
  );
}

const partnerPortal = (): DoctorFix => ({ id: 'openPartnerPortal', label: l10n.t('Create System Credentials in the MTN Partner Portal'), url: PARTNER_PORTAL_URL });

/** The note for a base URL on the legacy host; undefined for any other host. */
export function legacyPlatformNote(baseUrl: string): DoctorFinding | undefined {
  let host: string;
  try {
    host = new URL(baseUrl).host.toLowerCase();
  } catch {
    return undefined;
  }
  if (host !== LEGACY_HOST) return undefined;
  const message = `${l10n.t("{0} is MTN's legacy production platform.", host)} ${migrationChanges()}`;
  return makeFinding(PLATFORM_NOTE_CHECK, 'info', message, { fixes: [partnerPortal()] });
}

/** The note for a settings file that names the legacy host (a plain substring test: no pattern runs over the file). */
export function legacyHostInFile(fileName: string, text: string): DoctorFinding | undefined {
  if (!text.toLowerCase().includes(LEGACY_HOST)) return undefined;
  const message = `${l10n.t("Uses {0}, MTN's legacy production platform.", LEGACY_HOST)} ${migrationChanges()}`;
  return makeFinding(WORKSPACE_PLATFORM_CHECK, 'info', message, { subject: fileName, fixes: [partnerPortal()] });
}
