/**
 * The questions commands ask when an argument is missing. Each returns undefined when the user
 * cancels (Escape), and the caller then stops quietly: cancelling is not an error.
 */
import * as vscode from 'vscode';
import type { CredentialKind } from '../../core/momo/credentialKind';
import { ENVIRONMENTS, type TargetEnvironment } from '../../core/momo/environments';
import { platformBaseUrl } from '../../core/momo/platforms';
import { PRODUCTS, type Product } from '../../core/momo/products';
import type { Validation } from '../../core/momo/validation';
import { findSubscriptionKeys, type ApiUserRecord, type CredentialIndex } from '../../core/store/credentialIndex';
import { environmentLabel, productLabel, shortApiUser, verifyText } from '../../core/store/credentialText';
import type { SubscriptionKeyType } from '../../core/store/secretNames';

export async function pickEnvironment(title: string): Promise<TargetEnvironment | undefined> {
  const items = ENVIRONMENTS.map((env) => ({
    label: env.production ? env.label : 'Sandbox',
    description: `${env.id} · ${env.currency}`,
    detail: env.production
      ? vscode.l10n.t('Production in {0}: credentials come from the MTN Partner Portal.', env.label)
      : vscode.l10n.t('Test money only: API users are created here with the Provisioning API.'),
    env,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title,
    placeHolder: vscode.l10n.t('Target environment (the X-Target-Environment header)'),
    matchOnDescription: true,
    matchOnDetail: true,
    ignoreFocusOut: true,
  });
  return picked?.env;
}

export async function pickProduct(title: string, index?: CredentialIndex, environment?: string): Promise<Product | undefined> {
  const items = PRODUCTS.map((product) => {
    const keys = index && environment ? findSubscriptionKeys(index, { environment, product }) : [];
    return {
      label: productLabel(product),
      description: keys.length > 0 ? storedKeysText(keys.map((k) => k.keyType)) : undefined,
      product,
    };
  });
  // Products with a stored key first: they are the ones a user can act on right away.
  items.sort((a, b) => Number(b.description !== undefined) - Number(a.description !== undefined));
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('MoMo product (each has its own subscription keys)'), ignoreFocusOut: true });
  return picked?.product;
}

function storedKeysText(types: SubscriptionKeyType[]): string {
  if (types.length > 1) return vscode.l10n.t('primary and secondary key stored');
  return types[0] === 'primary' ? vscode.l10n.t('primary key stored') : vscode.l10n.t('secondary key stored');
}

/**
 * Which credentials MTN gave: the question Add Existing API User asks for production. The
 * placeholder is the one sentence on how to tell; each row adds its kind's shape and platform in
 * words short enough to show whole.
 */
export async function pickCredentialKind(title: string, environment: TargetEnvironment): Promise<CredentialKind | undefined> {
  const items: Array<vscode.QuickPickItem & { credentialKind: CredentialKind }> = [
    {
      label: vscode.l10n.t('API user + API key'),
      description: vscode.l10n.t('legacy platform ({0})', hostOf(platformBaseUrl(environment, 'legacy'))),
      detail: vscode.l10n.t('The API user is a UUID, the API key 32 hexadecimal characters.'),
      credentialKind: 'apiKey',
    },
    {
      label: vscode.l10n.t('System Credentials (User ID + Credential Token)'),
      description: vscode.l10n.t('new platform ({0})', hostOf(platformBaseUrl(environment, 'new'))),
      detail: vscode.l10n.t('The User ID is not a UUID and often ends in "="; the token has punctuation.'),
      credentialKind: 'system',
    },
  ];
  const placeHolder = vscode.l10n.t('How to tell: an API user is a UUID; a System Credentials User ID is not.');
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder, matchOnDescription: true, matchOnDetail: true, ignoreFocusOut: true });
  return picked?.credentialKind;
}

function hostOf(url: string): string {
  return new URL(url).host;
}

export async function pickKeyType(title: string, storedOnly?: SubscriptionKeyType[]): Promise<SubscriptionKeyType | undefined> {
  const types: SubscriptionKeyType[] = storedOnly ?? ['primary', 'secondary'];
  const items = types.map((keyType) => ({
    label: keyType === 'primary' ? vscode.l10n.t('Primary key') : vscode.l10n.t('Secondary key'),
    description: storedOnly ? vscode.l10n.t('stored') : keyType === 'primary' ? vscode.l10n.t('the usual choice') : vscode.l10n.t('for rotating keys without downtime'),
    keyType,
  }));
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Which subscription key'), ignoreFocusOut: true });
  return picked?.keyType;
}

export async function pickApiUser(title: string, users: ApiUserRecord[]): Promise<ApiUserRecord | undefined> {
  const items = users.map((user) => ({
    label: user.label ? `${user.label} (${shortApiUser(user.apiUser)})` : shortApiUser(user.apiUser),
    description: `${productLabel(user.product)} · ${environmentLabel(user.environment)}`,
    detail: `${user.apiUser} · ${user.keyStored ? vscode.l10n.t('key stored') : vscode.l10n.t('key missing')} · ${verifyText(user.lastVerified)}`,
    user,
  }));
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('API user'), matchOnDetail: true, ignoreFocusOut: true });
  return picked?.user;
}

export interface InputOptions {
  title: string;
  prompt: string;
  placeHolder?: string;
  value?: string;
  password?: boolean;
  validate: (raw: string) => Validation;
}

/** An InputBox validated live with a core validator; returns the validator's cleaned value. */
export async function inputValidated(options: InputOptions): Promise<string | undefined> {
  const raw = await vscode.window.showInputBox({
    title: options.title,
    prompt: options.prompt,
    placeHolder: options.placeHolder,
    value: options.value,
    password: options.password === true,
    ignoreFocusOut: true,
    validateInput: (text) => {
      if (text.trim() === '') {
        return undefined; // Not an error yet: the user has not typed anything.
      }
      const result = options.validate(text);
      if (!result.ok) {
        return { message: result.message, severity: vscode.InputBoxValidationSeverity.Error };
      }
      return result.notice ? { message: result.notice, severity: vscode.InputBoxValidationSeverity.Info } : undefined;
    },
  });
  if (raw === undefined) {
    return undefined;
  }
  const result = options.validate(raw);
  return result.ok ? result.value : undefined;
}
