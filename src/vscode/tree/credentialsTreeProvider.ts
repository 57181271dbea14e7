/**
 * The `momo.credentials` tree: environment → product → subscription keys and API users.
 * Children are computed when VS Code asks for them (the view is open), which is the only time
 * secrets are read for display; they are read to tell "stored" from "missing" and to mask
 * subscription keys, and nothing but the mask leaves this file.
 */
import * as vscode from 'vscode';
import { isSandbox } from '../../core/momo/environments';
import type { Product } from '../../core/momo/products';
import { maskSecret } from '../../core/momo/redact';
import { apiUsersIn, environmentsIn, findApiUsers, findSubscriptionKeys, productsIn, type CredentialIndex } from '../../core/store/credentialIndex';
import type { CredentialStore } from '../credentialStore';
import type { HostApprovals } from '../hostApprovals';
import type { AllowedHostNode, ApiUserNode, CredentialNode, HintNode, SubscriptionKeyNode } from './credentialNodes';
import { toTreeItem } from './credentialTreeItems';

export class CredentialsTreeProvider implements vscode.TreeDataProvider<CredentialNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CredentialNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly store: CredentialStore,
    private readonly approvals: HostApprovals,
  ) {
    this.subscription = vscode.Disposable.from(
      store.onDidChange(() => this.refresh()),
      approvals.onDidChange(() => this.refresh()),
    );
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: CredentialNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  async getChildren(node?: CredentialNode): Promise<CredentialNode[]> {
    const index = this.viewIndex();
    if (!node) {
      // Empty while nothing is stored, so the welcome view (viewsWelcome) shows instead.
      const environments: CredentialNode[] = environmentsIn(index).map((environment) => ({ kind: 'environment', environment }));
      const unreadable: CredentialNode[] = (index.unreadable ?? []).map((r) => ({ kind: 'unreadable', stateKey: r.stateKey }));
      const allowed: CredentialNode[] = this.approvals.list().length > 0 ? [{ kind: 'allowedHosts' }] : [];
      return [...environments, ...unreadable, ...allowed];
    }
    switch (node.kind) {
      case 'environment':
        return productsIn(index, node.environment).map((product) => ({ kind: 'product', environment: node.environment, product }));
      case 'product':
        return this.productChildren(index, node.environment, node.product);
      case 'allowedHosts':
        return this.approvals.list().map((a): AllowedHostNode => ({ kind: 'allowedHost', host: a.host, production: a.production, at: a.at }));
      default:
        return [];
    }
  }

  getParent(node: CredentialNode): CredentialNode | undefined {
    switch (node.kind) {
      case 'environment':
      case 'unreadable':
      case 'allowedHosts':
        return undefined;
      case 'allowedHost':
        return { kind: 'allowedHosts' };
      case 'product':
        return { kind: 'environment', environment: node.environment };
      default:
        return { kind: 'product', environment: node.environment, product: node.product };
    }
  }

  /** The stored index, plus a row for each held unsaved key whose user record could not be stored. */
  private viewIndex(): CredentialIndex {
    const index = this.store.index();
    const missing = this.store
      .unsavedKeyRefs()
      .filter((ref) => findApiUsers(index, ref.apiUser, ref).length === 0)
      .map((ref) => ({ ...ref, createdAt: new Date().toISOString(), keyStored: false, origin: 'provisioned' as const }));
    return missing.length === 0 ? index : { ...index, apiUsers: [...index.apiUsers, ...missing] };
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private async productChildren(index: CredentialIndex, environment: string, product: Product): Promise<CredentialNode[]> {
    const scope = { environment, product };
    const keys: SubscriptionKeyNode[] = await Promise.all(
      findSubscriptionKeys(index, scope).map(async (k) => {
        const secret = await this.store.getSubscriptionKey(scope, k.keyType);
        return {
          kind: 'subscriptionKey' as const,
          environment,
          product,
          keyType: k.keyType,
          savedAt: k.savedAt,
          ...(secret ? { masked: maskSecret(secret) } : {}),
        };
      }),
    );
    const users: ApiUserNode[] = await Promise.all(
      apiUsersIn(index, scope).map(async (record) => {
        // The index can be stale if another window deleted the key; SecretStorage has the last word.
        const keyStored = record.keyStored && (await this.store.getApiKey(record)) !== undefined;
        const keyUnsaved = !keyStored && this.store.unsavedKey(record) !== undefined;
        return { kind: 'apiUser' as const, environment, product, apiUser: record.apiUser, keyStored, keyUnsaved, record };
      }),
    );
    const hints: HintNode[] = users.length > 0 ? [] : [nextStepHint(environment, product, keys.length > 0)];
    return [...keys, ...users, ...hints];
  }
}

function nextStepHint(environment: string, product: Product, hasKey: boolean): HintNode {
  if (isSandbox(environment)) {
    return hasKey
      ? {
          kind: 'hint',
          environment,
          product,
          label: vscode.l10n.t('Provision a sandbox API user…'),
          tooltip: vscode.l10n.t('Creates an API user and its API key in the sandbox with this subscription key, and stores both here.'),
          command: 'momo.provisionSandboxUser',
        }
      : {
          kind: 'hint',
          environment,
          product,
          label: vscode.l10n.t('Set a subscription key first…'),
          tooltip: vscode.l10n.t('Provisioning needs the subscription key of this product from the developer portal.'),
          command: 'momo.setSubscriptionKey',
        };
  }
  return {
    kind: 'hint',
    environment,
    product,
    label: vscode.l10n.t('Add the API user from the Partner Portal…'),
    tooltip: vscode.l10n.t('Production API users are created in the MTN Partner Portal; enter the id and key it gave you.'),
    command: 'momo.addExistingApiUser',
  };
}
