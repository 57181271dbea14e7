/**
 * momo.applySettingsFix (the quick fixes' command; hidden from the palette), with
 * QuickFixCommandArgs: 'edit' plans the core fix with that title again on the current text (the
 * finding is found by code and name, nearest offset); 'fill' writes a stored API user and key;
 * 'provision' provisions a sandbox user, then writes it.
 * Edits go through the settings writer: one WorkspaceEdit, .env created in it when needed.
 */
import * as vscode from 'vscode';
import { DEVELOPER_PORTAL_URL } from '../../core/momo/errors';
import { isProduct } from '../../core/momo/products';
import type { ApiUserRef } from '../../core/store/credentialIndex';
import { planMoveAllSecrets, type Finding, type MoveAllPlan, type QuickFix } from '../../core/settings';
import { failed, type CommandContext, type CommandResult } from '../commandContext';
import { APPLY_FIX_COMMAND } from '../commandIds';
import type { Actions } from '../notifier';
import { pickApiUser } from '../ui/pickers';
import { provisionOnTheSpot, usableUsers, withApiKey } from './credentialChoice';
import { insertCredentialsIntoFile } from './insertCredentials';
import { leakedApiUser } from './leakedApiUser';
import type { ProductionSecrets } from './productionSecrets';
import { requirePythonPackage } from './pythonDependency';
import { FULL_SCAN } from './fullScan';
import { locateInProject } from './projectContext';
import { checkSettingsDocument } from './settingsCheck';
import { relativeName } from '../settingsSelector';
import { applyPlannedChanges, fileChangesToApply } from '../settingsWriter';
import { runMomoCommand, type QuickFixCommandArgs } from '../momoCommands';

// The id lives with the other command ids: the activation bundle registers it without loading this file.
export { APPLY_FIX_COMMAND };
const ATTEMPTS = 2;

export async function applySettingsFix(ctx: CommandContext, secrets: ProductionSecrets, arg: unknown): Promise<CommandResult> {
  const args = parseArgs(arg);
  if (!args) {
    return failed('applySettingsFix needs { uri, action }.');
  }
  const uri = vscode.Uri.parse(args.uri);
  switch (args.action) {
    case 'fill':
      return fill(ctx, uri, args);
    case 'provision': {
      const user = await provisionOnTheSpot(ctx, args.product);
      const chosen = user && (await withApiKey(ctx, user));
      return chosen ? insertCredentialsIntoFile(ctx, uri, chosen, { withSubscriptionKey: args.role === 'subscriptionKey' }) : failed('no API user was provisioned');
    }
    case 'edit':
      return applyEditFix(ctx, secrets, uri, args);
  }
}

async function fill(ctx: CommandContext, uri: vscode.Uri, args: QuickFixCommandArgs): Promise<CommandResult> {
  const users = usableUsers(ctx.store.index(), { product: args.product, environment: args.environment });
  if (users.length === 0) {
    ctx.notifier.tell('info', vscode.l10n.t('No stored API user with a key fits here any more: provision a sandbox user and fill the file with it.'), {
      [vscode.l10n.t('Provision and Fill')]: () => runMomoCommand(APPLY_FIX_COMMAND, { uri: args.uri, action: 'provision', product: args.product }),
    });
    return failed('no stored API user');
  }
  const user = users.length === 1 ? users[0] : await pickApiUser(vscode.l10n.t('MoMo: Fill Settings'), users);
  const chosen = user && (await withApiKey(ctx, user));
  return chosen ? insertCredentialsIntoFile(ctx, uri, chosen, { withSubscriptionKey: args.role === 'subscriptionKey' }) : failed('no credentials');
}

