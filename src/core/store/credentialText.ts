/**
 * The words the tree, the status bar and the messages use for stored credentials. Pure, so
 * the promise "no secret in any label or tooltip" is testable: nothing here ever receives a
 * secret value, only ids, masks and metadata.
 */
import * as l10n from '@vscode/l10n';
import type { CredentialKind } from '../momo/credentialKind';
import { findEnvironment } from '../momo/environments';
import { describePlatform, PLATFORM_SHORT_LABELS, platformBaseUrl, type ProductionPlatform } from '../momo/platforms';
import { PRODUCT_LABELS, type Product } from '../momo/products';
import type { ApiUserRecord, CredentialIndex, VerifyResult } from './credentialIndex';
import { activeApiUser } from './credentialIndex';
import type { SubscriptionKeyType } from './secretNames';

/** First block of the UUID (or the first 8 characters of a System Credentials User ID): enough to tell users apart. */
export function shortApiUser(apiUser: string): string {
  const first = apiUser.includes('-') ? (apiUser.split('-')[0] ?? apiUser) : apiUser.slice(0, 8);
  return first.length < apiUser.length ? `${first}…` : apiUser;
}

export function environmentLabel(environment: string): string {
  const env = findEnvironment(environment);
  if (!env) {
    return environment;
  }
  return env.production ? `${env.label} (${env.id}, ${env.currency})` : l10n.t('Sandbox ({0})', env.currency);
}

export function productLabel(product: Product): string {
  return PRODUCT_LABELS[product];
}

export function keyTypeLabel(keyType: SubscriptionKeyType): string {
  return keyType === 'primary' ? l10n.t('Primary') : l10n.t('Secondary');
}

/** "primary Collections": a stored subscription key named in a sentence. */
export function keyName(keyType: SubscriptionKeyType, product: Product): string {
  return keyType === 'primary' ? l10n.t('primary {0}', productLabel(product)) : l10n.t('secondary {0}', productLabel(product));
}

/** "just now", "5 min ago", "3 h ago", "2 days ago"; dates older than a month as a date. */
export function relativeTime(iso: string, now: Date = new Date()): string {
  const then = new Date(iso);
  const seconds = Math.round((now.getTime() - then.getTime()) / 1000);
  if (Number.isNaN(seconds)) {
    return l10n.t('at an unknown time');
  }
  if (seconds < 60) {
    return l10n.t('just now');
  }
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) {
    return l10n.t('{0} min ago', minutes);
  }
  const hours = Math.round(minutes / 60);
  if (hours < 24) {
    return l10n.t('{0} h ago', hours);
  }
  const days = Math.round(hours / 24);
  if (days <= 31) {
    return days === 1 ? l10n.t('1 day ago') : l10n.t('{0} days ago', days);
  }
  return l10n.t('on {0}', then.toISOString().slice(0, 10));
}

export function verifyText(result: VerifyResult | undefined, now?: Date): string {
  if (!result) {
    return l10n.t('never verified');
  }
  return result.ok ? l10n.t('verified {0}', relativeTime(result.at, now)) : l10n.t('failed verification {0}', relativeTime(result.at, now));
}

export function subscriptionKeyTooltip(environment: string, product: Product, keyType: SubscriptionKeyType): string {
  const production = findEnvironment(environment)?.production === true;
  const key = keyName(keyType, product);
  return production
    ? l10n.t('The {0} subscription key from the production portal (momoapi.mtn.com), sent as Ocp-Apim-Subscription-Key with every {1} request in {2}.', key, productLabel(product), environmentLabel(environment))
    : l10n.t('The {0} subscription key from the developer portal (momodeveloper.mtn.com), sent as Ocp-Apim-Subscription-Key with every {1} request in {2}.', key, productLabel(product), environmentLabel(environment));
}

