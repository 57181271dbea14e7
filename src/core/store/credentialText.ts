/**
 * The words the tree, the status bar and the messages use for stored credentials. Pure, so
 * the promise "no secret in any label or tooltip" is testable: nothing here ever receives a
 * secret value, only ids, masks and metadata.
 */
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
  return env.production ? `${env.label} (${env.id}, ${env.currency})` : `Sandbox (${env.currency})`;
}

export function productLabel(product: Product): string {
  return PRODUCT_LABELS[product];
}

export function keyTypeLabel(keyType: SubscriptionKeyType): string {
  return keyType === 'primary' ? 'Primary' : 'Secondary';
}

/** "just now", "5 min ago", "3 h ago", "2 days ago"; dates older than a month as a date. */
export function relativeTime(iso: string, now: Date = new Date()): string {
  const then = new Date(iso);
  const seconds = Math.round((now.getTime() - then.getTime()) / 1000);
  if (Number.isNaN(seconds)) {
    return 'at an unknown time';
  }
  if (seconds < 60) {
    return 'just now';
  }
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) {
    return `${minutes} min ago`;
  }
  const hours = Math.round(minutes / 60);
  if (hours < 24) {
    return `${hours} h ago`;
  }
  const days = Math.round(hours / 24);
  if (days <= 31) {
    return days === 1 ? '1 day ago' : `${days} days ago`;
  }
  return `on ${then.toISOString().slice(0, 10)}`;
}

export function verifyText(result: VerifyResult | undefined, now?: Date): string {
  if (!result) {
    return 'never verified';
  }
  return result.ok ? `verified ${relativeTime(result.at, now)}` : `failed verification ${relativeTime(result.at, now)}`;
}

export function subscriptionKeyTooltip(environment: string, product: Product, keyType: SubscriptionKeyType): string {
  const where = findEnvironment(environment)?.production ? 'production portal (momoapi.mtn.com)' : 'developer portal (momodeveloper.mtn.com)';
  return (
    `The ${keyType} subscription key of your ${productLabel(product)} subscription on the ${where}, ` +
    `sent as Ocp-Apim-Subscription-Key with every ${productLabel(product)} request in ${environmentLabel(environment)}.`
  );
}

export function apiUserTooltip(user: ApiUserRecord): string {
  if (user.credentialKind === 'system') {
    const tokenState = user.keyStored
      ? 'its Credential Token is stored in SecretStorage'
      : 'its Credential Token is missing, so add the System Credentials again';
    return (
      `System Credentials, User ID ${user.apiUser}: with its Credential Token it forms the Basic-auth pair that gets ${productLabel(user.product)} ` +
      `access tokens in ${environmentLabel(user.environment)}; ${tokenState}. ${platformSentence(user)}`
    );
  }
  const keyState = user.keyStored
    ? 'its API key is stored in SecretStorage'
    : 'its API key is missing, so generate a new one or add it again';
  const platform = findEnvironment(user.environment)?.production ? ` ${platformSentence(user)}` : '';
  return (
    `API user ${user.apiUser}: with its API key it forms the Basic-auth pair that gets ${productLabel(user.product)} ` +
    `access tokens in ${environmentLabel(user.environment)}; ${keyState}.${platform}`
  );
}

/** "API user 3f2b8c1e…" / "System Credentials U3lzdGVt…": how a stored pair is named in rows and messages. */
export function credentialName(user: { apiUser: string; credentialKind?: CredentialKind }): string {
  return user.credentialKind === 'system' ? `System Credentials ${shortApiUser(user.apiUser)}` : `API user ${shortApiUser(user.apiUser)}`;
}

/** Production: "new platform" / "legacy platform" for a tree row; undefined in the sandbox. */
export function platformLabel(user: { environment: string; platform?: ProductionPlatform }): string | undefined {
  return findEnvironment(user.environment)?.production === false ? undefined : PLATFORM_SHORT_LABELS[user.platform ?? 'legacy'];
}

function platformSentence(user: ApiUserRecord): string {
  const environment = findEnvironment(user.environment);
  const platform = user.platform ?? 'legacy';
  const host = environment ? new URL(platformBaseUrl(environment, platform)).host : undefined;
  return `It belongs to ${describePlatform(platform, host)} and is only ever sent to that platform's host.`;
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
      ? { text: '$(key) MoMo', tooltip: 'No MoMo credentials stored yet. Click to set a subscription key.', severity: 'none' }
      : {
          text: '$(key) MoMo: no API user',
          tooltip: 'A subscription key is stored but no API user yet. Click to provision or add one.',
          severity: 'warning',
        };
  }
  const where = `${user.environment} · ${productLabel(user.product)} · ${shortApiUser(user.apiUser)}`;
  if (!user.keyStored) {
    return {
      text: `$(warning) MoMo: ${where}`,
      tooltip: `API user ${user.apiUser} has no stored API key. Click to open the MoMo view and generate or add one.`,
      severity: 'warning',
    };
  }
  if (user.lastVerified && !user.lastVerified.ok) {
    return {
      text: `$(error) MoMo: ${where}`,
      tooltip: `API user ${user.apiUser} ${verifyText(user.lastVerified, now)}${user.lastVerified.message ? `: ${user.lastVerified.message}` : ''}.`,
      severity: 'error',
    };
  }
  return {
    text: `$(key) MoMo: ${where}`,
    tooltip: `API user ${user.apiUser} with its key stored, ${verifyText(user.lastVerified, now)}. Click to open the MoMo view.`,
    severity: 'ok',
  };
}
