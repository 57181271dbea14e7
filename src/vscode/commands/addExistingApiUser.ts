/**
 * MoMo: Add Existing API User — the Partner Portal path. Args: { environment?, product?,
 * apiUser?, apiKey?, callbackHost?, label? }. For production (where the Provisioning API does
 * not exist) and for users made elsewhere: every field is validated before anything is stored.
 */
import * as vscode from 'vscode';
import { validateApiKey, validateApiUser, validateCallbackHost } from '../../core/momo/validation';
import { environmentLabel, productLabel, shortApiUser } from '../../core/store/credentialText';
import { SecretStorageFailure } from '../credentialStore';
import { inputValidated, pickEnvironment, pickProduct } from '../ui/pickers';
import { offerApiKeyForCopy } from '../ui/secretStorageFailure';
import { environmentArg, productArg, stringArg, toArgs } from './commandArgs';
import { failed, type CommandContext, type CommandResult } from './commandContext';

const TITLE = 'MoMo: Add Existing API User';

export type AddExistingApiUserResult = CommandResult<{ apiUser: string; environment: string; product: string; keyStored: boolean }>;

export async function addExistingApiUser(ctx: CommandContext, arg: unknown): Promise<AddExistingApiUserResult> {
  const args = toArgs(arg);
  const envParsed = environmentArg(args);
  const productParsed = productArg(args);
  const checks = [
    envParsed.error,
    productParsed.error,
    checkGiven(stringArg(args, 'apiUser'), validateApiUser, 'API user'),
    checkGiven(stringArg(args, 'apiKey'), validateApiKey, 'API key'),
  ];
  const argError = checks.find((e) => e !== undefined);
  if (argError) {
    ctx.notifier.tell('error', argError);
    return failed(argError);
  }

  const environment = envParsed.value ?? (await pickEnvironment(`${TITLE} (1/4): target environment`));
  if (!environment) {
    return failed('cancelled');
  }
  const product = productParsed.value ?? (await pickProduct(`${TITLE} (2/4): product`, ctx.store.index(), environment.id));
  if (!product) {
    return failed('cancelled');
  }
  const portal = environment.production ? 'the MTN Partner Portal' : 'the tool that created it';
  const apiUser = given(stringArg(args, 'apiUser'), validateApiUser) ?? (await inputValidated({
    title: `${TITLE} (3/4): API user id`,
    prompt: `The API user id (a UUID v4) from ${portal}, for ${productLabel(product)} in ${environmentLabel(environment.id)}.`,
    placeHolder: 'e.g. 0f4e8a3c-5b7d-4c1e-9a2b-3c4d5e6f7a8b',
    validate: validateApiUser,
  }));
  if (!apiUser) {
    return failed('cancelled');
  }
  const apiKey = given(stringArg(args, 'apiKey'), validateApiKey) ?? (await inputValidated({
    title: `${TITLE} (4/4): API key of ${shortApiUser(apiUser)}`,
    prompt: `Paste the API key of this user from ${portal}. It is stored in SecretStorage only.`,
    placeHolder: '32 hexadecimal characters',
    password: true,
    validate: validateApiKey,
  }));
  if (!apiKey) {
    return failed('cancelled');
  }
  const hostRaw = stringArg(args, 'callbackHost');
  const host = hostRaw === undefined ? undefined : validateCallbackHost(hostRaw, { production: environment.production });
  if (host && !host.ok) {
    ctx.notifier.tell('error', `The API user was not added: ${host.message}`);
    return failed(host.message);
  }

  const label = stringArg(args, 'label');
  const record = {
    environment: environment.id,
    product,
    apiUser,
    createdAt: new Date().toISOString(),
    origin: 'added' as const,
    ...(host?.ok ? { callbackHost: host.value } : {}),
    ...(label ? { label } : {}),
  };
  try {
    await ctx.store.saveApiUser(record, apiKey);
  } catch (err) {
    if (err instanceof SecretStorageFailure) {
      offerApiKeyForCopy(ctx, { environment: environment.id, product, apiUser }, apiKey, err);
      return { ok: true, apiUser, environment: environment.id, product, keyStored: false };
    }
    throw err;
  }
  ctx.notifier.tell(
    'info',
    `Added API user ${shortApiUser(apiUser)} for ${productLabel(product)} in ${environmentLabel(environment.id)} and stored its key in SecretStorage.`,
    { 'Insert into settings…': () => vscode.commands.executeCommand('momo.insertIntoSettings', { apiUser, environment: environment.id, product }) },
  );
  return { ok: true, apiUser, environment: environment.id, product, keyStored: true };
}

type Validator = (raw: string) => { ok: true; value: string } | { ok: false; message: string };

function checkGiven(raw: string | undefined, validate: Validator, what: string): string | undefined {
  if (raw === undefined) {
    return undefined;
  }
  const result = validate(raw);
  return result.ok ? undefined : `The ${what} was not accepted: ${result.message}`;
}

function given(raw: string | undefined, validate: Validator): string | undefined {
  if (raw === undefined) {
    return undefined;
  }
  const result = validate(raw);
  return result.ok ? result.value : undefined;
}