export function apiUserTooltip(user: ApiUserRecord): string {
  const [product, where] = [productLabel(user.product), environmentLabel(user.environment)];
  if (user.credentialKind === 'system') {
    const text = user.keyStored
      ? l10n.t('System Credentials, User ID {0}: with its Credential Token it forms the Basic-auth pair that gets {1} access tokens in {2}; its Credential Token is stored in SecretStorage.', user.apiUser, product, where)
      : l10n.t('System Credentials, User ID {0}: with its Credential Token it forms the Basic-auth pair that gets {1} access tokens in {2}; its Credential Token is missing, so add the System Credentials again.', user.apiUser, product, where);
    return `${text} ${platformSentence(user)}`;
  }
  const text = user.keyStored
    ? l10n.t('API user {0}: with its API key it forms the Basic-auth pair that gets {1} access tokens in {2}; its API key is stored in SecretStorage.', user.apiUser, product, where)
    : l10n.t('API user {0}: with its API key it forms the Basic-auth pair that gets {1} access tokens in {2}; its API key is missing, so generate a new one or add it again.', user.apiUser, product, where);
  return findEnvironment(user.environment)?.production ? `${text} ${platformSentence(user)}` : text;
}

/** "API user 3f2b8c1e…" / "System Credentials U3lzdGVt…": how a stored pair is named in rows and messages. */
export function credentialName(user: { apiUser: string; credentialKind?: CredentialKind }): string {
  return user.credentialKind === 'system' ? l10n.t('System Credentials {0}', shortApiUser(user.apiUser)) : l10n.t('API user {0}', shortApiUser(user.apiUser));
}

/** Production: "new platform" / "legacy platform" for a tree row; undefined in the sandbox. */
export function platformLabel(user: { environment: string; platform?: ProductionPlatform }): string | undefined {
  return findEnvironment(user.environment)?.production === false ? undefined : PLATFORM_SHORT_LABELS[user.platform ?? 'legacy'];
}

function platformSentence(user: ApiUserRecord): string {
  const environment = findEnvironment(user.environment);
  const platform = user.platform ?? 'legacy';
  const host = environment ? new URL(platformBaseUrl(environment, platform)).host : undefined;
  return l10n.t("It belongs to {0} and is only ever sent to that platform's host.", describePlatform(platform, host));
}

export interface StatusSummary {
  text: string;
  tooltip: string;
  severity: 'none' | 'ok' | 'warning' | 'error';
}

/** What the status bar says about the active API user (the last one provisioned or added). */
export function statusSummary(index: CredentialIndex, now?: Date): StatusSummary {
  const user = activeApiUser(index);
  if (!user) {
    const keys = index.subscriptionKeys.length;
    return keys === 0
      ? { text: '$(key) MoMo', tooltip: l10n.t('No MoMo credentials stored yet. Click to set a subscription key.'), severity: 'none' }
      : {
          text: `$(key) MoMo: ${l10n.t('no API user')}`,
          tooltip: l10n.t('A subscription key is stored but no API user yet. Click to provision or add one.'),
          severity: 'warning',
        };
  }
  const where = `${user.environment} · ${productLabel(user.product)} · ${shortApiUser(user.apiUser)}`;
  if (!user.keyStored) {
    return {
      text: `$(warning) MoMo: ${where}`,
      tooltip: l10n.t('API user {0} has no stored API key. Click to open the MoMo view and generate or add one.', user.apiUser),
      severity: 'warning',
    };
  }
  if (user.lastVerified && !user.lastVerified.ok) {
    return {
      text: `$(error) MoMo: ${where}`,
      tooltip: user.lastVerified.message
        ? l10n.t('API user {0} {1}: {2}.', user.apiUser, verifyText(user.lastVerified, now), user.lastVerified.message)
        : l10n.t('API user {0} {1}.', user.apiUser, verifyText(user.lastVerified, now)),
      severity: 'error',
    };
  }
  return {
    text: `$(key) MoMo: ${where}`,
    tooltip: l10n.t('API user {0} with its key stored, {1}. Click to open the MoMo view.', user.apiUser, verifyText(user.lastVerified, now)),
    severity: 'ok',
  };
}
