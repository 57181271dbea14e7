/**
 * MoMo: Add Existing API User — the Partner Portal path (arguments: MomoCommandArgs in
 * momoCommands.ts). For
 * production (where the Provisioning API does not exist) and for users made elsewhere. In
 * production it asks which credentials MTN gave: an API user + API key (legacy platform) or
 * System Credentials, a User ID + Credential Token (new platform); `apiUser` / `apiKey` carry
 * either kind, and a given `apiUser` says its kind by its shape. Each kind is validated by its
 * own rules before anything is stored, and the pair remembers its platform.
 */
import * as vscode from 'vscode';
import { detectCredentialKind, validateSecretOf, validateUserIdOf, type CredentialKind } from '../../core/momo/credentialKind';
import { describePlatform, platformForKind } from '../../core/momo/platforms';
import { validateCallbackHost, type Validation } from '../../core/momo/validation';
import { credentialName, environmentLabel, productLabel, shortApiUser } from '../../core/store/credentialText';
import { SecretStorageFailure } from '../credentialStore';
import { inputValidated, pickCredentialKind, pickEnvironment, pickProduct } from '../ui/pickers';
import { offerApiKeyForCopy } from '../ui/secretStorageFailure';
import { credentialKindArg, environmentArg, productArg, stringArg, toArgs } from '../commandArgs';
import { failed, type CommandContext, type CommandResult } from '../commandContext';
import { runMomoCommand } from '../momoCommands';

const title = (): string => vscode.l10n.t('MoMo: Add Existing API User');

/** What the two halves of a pair are called, and where they come from, in the person's language. */
function partTexts(kind: CredentialKind, production: boolean): { user: string; secret: string; userPrompt: (where: string) => string; secretPrompt: string } {
  if (kind === 'system') {
    return {
      user: vscode.l10n.t('User ID'),
      secret: vscode.l10n.t('Credential Token'),
      userPrompt: (where) => vscode.l10n.t('The User ID from the Partner Portal (System and device credentials; not a UUID, it often ends in "="), {0}.', where),
      secretPrompt: vscode.l10n.t('Paste the Credential Token from the Partner Portal (System and device credentials). It is stored in SecretStorage only.'),
    };
  }
  return {
    user: vscode.l10n.t('API user id'),
    secret: vscode.l10n.t('API key'),
    userPrompt: (where) =>
      production
        ? vscode.l10n.t('The API user id (a UUID v4) from the MTN Partner Portal, {0}.', where)
        : vscode.l10n.t('The API user id (a UUID v4) from the tool that created it, {0}.', where),
    secretPrompt: production
      ? vscode.l10n.t('Paste the API key from the MTN Partner Portal. It is stored in SecretStorage only.')
      : vscode.l10n.t('Paste the API key from the tool that created it. It is stored in SecretStorage only.'),
  };
}

export type AddExistingApiUserResult = CommandResult<{
  apiUser: string;
  environment: string;
  product: string;
  keyStored: boolean;
  credentialKind: CredentialKind;
  platform?: 'legacy' | 'new';
}>;