async function applyEditFix(ctx: CommandContext, secrets: ProductionSecrets, uri: vscode.Uri, args: QuickFixCommandArgs): Promise<CommandResult<{ moved?: number; left?: number }>> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const document = await vscode.workspace.openTextDocument(uri);
    const checked = await checkSettingsDocument(document, 'open', secrets, FULL_SCAN);
    const all = args.all && checked ? planMoveAllSecrets(checked.doc, checked.options) : undefined;
    const finding = checked && matchingFinding(checked.findings, args);
    const fix = args.all ? all?.fix : finding?.fixes.find((f) => f.kind === 'edit' && f.title === args.title);
    if (!checked || !fix) {
      ctx.notifier.tell(
        'info',
        args.title
          ? vscode.l10n.t('"{0}" no longer applies to {1}: the file changed or the problem is already fixed.', args.title, relativeName(uri))
          : vscode.l10n.t('The fix no longer applies to {0}: the file changed or the problem is already fixed.', relativeName(uri)),
      );
      return failed('nothing to fix');
    }
    const context = checked.context;
    const changes = fileChangesToApply({ uri, expected: checked.doc.text, edits: fix.edits }, fix, locateInProject(context));
    if ((fix.dotenv || fix.gitignore) && !context) {
      const why = vscode.l10n.t('"{0}" changes .env or .gitignore beside the file; save {1} in your project first.', fix.title, relativeName(uri));
      ctx.notifier.tell('warning', why);
      return failed(why);
    }
    const outcome = await applyPlannedChanges(changes);
    if (outcome.applied && all) {
      await tellMovedAll(ctx, all, uri, context?.git.tracked === true, checked.doc.text);
      return { ok: true, moved: all.moved.length, left: all.left.length };
    }
    if (outcome.applied) {
      await tellApplied(ctx, fix, outcome.files, uri);
      if (finding?.code === 'momo.hardcodedSecret' && context?.git.tracked === true) {
        const leaked = finding.role === 'subscriptionKey' ? undefined : await leakedApiUser(ctx.store, linesOf(checked.doc.text, finding));
        const history = historyAdvice([finding.role], relativeName(uri), leaked);
        ctx.notifier.tell('warning', history.text, history.actions);
      }
      return { ok: true };
    }
    if (!outcome.stale || attempt === ATTEMPTS) {
      ctx.notifier.tell('error', vscode.l10n.t('"{0}" was not applied: {1} Try the quick fix again.', fix.title, outcome.reason));
      return failed(outcome.reason);
    }
  }
  return failed('the file kept changing');
}

async function tellApplied(ctx: CommandContext, fix: QuickFix, files: vscode.Uri[], uri: vscode.Uri): Promise<void> {
  const where = files.map(relativeName).join(', ');
  const install = fix.packageName ? ` ${await requirePythonPackage(uri, fix.packageName)}` : '';
  ctx.log.info(`Applied the MoMo quick fix "${fix.title}" to ${where}.`);
  if (install || files.length > 1) {
    ctx.notifier.tell('info', `${vscode.l10n.t('Applied "{0}" ({1}).', fix.title, where)}${install}`);
  }
}

/** "Fix all in file" says in one message what moved, what stayed and why, and (in git) what history still holds. */
async function tellMovedAll(ctx: CommandContext, plan: MoveAllPlan, uri: vscode.Uri, tracked: boolean, before: string): Promise<void> {
  const file = relativeName(uri);
  const names = plan.moved.map((m) => m.name).join(', ');
  const left = plan.left.length
    ? ' ' + vscode.l10n.t('{0} stayed in {1}: .env already sets that name, so its own quick fix asks what to keep.', plan.left.join(', '), file)
    : '';
  const install = plan.fix.packageName ? ` ${await requirePythonPackage(uri, plan.fix.packageName)}` : '';
  const moved = vscode.l10n.t('Moved {0} secrets ({1}) from {2} to .env; {2} reads them from the environment.', plan.moved.length, names, file);
  const text = `${moved}${left}${install}`;
  ctx.log.info(`Applied the MoMo quick fix "${plan.fix.title}" to ${file}.`);
  if (!tracked) {
    ctx.notifier.tell('info', text);
    return;
  }
  const roles = plan.moved.map((m) => m.role);
  const leaked = roles.some((r) => r !== 'subscriptionKey') ? await leakedApiUser(ctx.store, before) : undefined;
  const history = historyAdvice(roles, file, leaked);
  ctx.notifier.tell('warning', `${text} ${history.text}`, history.actions);
}

