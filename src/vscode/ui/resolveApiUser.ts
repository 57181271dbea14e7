/**
 * Finds the API user a command is about: from { apiUser, environment?, product? } (or a tree
 * node, which has the same fields), else by asking. Reports a clear message when none fits.
 */
import * as vscode from 'vscode';
import { findApiUsers, type ApiUserRecord } from '../../core/store/credentialIndex';
import { shortApiUser } from '../../core/store/credentialText';
import { pickApiUser } from './pickers';
import { environmentArg, productArg, stringArg, toArgs } from '../commandArgs';
import type { CommandContext } from '../commandContext';
import { runMomoCommand } from '../momoCommands';

export async function resolveApiUser(
  ctx: CommandContext,
  arg: unknown,
  title: string,
  filter: (user: ApiUserRecord) => boolean = () => true,
): Promise<ApiUserRecord | undefined> {
  const args = toArgs(arg);
  const index = ctx.store.index();
  const id = stringArg(args, 'apiUser');
  if (id) {
    const matches = findApiUsers(index, id, { environment: environmentArg(args).value?.id, product: productArg(args).value });
    if (matches.length === 0) {
      ctx.notifier.tell('error', vscode.l10n.t('No API user {0} is stored in VS Code, so there is nothing to act on; add it first.', shortApiUser(id)), {
        [vscode.l10n.t('Add Existing API User')]: () => runMomoCommand('momo.addExistingApiUser'),
      });
      return undefined;
    }
    // The same id under two products is rare; a caller that cares passes environment and product.
    return matches[0];
  }
  const candidates = index.apiUsers.filter(filter);
  if (candidates.length === 0) {
    ctx.notifier.tell('info', vscode.l10n.t('No API user is stored yet: provision one in the sandbox or add one you already have.'), {
      [vscode.l10n.t('Provision Sandbox User')]: () => runMomoCommand('momo.provisionSandboxUser'),
      [vscode.l10n.t('Add Existing API User')]: () => runMomoCommand('momo.addExistingApiUser'),
    });
    return undefined;
  }
  return candidates.length === 1 ? candidates[0] : pickApiUser(title, candidates);
}