export async function addExistingApiUser(ctx: CommandContext, arg: unknown): Promise<AddExistingApiUserResult> {
  const args = toArgs(arg);
  const envParsed = environmentArg(args);
  const productParsed = productArg(args);
  const kindParsed = credentialKindArg(args);
  const argError = [envParsed.error, productParsed.error, kindParsed.error].find((e) => e !== undefined);
  if (argError) return refuse(ctx, argError);

  const environment = envParsed.value ?? (await pickEnvironment(vscode.l10n.t('{0}: target environment', title())));
  if (!environment) return failed('cancelled');
  if (!environment.production && kindParsed.value === 'system') {
    return refuse(ctx, vscode.l10n.t("System Credentials exist only in production (MTN's new platform): choose a production target environment such as mtnuganda."));
  }
  const givenUser = stringArg(args, 'apiUser');
  const givenSecret = stringArg(args, 'apiKey');
  // System Credentials exist only in production; there a given id says its kind by its shape.
  const kind: CredentialKind | undefined = !environment.production
    ? 'apiKey'
    : (kindParsed.value ?? (givenUser !== undefined ? detectCredentialKind(givenUser) : await pickCredentialKind(vscode.l10n.t('{0}: which credentials did MTN give you?', title()), environment)));
  if (!kind) return failed('cancelled');
  const names = partTexts(kind, environment.production);
  const validateUser = (raw: string): Validation => validateUserIdOf(kind, raw);
  const validateSecret = (raw: string): Validation => validateSecretOf(kind, raw);
  const givenError = [checkGiven(givenUser, validateUser, names.user), checkGiven(givenSecret, validateSecret, names.secret)].find((e) => e !== undefined);
  if (givenError) return refuse(ctx, givenError);

  const product = productParsed.value ?? (await pickProduct(vscode.l10n.t('{0}: product', title()), ctx.store.index(), environment.id));
  if (!product) return failed('cancelled');
  const where = vscode.l10n.t('for {0} in {1}', productLabel(product), environmentLabel(environment.id));
  const apiUser = given(givenUser, validateUser) ?? (await inputValidated({
    title: `${title()}: ${names.user}`,
    prompt: names.userPrompt(where),
    placeHolder: vscode.l10n.t('e.g. {0}', kind === 'system' ? 'c3lzdGVtLXVzZXI=' : '0f4e8a3c-5b7d-4c1e-9a2b-3c4d5e6f7a8b'),
    validate: validateUser,
  }));
  if (!apiUser) return failed('cancelled');
  const apiKey = given(givenSecret, validateSecret) ?? (await inputValidated({
    title: vscode.l10n.t('{0}: {1} of {2}', title(), names.secret, shortApiUser(apiUser)),
    prompt: names.secretPrompt,
    placeHolder: kind === 'system' ? vscode.l10n.t('printable characters, punctuation included') : vscode.l10n.t('32 hexadecimal characters'),
    password: true,
    validate: validateSecret,
  }));
  if (!apiKey) return failed('cancelled');
  const hostRaw = stringArg(args, 'callbackHost');
  const host = hostRaw === undefined ? undefined : validateCallbackHost(hostRaw, { production: environment.production });
  if (host && !host.ok) return refuse(ctx, vscode.l10n.t('The API user was not added: {0}', host.message));

  const label = stringArg(args, 'label');
  const platform = environment.production ? platformForKind(kind) : undefined;
  const record = {
    environment: environment.id,
    product,
    apiUser,
    createdAt: new Date().toISOString(),
    origin: 'added' as const,
    ...(kind === 'system' ? { credentialKind: kind } : {}),
    ...(platform ? { platform } : {}),
    ...(host?.ok ? { callbackHost: host.value } : {}),
    ...(label ? { label } : {}),
  };
  const result = { ok: true as const, apiUser, environment: environment.id, product, credentialKind: kind, ...(platform ? { platform } : {}) };
  try {
    await ctx.store.saveApiUser(record, apiKey);
  } catch (err) {
    if (err instanceof SecretStorageFailure) {
      offerApiKeyForCopy(ctx, { environment: environment.id, product, apiUser }, apiKey, err);
      return { ...result, keyStored: false };
    }
    throw err;
  }
  const added = platform
    ? vscode.l10n.t('Added {0} {1} on {2} and stored its {3} in SecretStorage.', credentialName(record), where, describePlatform(platform), names.secret)
    : vscode.l10n.t('Added {0} {1} and stored its {2} in SecretStorage.', credentialName(record), where, names.secret);
  ctx.notifier.tell(
    'info',
    added,
    {
      [vscode.l10n.t('Insert into settings…')]: () => runMomoCommand('momo.insertIntoSettings', { apiUser, environment: environment.id, product }),
    },
  );
  return { ...result, keyStored: true };
}

function refuse(ctx: CommandContext, message: string): AddExistingApiUserResult {
  ctx.notifier.tell('error', message);
  return failed(message);
}

type Validator = (raw: string) => Validation;

function checkGiven(raw: string | undefined, validate: Validator, what: string): string | undefined {
  if (raw === undefined) {
    return undefined;
  }
  const result = validate(raw);
  return result.ok ? undefined : vscode.l10n.t('The {0} was not accepted: {1}', what, result.message);
}

function given(raw: string | undefined, validate: Validator): string | undefined {
  if (raw === undefined) {
    return undefined;
  }
  const result = validate(raw);
  return result.ok ? result.value : undefined;
}