/**
 * Moving a committed secret out of the file does not take it out of git history: whoever has
 * the repository still has the key. The way out is a new key, offered as the button that makes one.
 */
function historyAdvice(roles: ReadonlyArray<string | undefined>, file: string, leaked?: ApiUserRef): { text: string; actions: Actions } {
  const subscriptionKey = roles.includes('subscriptionKey');
  const apiPair = roles.some((r) => r !== 'subscriptionKey');
  const many = roles.length > 1;
  const steps = [
    ...(subscriptionKey
      ? [
          many
            ? vscode.l10n.t('Regenerate the subscription key on the developer portal (Profile → Subscriptions), then set the new one.')
            : vscode.l10n.t('Regenerate it on the developer portal (Profile → Subscriptions), then set the new one.'),
        ]
      : []),
    ...(apiPair ? [vscode.l10n.t('Create a new API key so the committed one stops working.')] : []),
  ];
  const actions: Actions = {
    ...(apiPair ? { [vscode.l10n.t('New API Key')]: () => runMomoCommand('momo.generateApiKey', leaked) } : {}),
    ...(subscriptionKey ? { [vscode.l10n.t('Open Portal')]: () => vscode.env.openExternal(vscode.Uri.parse(DEVELOPER_PORTAL_URL)) } : {}),
  };
  return { text: `${stillInHistory(many ? 'several' : roles[0], file)} ${steps.join(' ')}`, actions };
}

/** What a commit keeps: said of the one value moved (by its role), or of several. */
function stillInHistory(role: string | undefined, file: string): string {
  switch (role) {
    case 'several':
      return vscode.l10n.t('These values are out of {0} now, but they stay in git history: anyone with the repository can still read them.', file);
    case 'apiKey':
      return vscode.l10n.t('The API key is out of {0} now, but it stays in git history: anyone with the repository can still read it.', file);
    case 'apiUser':
      return vscode.l10n.t('The API user is out of {0} now, but it stays in git history: anyone with the repository can still read it.', file);
    default:
      return vscode.l10n.t('The subscription key is out of {0} now, but it stays in git history: anyone with the repository can still read it.', file);
  }
}

/** The whole lines a finding covers: where its value is written. */
function linesOf(text: string, finding: Finding): string {
  const start = text.lastIndexOf('\n', finding.startOffset - 1) + 1;
  const end = text.indexOf('\n', finding.endOffset);
  return text.slice(start, end < 0 ? text.length : end);
}

/** The same problem in the current text: same code and variable, the nearest to where it was. */
function matchingFinding(findings: Finding[], args: QuickFixCommandArgs): Finding | undefined {
  const candidates = findings.filter((f) => f.code === args.code && (args.name === undefined || f.name === args.name));
  const offset = args.startOffset ?? 0;
  return candidates.sort((a, b) => Math.abs(a.startOffset - offset) - Math.abs(b.startOffset - offset))[0];
}

function parseArgs(arg: unknown): QuickFixCommandArgs | undefined {
  if (typeof arg !== 'object' || arg === null) {
    return undefined;
  }
  const raw = arg as Record<string, unknown>;
  if (typeof raw.uri !== 'string' || (raw.action !== 'edit' && raw.action !== 'fill' && raw.action !== 'provision')) {
    return undefined;
  }
  const text = (name: string): string | undefined => (typeof raw[name] === 'string' ? (raw[name] as string) : undefined);
  const product = text('product');
  return {
    ...(raw.all === true ? { all: true } : {}),
    uri: raw.uri,
    action: raw.action,
    code: text('code'),
    name: text('name'),
    title: text('title'),
    environment: text('environment'),
    role: text('role'),
    ...(typeof raw.startOffset === 'number' ? { startOffset: raw.startOffset } : {}),
    ...(product && isProduct(product) ? { product } : {}),
  };
}
