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
        ? vscode.l10n.t('The MoMo sandbox: test credentials made with the Provisioning API, currency EUR only.')
        : vscode.l10n.t('The production target environment {0}: credentials come from the MTN Partner Portal.', node.environment);
      return withId(item, node);
    }
    case 'product': {
      const item = new vscode.TreeItem(productLabel(node.product), vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = new vscode.ThemeIcon('package');
      item.contextValue = `product ${envToken(node.environment)}`;
      item.tooltip = vscode.l10n.t('Credentials for the {0} API in {1}: its subscription keys and API users.', productLabel(node.product), environmentLabel(node.environment));
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
      const item = new vscode.TreeItem(vscode.l10n.t('Credential record'), vscode.TreeItemCollapsibleState.None);
      item.description = vscode.l10n.t('unreadable');
      item.iconPath = new vscode.ThemeIcon('warning');
      item.contextValue = 'unreadable';
      item.tooltip = vscode.l10n.t(
        'VS Code holds a credential record this version cannot read (changed by hand or by another version). It is kept as it is; Remove deletes it and any API key it may own.',
      );
      return withId(item, node);
    }
    case 'allowedHosts': {
      const item = new vscode.TreeItem(vscode.l10n.t('Allowed hosts'), vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = new vscode.ThemeIcon('shield');
      item.contextValue = 'allowedHosts';
      item.tooltip = vscode.l10n.t('Hosts other than MTN MoMo API hosts and this machine that you allowed MoMo credentials to go to. Revoke one to be asked again.');
      return withId(item, node);
    }
    case 'allowedHost': {
      const item = new vscode.TreeItem(node.host, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('globe');
      const which = node.production ? vscode.l10n.t('sandbox and production credentials') : vscode.l10n.t('sandbox credentials');
      item.description = node.at ? `${which} · ${vscode.l10n.t('allowed {0}', relativeTime(node.at))}` : which;
      item.tooltip = node.production
        ? vscode.l10n.t('You allowed MoMo sandbox and production credentials to be sent to {0}. Revoke it to be asked again next time.', node.host)
        : vscode.l10n.t('You allowed MoMo sandbox credentials to be sent to {0}. Revoke it to be asked again next time.', node.host);
      item.contextValue = 'allowedHost';
      return withId(item, node);
    }
  }
}

function subscriptionKeyItem(node: SubscriptionKeyNode): vscode.TreeItem {
  // The mask goes into the label: a narrow sidebar cuts the description first, never the label.
  const stored = node.masked !== undefined;
  const name = node.keyType === 'primary' ? vscode.l10n.t('Primary key') : vscode.l10n.t('Secondary key');
  const item = new vscode.TreeItem(stored ? `${name} ${node.masked}` : name, vscode.TreeItemCollapsibleState.None);
  item.description = stored ? vscode.l10n.t('saved {0}', relativeTime(node.savedAt)) : vscode.l10n.t('missing from SecretStorage');
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
  const maybe = node.record.unconfirmed === true;
  const missing = node.record.credentialKind === 'system' ? vscode.l10n.t('token missing') : vscode.l10n.t('key missing');
  // Short, so it is not cut: a stored key is the normal case, the icon says when it is not.
  // Production rows say first which platform the pair is for.
  const state = pending
    ? `${maybe ? vscode.l10n.t('pending, may not exist') : vscode.l10n.t('pending')} · ${vscode.l10n.t('Finish provisioning')}`
    : node.keyStored
      ? verifyText(node.record.lastVerified)
      : `${missing} · ${verifyText(node.record.lastVerified)}`;
  item.description = [platformLabel(node.record), state].filter(Boolean).join(' · ');
  item.iconPath = new vscode.ThemeIcon(
    !node.keyStored ? 'warning' : node.record.lastVerified && !node.record.lastVerified.ok ? 'error' : 'account',
  );
  item.tooltip = withLastVerification(apiUserTooltip({ ...node.record, keyStored: node.keyStored }), node.record.lastVerified);
  if (pending) {
    item.tooltip +=
      '\n' +
      (maybe
        ? vscode.l10n.t(
            'Provisioning stopped before its API key was stored, and whether MoMo created the user could not be told. Finish Provisioning creates its key; if the user was never created, it says so and removes it here.',
          )
        : vscode.l10n.t('Provisioning stopped before its API key was stored. Finish Provisioning creates its key; if the user was never created, it says so and removes it here.'));
    item.command = { title: vscode.l10n.t('Finish Provisioning'), command: 'momo.finishProvisioning', arguments: [{ environment: node.environment, product: node.product, apiUser: node.apiUser }] };
  }
  if (node.keyUnsaved) {
    item.description = vscode.l10n.t('key NOT stored · Copy it now');
    item.tooltip +=
      '\n' + vscode.l10n.t('VS Code could not store its new API key, which MoMo cannot show again. It is held in memory until you copy it (Copy API Key) or this window closes.');
    item.command = { title: vscode.l10n.t('Copy API Key'), command: 'momo.copyApiKey', arguments: [{ environment: node.environment, product: node.product, apiUser: node.apiUser }] };
  }
  const keyState = node.keyStored ? 'apiUser.keyStored' : node.keyUnsaved ? 'apiUser.keyUnsaved' : 'apiUser.keyMissing';
  const kind = node.record.credentialKind === 'system' ? ['apiUser.system'] : [];
  item.contextValue = ['apiUser', keyState, ...(pending ? ['apiUser.pending'] : []), envToken(node.environment), ...kind].join(' ');
  return withId(item, node);
}

/** When the pair was last verified and, if it failed, why (the core's sentence: never a secret). */
function withLastVerification(tooltip: string, result: VerifyResult | undefined): string {
  if (!result) {
    return `${tooltip}\n${vscode.l10n.t('Not verified yet: use "Verify API User" to check the pair against MoMo.')}`;
  }
  const when = `${new Date(result.at).toLocaleString()} (${relativeTime(result.at)})`;
  return result.ok
    ? `${tooltip}\n${vscode.l10n.t('Last verified {0}: every check passed.', when)}`
    : `${tooltip}\n${vscode.l10n.t('Last verification {0} failed at {1}', when, result.message ?? vscode.l10n.t('an unknown step'))}`;
}

function envToken(environment: string): string {
  return isSandbox(environment) ? 'sandbox' : 'production';
}

function withId(item: vscode.TreeItem, node: CredentialNode): vscode.TreeItem {
  item.id = nodeId(node);
  return item;
}
