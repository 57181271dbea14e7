/**
 * MoMo: Add Existing API User — the Partner Portal path. Args: { environment?, product?,
 * credentialKind? ('apiKey' | 'system'), apiUser?, apiKey?, callbackHost?, label? }. For
 * production (where the Provisioning API does not exist) and for users made elsewhere. In
 * production it asks which credentials MTN gave: an API user + API key (legacy platform) or
 * System Credentials, a User ID + Credential Token (new platform); `apiUser` / `apiKey` carry
 * either kind, and a given `apiUser` says its kind by its shape. Each kind is validated by its
 * own rules before anything is stored, and the pair remembers its platform.
 */
import { CREDENTIAL_PART_NAMES, detectCredentialKind, validateSecretOf, validateUserIdOf, type CredentialKind } from '../../core/momo/credentialKind';
import { describePlatform, platformForKind } from '../../core/momo/platforms';
import { validateCallbackHost, type Validation } from '../../core/momo/validation';
import { credentialName, environmentLabel, productLabel, shortApiUser } from '../../core/store/credentialText';
import { SecretStorageFailure } from '../credentialStore';
import { inputValidated, pickCredentialKind, pickEnvironment, pickProduct } from '../ui/pickers';
import { offerApiKeyForCopy } from '../ui/secretStorageFailure';
import { credentialKindArg, environmentArg, productArg, stringArg, toArgs } from '../commandArgs';
import { failed, type CommandContext, type CommandResult } from '../commandContext';
import { runMomoCommand } from '../momoCommands';

const TITLE = 'MoMo: Add Existing API User';

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

  const environment = envParsed.value ?? (await pickEnvironment(`${TITLE}: target environment`));
  if (!environment) return failed('cancelled');
  if (!environment.production && kindParsed.value === 'system') {
    return refuse(ctx, 'System Credentials exist only in production (MTN\'s new platform): choose a production target environment such as mtnuganda.');
  }
  const givenUser = stringArg(args, 'apiUser');
  const givenSecret = stringArg(args, 'apiKey');
  // System Credentials exist only in production; there a given id says its kind by its shape.
  const kind: CredentialKind | undefined = !environment.production
    ? 'apiKey'
    : (kindParsed.value ?? (givenUser !== undefined ? detectCredentialKind(givenUser) : await pickCredentialKind(`${TITLE}: which credentials did MTN give you?`, environment)));
  if (!kind) return failed('cancelled');
  const names = CREDENTIAL_PART_NAMES[kind];
  const validateUser = (raw: string): Validation => validateUserIdOf(kind, raw);
  const validateSecret = (raw: string): Validation => validateSecretOf(kind, raw);
  const givenError = [checkGiven(givenUser, validateUser, names.user), checkGiven(givenSecret, validateSecret, names.secret)].find((e) => e !== undefined);
  if (givenError) return refuse(ctx, givenError);

  const product = productParsed.value ?? (await pickProduct(`${TITLE}: product`, ctx.store.index(), environment.id));
  if (!product) return failed('cancelled');
  const portal = kind === 'system' ? 'the Partner Portal (System and device credentials)' : environment.production ? 'the MTN Partner Portal' : 'the tool that created it';
  const where = `for ${productLabel(product)} in ${environmentLabel(environment.id)}`;
  const apiUser = given(givenUser, validateUser) ?? (await inputValidated({
    title: `${TITLE}: ${names.user}`,
    prompt: kind === 'system'
      ? `The User ID from ${portal} (not a UUID; it often ends in "="), ${where}.`
      : `The API user id (a UUID v4) from ${portal}, ${where}.`,
    placeHolder: kind === 'system' ? 'e.g. c3lzdGVtLXVzZXI=' : 'e.g. 0f4e8a3c-5b7d-4c1e-9a2b-3c4d5e6f7a8b',
    validate: validateUser,
  }));
  if (!apiUser) return failed('cancelled');
  const apiKey = given(givenSecret, validateSecret) ?? (await inputValidated({
    title: `${TITLE}: ${names.secret} of ${shortApiUser(apiUser)}`,
    prompt: `Paste the ${names.secret} from ${portal}. It is stored in SecretStorage only.`,
    placeHolder: kind === 'system' ? 'printable characters, punctuation included' : '32 hexadecimal characters',
    password: true,
    validate: validateSecret,
  }));
  if (!apiKey) return failed('cancelled');
  const hostRaw = stringArg(args, 'callbackHost');
  const host = hostRaw === undefined ? undefined : validateCallbackHost(hostRaw, { production: environment.production });
  if (host && !host.ok) return refuse(ctx, `The API user was not added: ${host.message}`);

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
  const on = platform ? ` on ${describePlatform(platform)}` : '';
  ctx.notifier.tell(
    'info',
    `Added ${credentialName(record)} ${where}${on} and stored its ${names.secret} in SecretStorage.`,
    {
      'Insert into settings…': () => runMomoCommand('momo.insertIntoSettings', { apiUser, environment: environment.id, product }),
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
  return result.ok ? undefined : `The ${what} was not accepted: ${result.message}`;
}

function given(raw: string | undefined, validate: Validator): string | undefined {
  if (raw === undefined) {
    return undefined;
  }
  const result = validate(raw);
  return result.ok ? result.value : undefined;
}
