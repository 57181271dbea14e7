/**
 * Which stored credentials go into a file: the API user named by the arguments, else the
 * person's pick among stored users that have a key, or a sandbox user provisioned on the spot.
 * The API key is read from SecretStorage only here, once a user is chosen.
 */
import * as vscode from 'vscode';
import { isSandbox } from '../../core/momo/environments';
import type { Product } from '../../core/momo/products';
import { refOf, type ApiUserRecord, type CredentialIndex } from '../../core/store/credentialIndex';
import { environmentLabel, productLabel, shortApiUser } from '../../core/store/credentialText';
import { stringArg, toArgs } from '../commandArgs';
import type { CommandContext } from '../commandContext';
import { resolveApiUser } from '../ui/resolveApiUser';
import { runMomoCommand } from '../momoCommands';

export interface ChosenCredentials {
  user: ApiUserRecord;
  apiKey: string;
}

export interface CredentialFilter {
  product?: Product;
  environment?: string;
}

/** Users whose key is stored, matching the filter; sandbox first, then the newest. */
export function usableUsers(index: CredentialIndex, filter: CredentialFilter = {}): ApiUserRecord[] {
  return index.apiUsers
    .filter((u) => u.keyStored && (!filter.product || u.product === filter.product) && (!filter.environment || u.environment === filter.environment))
    .sort((a, b) => Number(isSandbox(b.environment)) - Number(isSandbox(a.environment)) || b.createdAt.localeCompare(a.createdAt));
}

/**
 * The credentials to write, or undefined when the person cancelled or none could be had (they
 * were told why). `arg` may name the API user ({apiUser, environment?, product?}).
 */
export async function chooseCredentials(ctx: CommandContext, arg: unknown, title: string, filter: CredentialFilter = {}): Promise<ChosenCredentials | undefined> {
  const user = stringArg(toArgs(arg), 'apiUser') ? await resolveApiUser(ctx, arg, title) : await pickOrProvision(ctx, title, filter);
  return user ? withApiKey(ctx, user) : undefined;
}

/** The key of a chosen user; a user whose key is gone gets the way to a new one. */
export async function withApiKey(ctx: CommandContext, user: ApiUserRecord): Promise<ChosenCredentials | undefined> {
  const apiKey = user.keyStored ? await ctx.store.getApiKey(user) : undefined;
  if (!apiKey) {
    ctx.notifier.tell('warning', vscode.l10n.t('API user {0} has no stored API key, so there is nothing to write yet. Generate a new key first.', shortApiUser(user.apiUser)), {
      [vscode.l10n.t('Generate New API Key')]: () => runMomoCommand('momo.generateApiKey', refOf(user)),
    });
    return undefined;
  }
  return { user, apiKey };
}

const PROVISION = Symbol('provision');

async function pickOrProvision(ctx: CommandContext, title: string, filter: CredentialFilter): Promise<ApiUserRecord | undefined> {
  const users = usableUsers(ctx.store.index(), filter);
  if (users.length === 0) {
    return provisionOnTheSpot(ctx, filter.product);
  }
  const items: Array<vscode.QuickPickItem & { choice: ApiUserRecord | typeof PROVISION }> = users.map((user) => ({
    label: user.label ? `${user.label} (${shortApiUser(user.apiUser)})` : shortApiUser(user.apiUser),
    description: `${productLabel(user.product)} · ${environmentLabel(user.environment)}`,
    detail: user.apiUser,
    choice: user,
  }));
  items.push({
    label: `$(add) ${vscode.l10n.t('Provision a new sandbox API user…')}`,
    description: filter.product ? productLabel(filter.product) : undefined,
    choice: PROVISION,
  });
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Which API user and key to write'), matchOnDetail: true, ignoreFocusOut: true });
  if (!picked) {
    return undefined;
  }
  return picked.choice === PROVISION ? provisionOnTheSpot(ctx, filter.product) : picked.choice;
}

/** Runs "Provision Sandbox API User" (which explains its own failures) and returns the new user. */
export async function provisionOnTheSpot(ctx: CommandContext, product: Product | undefined): Promise<ApiUserRecord | undefined> {
  const result = (await runMomoCommand('momo.provisionSandboxUser', product ? { product } : undefined)) as
    | { ok: boolean; apiUser?: string; product?: Product; keyStored?: boolean }
    | undefined;
  if (!result?.ok || !result.apiUser || !result.keyStored) {
    return undefined;
  }
  return ctx.store.index().apiUsers.find((u) => u.apiUser === result.apiUser && u.product === result.product && isSandbox(u.environment));
}
