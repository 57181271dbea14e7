/**
 * What a variable name means for MTN MoMo: its role (API user, API key, subscription key...),
 * its product prefix, a browser-exposing prefix, and whether it belongs to Vietnam's unrelated
 * MoMo wallet (MOMO_PARTNER_CODE / MOMO_ACCESS_KEY / MOMO_SECRET_KEY).
 */
import type { Product } from '../../momo/products';
import type { MomoRole } from '../types';
import { splitName, type NameParts } from './nameParts';

export interface NameInfo {
  name: string;
  parts: NameParts;
  role?: MomoRole;
  product?: Product;
  /** Index in parts.tokens of the product token. */
  productIndex?: number;
  /** Indexes in parts.tokens of the tokens that carry the role (API_USER, SUBSCRIPTION_KEY...). */
  fieldIndexes: number[];
  /** 'VITE_', 'NEXT_PUBLIC_', 'REACT_APP_' as written in the name. */
  browserPrefix?: string;
  /** Number of leading tokens that form the browser prefix. */
  browserPrefixTokens: number;
  /** Has a MOMO / MTN token. */
  vendor: boolean;
  /** An MTN MoMo variable: vendor or MoMo-section context, or a product-prefixed credential name. */
  isMomo: boolean;
  /** A Vietnam MoMo wallet name (never MTN). */
  vietnam: boolean;
  /** Secondary subscription key (the primary one is preferred for writing). */
  secondary: boolean;
  /**
   * A name for System Credentials of MTN's new platform (`*_CREDENTIAL_TOKEN`, `*_NEW_USER_ID`,
   * `*_NEW_CREDENTIAL_TOKEN`): preferred for them, and never given an API user + API key.
   * `*_USER_ID` serves both kinds.
   */
  system: boolean;
}

export interface NameContext {
  /** The name sits in a MoMo section (JSON `MomoApiOptions: {...}`), so no vendor token is needed. */
  momoSection?: boolean;
}

const VENDOR_TOKENS = new Set(['MOMO', 'MTN', 'MTNMOMO']);

const PRODUCT_TOKENS: Record<string, Product> = {
  COLLECTION: 'collection',
  COLLECTIONS: 'collection',
  DISBURSEMENT: 'disbursement',
  DISBURSEMENTS: 'disbursement',
  REMITTANCE: 'remittance',
  REMITTANCES: 'remittance',
};

const BROWSER_PREFIXES: readonly string[][] = [['VITE'], ['NEXT', 'PUBLIC'], ['REACT', 'APP']];

const FIELD_ROLES: Record<string, MomoRole> = {
  API_USER: 'apiUser',
  API_USER_ID: 'apiUser',
  APIUSER: 'apiUser',
  APIUSER_ID: 'apiUser',
  API_USERID: 'apiUser',
  USER_ID: 'apiUser',
  USERID: 'apiUser',
  USER: 'apiUser',
  ID: 'apiUser',
  CLIENT_ID: 'apiUser',
  API_KEY: 'apiKey',
  APIKEY: 'apiKey',
  API_SECRET: 'apiKey',
  API_SECRET_KEY: 'apiKey',
  SECRET: 'apiKey',
  CLIENT_SECRET: 'apiKey',
  // System Credentials of the new production platform, and the names used while both platforms run.
  CREDENTIAL_TOKEN: 'apiKey',
  NEW_USER_ID: 'apiUser',
  NEW_CREDENTIAL_TOKEN: 'apiKey',
  TARGET_ENVIRONMENT: 'targetEnvironment',
  TARGET_ENV: 'targetEnvironment',
  X_TARGET_ENVIRONMENT: 'targetEnvironment',
  ENVIRONMENT: 'targetEnvironment',
  ENV: 'targetEnvironment',
  CURRENCY: 'currency',
  BASE_URL: 'baseUrl',
  API_BASE_URL: 'baseUrl',
  BASEURL: 'baseUrl',
  BASE_URI: 'baseUrl',
  API_URL: 'baseUrl',
  URL: 'baseUrl',
  HOST: 'baseUrl',
  API_HOST: 'baseUrl',
  ENDPOINT: 'baseUrl',
};

const VIETNAM_FIELDS = new Set(['PARTNER_CODE', 'ACCESS_KEY', 'SECRET_KEY', 'PARTNER_NAME', 'STORE_ID', 'IPN_URL', 'REDIRECT_URL']);

