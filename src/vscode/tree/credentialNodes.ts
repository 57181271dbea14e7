/**
 * The elements of the credentials tree as plain data. They carry the same field names as the
 * command arguments ({environment, product, keyType} / {apiUser}), so a tree item passed to a
 * command by a context menu is already a valid argument. No node ever holds a secret value.
 */
import type { Product } from '../../core/momo/products';
import type { ApiUserRecord } from '../../core/store/credentialIndex';
import type { SubscriptionKeyType } from '../../core/store/secretNames';

export interface EnvironmentNode {
  kind: 'environment';
  environment: string;
}

export interface ProductNode {
  kind: 'product';
  environment: string;
  product: Product;
}

export interface SubscriptionKeyNode {
  kind: 'subscriptionKey';
  environment: string;
  product: Product;
  keyType: SubscriptionKeyType;
  /** `••••3ec`, or undefined when the secret is missing from SecretStorage. */
  masked?: string;
  savedAt: string;
}

export interface ApiUserNode {
  kind: 'apiUser';
  environment: string;
  product: Product;
  apiUser: string;
  /** True only when the index says so AND SecretStorage really has the key. */
  keyStored: boolean;
  /** A new key VS Code could not store, held in memory until copied or discarded. */
  keyUnsaved?: boolean;
  record: ApiUserRecord;
}

/** A row that suggests the next step, e.g. "Provision an API user…" under a product without one. */
export interface HintNode {
  kind: 'hint';
  environment: string;
  product: Product;
  label: string;
  tooltip: string;
  command: string;
}

/** A record globalState holds but this version cannot read: shown so it can be removed. */
export interface UnreadableNode {
  kind: 'unreadable';
  stateKey: string;
}


/** "Allowed hosts": the hosts outside MTN and this machine that the person let credentials go to. */
export interface AllowedHostsNode {
  kind: 'allowedHosts';
}

/** One allowed host; `{ host }` is also the argument of momo.revokeAllowedHost. */
export interface AllowedHostNode {
  kind: 'allowedHost';
  host: string;
  production: boolean;
  at: string;
}

export type CredentialNode = EnvironmentNode | ProductNode | SubscriptionKeyNode | ApiUserNode | HintNode | UnreadableNode | AllowedHostsNode | AllowedHostNode;

export function nodeId(node: CredentialNode): string {
  switch (node.kind) {
    case 'environment':
      return `env:${node.environment}`;
    case 'product':
      return `product:${node.environment}/${node.product}`;
    case 'subscriptionKey':
      return `subscriptionKey:${node.environment}/${node.product}/${node.keyType}`;
    case 'apiUser':
      return `apiUser:${node.environment}/${node.product}/${node.apiUser}`;
    case 'hint':
      return `hint:${node.environment}/${node.product}/${node.command}`;
    case 'unreadable':
      return `unreadable:${node.stateKey}`;
    case 'allowedHosts':
      return 'allowedHosts';
    case 'allowedHost':
      return `allowedHost:${node.host}`;
  }
}
