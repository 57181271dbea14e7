/**
 * Command arguments arrive in three shapes: nothing (palette, welcome view, keybinding), a tree
 * node (context menus; see tree/credentialNodes), or a plain object from a test or another
 * extension. All three become one record; a missing field means "ask the user", a present but
 * invalid field is an error (asking would surprise a caller that meant to skip the UI).
 */
import * as vscode from 'vscode';
import type { CredentialKind } from '../core/momo/credentialKind';
import { findEnvironment, type TargetEnvironment } from '../core/momo/environments';
import { isProduct, type Product } from '../core/momo/products';
import { isSubscriptionKeyType, type SubscriptionKeyType } from '../core/store/secretNames';

export type Args = Readonly<Record<string, unknown>>;

export function toArgs(arg: unknown): Args {
  if (typeof arg === 'string') {
    return { apiUser: arg };
  }
  return typeof arg === 'object' && arg !== null ? (arg as Args) : {};
}

/** True when no arguments were given at all, i.e. a person started the command. */
export function isInteractive(arg: unknown): boolean {
  return arg === undefined || arg === null;
}

export function stringArg(args: Args, name: string): string | undefined {
  const value = args[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * A wrong argument quoted in a message only when it looks like the word it should be: a caller
 * may have passed a key in the wrong field, and a message must never show it.
 */
export function quotedArgument(raw: string): string {
  return /^[A-Za-z][A-Za-z -]{0,29}$/.test(raw) ? `"${raw}"` : vscode.l10n.t('The value given');
}

export function confirmed(args: Args): boolean {
  return args.confirm === true;
}

/** Parsed optional field: undefined (absent), the value, or an error sentence. */
export type Parsed<T> = { value?: T; error?: string };

export function environmentArg(args: Args): Parsed<TargetEnvironment> {
  const raw = stringArg(args, 'environment');
  if (raw === undefined) {
    return {};
  }
  const env = findEnvironment(raw);
  return env
    ? { value: env }
    : { error: vscode.l10n.t('{0} is not a MoMo target environment; use "sandbox" or one like "mtnuganda" (never "production").', quotedArgument(raw)) };
}

export function productArg(args: Args): Parsed<Product> {
  const raw = stringArg(args, 'product');
  if (raw === undefined) {
    return {};
  }
  const lower = raw.toLowerCase();
  return isProduct(lower) ? { value: lower } : { error: vscode.l10n.t('{0} is not a MoMo product; use collection, disbursement or remittance.', quotedArgument(raw)) };
}

export function keyTypeArg(args: Args, name = 'keyType'): Parsed<SubscriptionKeyType> {
  const raw = stringArg(args, name);
  if (raw === undefined) {
    return {};
  }
  const lower = raw.toLowerCase();
  return isSubscriptionKeyType(lower) ? { value: lower } : { error: vscode.l10n.t('{0} is not a subscription key type; use primary or secondary.', quotedArgument(raw)) };
}

/** `credentialKind`: 'apiKey' (also 'api-key') or 'system'. */
export function credentialKindArg(args: Args): Parsed<CredentialKind> {
  const raw = stringArg(args, 'credentialKind');
  if (raw === undefined) return {};
  const lower = raw.trim().toLowerCase();
  if (lower === 'apikey' || lower === 'api-key') return { value: 'apiKey' };
  if (lower === 'system') return { value: 'system' };
  return { error: vscode.l10n.t('credentialKind must be "apiKey" (API user + API key) or "system" (System Credentials: User ID + Credential Token).') };
}
