/**
 * How each node looks. Labels, descriptions and tooltips are built only from metadata and the
 * masked form of a key; the contextValue tokens drive the menus in package.json
 * (`viewItem =~ /apiUser/`, `viewItem =~ /apiUser\.keyStored/`, `viewItem =~ /sandbox/`).
 */
import * as vscode from 'vscode';
import { isSandbox } from '../../core/momo/environments';
import {
  apiUserTooltip,
  credentialName,
  environmentLabel,
  platformLabel,
  keyTypeLabel,
  productLabel,
  relativeTime,
  shortApiUser,
  subscriptionKeyTooltip,
  verifyText,
} from '../../core/store/credentialText';
import type { VerifyResult } from '../../core/store/credentialIndex';
import { nodeId, type ApiUserNode, type CredentialNode, type SubscriptionKeyNode } from './credentialNodes';

export function toTreeItem(node: CredentialNode): vscode.TreeItem {
  switch (node.kind) {
    case 'environment': {
      const item = new vscode.TreeItem(environmentLabel(node.environment), vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = new vscode.ThemeIcon(isSandbox(node.environment) ? 'beaker' : 'globe');
      item.contextValue = `environment ${envToken(node.environment)}`;
      item.tooltip = isSandbox(node.environment)
        ? 'The MoMo sandbox: test credentials made with the Provisioning API, currency EUR only.'
        : `The production target environment ${node.environment}: credentials come from the MTN Partner Portal.`;
      return withId(item, node);
    }
    case 'product': {
      const item = new vscode.TreeItem(productLabel(node.product), vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = new vscode.ThemeIcon('package');
      item.contextValue = `product ${envToken(node.environment)}`;
      item.tooltip = `Credentials for the ${productLabel(node.product)} API in ${environmentLabel(node.environment)}: its subscription keys and API users.`;
      return withId(item, node);
    }
    case 'subscriptionKey':
      return subscriptionKeyItem(node);
    case 'apiUser':
      return apiUserItem(node);
    case 'hint': {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('lightbulb');
      item.contextValue = 'hint';
      item.tooltip = node.tooltip;
      item.command = { title: node.label, command: node.command, arguments: [{ environment: node.environment, product: node.product }] };
      return withId(item, node);
    }
    case 'unreadable': {
      const item = new vscode.TreeItem('Credential record', vscode.TreeItemCollapsibleState.None);
      item.description = 'unreadable';
      item.iconPath = new vscode.ThemeIcon('warning');
      item.contextValue = 'unreadable';
      item.tooltip =
        'VS Code holds a credential record this version cannot read (changed by hand or by another version). ' +
        'It is kept as it is; Remove deletes it and any API key it may own.';
      return withId(item, node);
    }
    case 'allowedHosts': {
      const item = new vscode.TreeItem('Allowed hosts', vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = new vscode.ThemeIcon('shield');
      item.contextValue = 'allowedHosts';
      item.tooltip = 'Hosts other than MTN MoMo API hosts and this machine that you allowed MoMo credentials to go to. Revoke one to be asked again.';
      return withId(item, node);
    }
    case 'allowedHost': {
      const item = new vscode.TreeItem(node.host, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('globe');
      item.description = `${node.production ? 'sandbox and production' : 'sandbox'} credentials${node.at ? ` · allowed ${relativeTime(node.at)}` : ''}`;
      item.tooltip = `You allowed MoMo ${node.production ? 'sandbox and production' : 'sandbox'} credentials to be sent to ${node.host}. Revoke it to be asked again next time.`;
      item.contextValue = 'allowedHost';
      return withId(item, node);
    }
  }
}

function subscriptionKeyItem(node: SubscriptionKeyNode): vscode.TreeItem {
  // The mask goes into the label: a narrow sidebar cuts the description first, never the label.
  const stored = node.masked !== undefined;
  const item = new vscode.TreeItem(`${keyTypeLabel(node.keyType)} key${stored ? ` ${node.masked}` : ''}`, vscode.TreeItemCollapsibleState.None);
  item.description = stored ? `saved ${relativeTime(node.savedAt)}` : 'missing from SecretStorage';
  item.iconPath = new vscode.ThemeIcon(stored ? 'key' : 'warning');
  item.tooltip = subscriptionKeyTooltip(node.environment, node.product, node.keyType);
  item.contextValue = [
    'subscriptionKey',
    stored ? 'subscriptionKey.stored' : 'subscriptionKey.missing',
    `subscriptionKey.${node.keyType}`,
    envToken(node.environment),
  ].join(' ');
  return withId(item, node);
}

function apiUserItem(node: ApiUserNode): vscode.TreeItem {
  const label = node.record.label ? `${node.record.label} (${shortApiUser(node.apiUser)})` : credentialName(node.record);
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  // A sandbox user whose provisioning stopped before its key was stored (or that may not exist).
  const pending = !node.keyUnsaved && !node.record.keyStored && node.record.origin === 'provisioned' && isSandbox(node.environment);
  const maybe = node.record.unconfirmed ? ', may not exist' : '';
  const secret = node.record.credentialKind === 'system' ? 'token' : 'key';
  // Short, so it is not cut: a stored key is the normal case, the icon says when it is not.
  // Production rows say first which platform the pair is for.
  const state = pending
    ? `pending${maybe} · Finish provisioning`
    : node.keyStored
      ? verifyText(node.record.lastVerified)
      : `${secret} missing · ${verifyText(node.record.lastVerified)}`;
  item.description = [platformLabel(node.record), state].filter(Boolean).join(' · ');
  item.iconPath = new vscode.ThemeIcon(
    !node.keyStored ? 'warning' : node.record.lastVerified && !node.record.lastVerified.ok ? 'error' : 'account',
  );
  item.tooltip = withLastVerification(apiUserTooltip({ ...node.record, keyStored: node.keyStored }), node.record.lastVerified);
  if (pending) {
    item.tooltip +=
      '\nProvisioning stopped before its API key was stored' +
      (maybe ? ', and whether MoMo created the user could not be told' : '') +
      '. Finish Provisioning creates its key; if the user was never created, it says so and removes it here.';
    item.command = { title: 'Finish Provisioning', command: 'momo.finishProvisioning', arguments: [{ environment: node.environment, product: node.product, apiUser: node.apiUser }] };
  }
  if (node.keyUnsaved) {
    item.description = 'key NOT stored · Copy it now';
    item.tooltip += '\nVS Code could not store its new API key, which MoMo cannot show again. It is held in memory until you copy it (Copy API Key) or this window closes.';
    item.command = { title: 'Copy API Key', command: 'momo.copyApiKey', arguments: [{ environment: node.environment, product: node.product, apiUser: node.apiUser }] };
  }
  const keyState = node.keyStored ? 'apiUser.keyStored' : node.keyUnsaved ? 'apiUser.keyUnsaved' : 'apiUser.keyMissing';
  const kind = node.record.credentialKind === 'system' ? ['apiUser.system'] : [];
  item.contextValue = ['apiUser', keyState, ...(pending ? ['apiUser.pending'] : []), envToken(node.environment), ...kind].join(' ');
  return withId(item, node);
}

/** When the pair was last verified and, if it failed, why (the core's sentence: never a secret). */
function withLastVerification(tooltip: string, result: VerifyResult | undefined): string {
  if (!result) {
    return `${tooltip}\nNot verified yet: use "Verify API User" to check the pair against MoMo.`;
  }
  const when = `${new Date(result.at).toLocaleString()} (${relativeTime(result.at)})`;
  return result.ok
    ? `${tooltip}\nLast verified ${when}: every check passed.`
    : `${tooltip}\nLast verification ${when} failed at ${result.message ?? 'an unknown step'}`;
}

function envToken(environment: string): string {
  return isSandbox(environment) ? 'sandbox' : 'production';
}

function withId(item: vscode.TreeItem, node: CredentialNode): vscode.TreeItem {
  item.id = nodeId(node);
  return item;
}
