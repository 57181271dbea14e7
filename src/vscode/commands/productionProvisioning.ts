/** Why there is no "provision" in production, said once and used by every command that needs it. */
import * as vscode from 'vscode';
import { PARTNER_PORTAL_URL } from '../../core/momo/errors';
import type { Product } from '../../core/momo/products';
import type { CommandContext } from '../commandContext';
import { runMomoCommand } from '../momoCommands';

export function explainProductionProvisioning(ctx: CommandContext, environment: string, product: Product | undefined): void {
  ctx.notifier.tell(
    'warning',
    vscode.l10n.t(
      'API users cannot be provisioned in {0}: the Provisioning API exists only in the sandbox. In production, create the API user and key in the MTN Partner Portal after Go-Live, then add them here.',
      environment,
    ),
    {
      [vscode.l10n.t('Add Existing API User')]: () => runMomoCommand('momo.addExistingApiUser', { environment, ...(product ? { product } : {}) }),
      [vscode.l10n.t('Open Partner Portal')]: () => vscode.env.openExternal(vscode.Uri.parse(PARTNER_PORTAL_URL)),
    },
  );
}
