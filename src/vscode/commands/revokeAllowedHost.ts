/**
 * MoMo: Revoke Allowed Host (arguments: MomoCommandArgs in momoCommands.ts; the tree's "Allowed
 * hosts" items carry the host). Forgets
 * that the person allowed MoMo credentials to go to a host outside MTN and this machine, so the
 * next command that would send them there asks again. Without a host, the person picks one.
 */
import * as vscode from 'vscode';
import { stringArg, toArgs } from '../commandArgs';
import { failed, type CommandContext, type CommandResult } from '../commandContext';

export async function revokeAllowedHost(ctx: CommandContext, arg: unknown): Promise<CommandResult<{ host: string }>> {
  const allowed = ctx.approvals.list();
  const host = stringArg(toArgs(arg), 'host')?.toLowerCase() ?? (await pickHost(allowed.map((a) => a.host)));
  if (!host) {
    if (allowed.length === 0) ctx.notifier.tell('info', vscode.l10n.t('No host is allowed: MoMo credentials only go to MTN MoMo API hosts and this machine.'));
    return failed(allowed.length === 0 ? 'no allowed host' : 'cancelled');
  }
  if (!(await ctx.approvals.revoke(host))) {
    const why = vscode.l10n.t('{0} was not an allowed host, so there is nothing to revoke.', host);
    ctx.notifier.tell('info', why);
    return failed(why);
  }
  ctx.log.info(`Revoked: MoMo credentials no longer go to ${host} without asking.`);
  ctx.notifier.tell('info', vscode.l10n.t('Revoked {0}: MoMo will ask again before sending any credentials there.', host));
  return { ok: true, host };
}

async function pickHost(hosts: string[]): Promise<string | undefined> {
  if (hosts.length === 0) return undefined;
  return vscode.window.showQuickPick(hosts, {
    title: vscode.l10n.t('MoMo: Revoke Allowed Host'),
    placeHolder: vscode.l10n.t('The host to stop sending MoMo credentials to without asking'),
    ignoreFocusOut: true,
  });
}
