/**
 * "Nothing loads .env": a Python settings file that reads MoMo values from the environment
 * sees nothing written to .env unless something calls load_dotenv() / read_env(). The offer
 * is a button; the edit is the core's own fix for the momo.dotenvNotLoaded finding, planned
 * again on the file as it is when the button is clicked.
 */
import * as vscode from 'vscode';
import { detectFindings } from '../../core/settings';
import type { CommandContext } from '../commandContext';
import { findingOptions, projectContextFor } from './projectContext';
import { relativeName } from '../settingsSelector';
import { requirePythonPackage } from './pythonDependency';
import { applyPlannedChanges } from '../settingsWriter';

export type LoaderResult = { ok: true; packageName?: string } | { ok: false; reason: string };

function loaderButton(packageName: string | undefined): string {
  return vscode.l10n.t('Add {0}', packageName ? 'load_dotenv()' : 'read_env()');
}

export function offerDotenvLoader(ctx: CommandContext, uri: vscode.Uri, message: string, packageName: string | undefined): void {
  ctx.notifier.tell('warning', message, { [loaderButton(packageName)]: () => addDotenvLoader(ctx, uri) });
}

export async function addDotenvLoader(ctx: CommandContext, uri: vscode.Uri): Promise<LoaderResult> {
  const document = await vscode.workspace.openTextDocument(uri);
  const doc = { text: document.getText(), fileName: document.fileName, languageId: document.languageId };
  const context = await projectContextFor(document, 'open');
  const finding = detectFindings(doc, findingOptions(doc, context)).find((f) => f.code === 'momo.dotenvNotLoaded');
  const fix = finding?.fixes[0];
  if (!fix) {
    ctx.notifier.tell('info', vscode.l10n.t('{0} already loads .env (or no longer reads MoMo values from the environment); nothing to add.', relativeName(uri)));
    return { ok: false, reason: 'nothing to add' };
  }
  const outcome = await applyPlannedChanges([{ uri, expected: doc.text, edits: fix.edits }]);
  if (!outcome.applied) {
    ctx.notifier.tell('error', vscode.l10n.t('The .env loader was not added: {0} Try again.', outcome.reason));
    return { ok: false, reason: outcome.reason };
  }
  const install = fix.packageName ? ` ${await requirePythonPackage(uri, fix.packageName)}` : '';
  ctx.notifier.tell('info', vscode.l10n.t('{0} now loads .env before it reads the MoMo values.', relativeName(uri)) + install);
  return { ok: true, ...(fix.packageName ? { packageName: fix.packageName } : {}) };
}
