/**
 * Production runs on two platforms while MTN migrates, and a stored pair is only ever sent to
 * its own platform's host. The doctor checks one environment at one base URL (the report's);
 * a pair of the other platform is given its own base URL here, through the trust boundary, or
 * left out of the online checks with a finding that says why. Nothing here sends anything.
 */
import { plural } from '../../core/text/l10n';
import * as vscode from 'vscode';
import type { DoctorApiUser, DoctorFinding } from '../../core/doctor';
import type { TargetEnvironment } from '../../core/momo/environments';
import { describePlatform, platformBaseUrl, type ProductionPlatform } from '../../core/momo/platforms';
import { environmentLabel } from '../../core/store/credentialText';
import type { CommandContext } from '../commandContext';
import { secretDestination } from '../trust/secretDestinations';

/** The platform the report's base URL is for: the new one when every stored pair belongs to it, else legacy. */
export function reportPlatform(environment: TargetEnvironment, users: readonly DoctorApiUser[]): ProductionPlatform | undefined {
  if (!environment.production) return undefined;
  return users.length > 0 && users.every((u) => u.platform === 'new') ? 'new' : 'legacy';
}

export interface PlacedUsers {
  apiUsers: DoctorApiUser[];
  /** One per pair left out because its platform's host may not be used. */
  findings: DoctorFinding[];
}

/**
 * Gives each pair of the other platform that platform's base URL (asked once, like any
 * destination of a secret). When that host may not be used, its pairs are left out of the
 * online checks: sending them to the report's host instead would hand them to the wrong gateway.
 */
export async function placeOnPlatforms(
  ctx: CommandContext,
  environment: TargetEnvironment,
  apiUsers: DoctorApiUser[],
  report: ProductionPlatform | undefined,
): Promise<PlacedUsers> {
  const others = report ? apiUsers.filter((u) => (u.platform ?? 'legacy') !== report) : [];
  if (!report || others.length === 0) return { apiUsers, findings: [] };
  const platform: ProductionPlatform = report === 'new' ? 'legacy' : 'new';
  const where = environmentLabel(environment.id);
  const destination = await secretDestination(ctx, {
    environment: environment.id,
    credentials: [
      plural(
        others.length,
        vscode.l10n.t('{0} {1} credential pair of {2}', others.length, where, describePlatform(platform)),
        vscode.l10n.t('{0} {1} credential pairs of {2}', others.length, where, describePlatform(platform)),
      ),
    ],
    platform,
    defaultBaseUrl: platformBaseUrl(environment, platform),
  });
  if (destination.ok) {
    return { apiUsers: apiUsers.map((u) => (others.includes(u) ? { ...u, baseUrl: destination.baseUrl } : u)), findings: [] };
  }
  const checkBaseUrl = vscode.l10n.t('Check the API base URL');
  const findings = others.map((u): DoctorFinding => ({
    check: 'apiUser.platform',
    ok: true,
    severity: 'warning',
    subject: u.label ?? u.apiUser,
    message: vscode.l10n.t(
      "Not checked online: this pair belongs to {0}, whose base URL could not be used ({1}); it is never sent to another platform's host.",
      describePlatform(platform),
      destination.reason,
    ),
    next: checkBaseUrl,
    fixes: [{ id: 'checkBaseUrl', label: checkBaseUrl }],
  }));
  return { apiUsers: apiUsers.filter((u) => !others.includes(u)), findings };
}