function roleOfField(field: string[]): { role?: MomoRole; secondary: boolean } {
  const joined = field.join('_');
  const has = (token: string) => field.includes(token);
  if (has('SUBSCRIPTION') || has('SUBSCRIPTIONKEY') || has('OCP') || has('APIM') || joined === 'SUB_KEY') {
    return { role: 'subscriptionKey', secondary: has('SECONDARY') };
  }
  if ((has('PRIMARY') || has('SECONDARY')) && (field.length === 1 || has('KEY'))) {
    return { role: 'subscriptionKey', secondary: has('SECONDARY') };
  }
  if (has('CALLBACK')) return { role: 'callbackHost', secondary: false };
  return { role: FIELD_ROLES[joined], secondary: false };
}

export function classifyName(name: string, context: NameContext = {}): NameInfo {
  const parts = splitName(name);
  const tokens = parts.tokens;
  let browserPrefixTokens = 0;
  for (const prefix of BROWSER_PREFIXES) {
    if (prefix.every((token, i) => tokens[i] === token) && tokens.length > prefix.length) {
      browserPrefixTokens = prefix.length;
      break;
    }
  }
  let lastVendor = -1;
  for (let i = browserPrefixTokens; i < tokens.length; i++) if (VENDOR_TOKENS.has(tokens[i])) lastVendor = i;
  let productIndex: number | undefined;
  const fieldIndexes: number[] = [];
  for (let i = Math.max(lastVendor + 1, browserPrefixTokens); i < tokens.length; i++) {
    if (productIndex === undefined && PRODUCT_TOKENS[tokens[i]]) productIndex = i;
    else fieldIndexes.push(i);
  }
  if (fieldIndexes.length === 0 && lastVendor > browserPrefixTokens) {
    // MoMo after the field (API_KEY_MOMO): the field is what comes before the vendor token.
    for (let i = browserPrefixTokens; i < lastVendor; i++) {
      if (VENDOR_TOKENS.has(tokens[i])) continue;
      if (productIndex === undefined && PRODUCT_TOKENS[tokens[i]]) productIndex = i;
      else fieldIndexes.push(i);
    }
  }
  const field = fieldIndexes.map((i) => tokens[i]);
  const vendor = lastVendor !== -1;
  const vietnam = vendor && VIETNAM_FIELDS.has(field.join('_'));
  const { role, secondary } = vietnam ? { role: undefined, secondary: false } : roleOfField(field);
  const system = (role === 'apiUser' || role === 'apiKey') && (field.includes('CREDENTIAL') || field[0] === 'NEW');
  const product = productIndex === undefined ? undefined : PRODUCT_TOKENS[tokens[productIndex]];
  const credential = role === 'apiUser' || role === 'apiKey' || role === 'subscriptionKey';
  const productFirst = productIndex === browserPrefixTokens;
  const isMomo = role !== undefined && (vendor || context.momoSection === true || (productFirst && credential));
  const browserPrefix = browserPrefixTokens > 0 ? prefixAsWritten(name, browserPrefixTokens) : undefined;
  return { name, parts, role, product, productIndex, fieldIndexes, browserPrefix, browserPrefixTokens, vendor, isMomo, vietnam, secondary, system };
}

const MAYBE_MOMO = /momo|mtn|collection|disbursement|remittance/i;

/**
 * classifyName for scanners: names that cannot be MoMo's (no MOMO/MTN/product word) skip the
 * token work, which keeps scanning a 20,000-line file close to the cost of splitting it.
 */
export function classifyNameFast(name: string, context: NameContext = {}): NameInfo {
  if (context.momoSection || MAYBE_MOMO.test(name)) return classifyName(name, context);
  return {
    name,
    parts: { tokens: [name.toUpperCase()], style: 'upperSnake' },
    fieldIndexes: [],
    browserPrefixTokens: 0,
    vendor: false,
    isMomo: false,
    vietnam: false,
    secondary: false,
    system: false,
  };
}

function prefixAsWritten(name: string, tokenCount: number): string {
  let seen = 0;
  for (let i = 0; i < name.length; i++) {
    if (name[i] === '_' || name[i] === '-') {
      seen++;
      if (seen === tokenCount) return name.slice(0, i + 1);
    }
  }
  return name;
}

/** Secret-carrying roles: the ones that must not sit in a browser bundle or a tracked file. */
export function isSecretRole(role: MomoRole | undefined): boolean {
  return role === 'apiUser' || role === 'apiKey' || role === 'subscriptionKey';
}

export function productToken(product: Product, plural: boolean): string {
  const base = product.toUpperCase();
  return plural ? `${base}S` : base;
}
