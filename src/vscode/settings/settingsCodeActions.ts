/**
 * Quick fixes for the MoMo diagnostics. Each one runs `momo.applySettingsFix`, which plans the
 * fix again on the file as it is at that moment, so a fix never lands on stale offsets and no
 * secret travels inside a code action. Fixes that need credentials (a placeholder, a key with
 * no API user) are offered per stored environment ("Fill with stored sandbox credentials")
 * plus "Provision a sandbox user and fill"; the best one is marked preferred.
 *
 * This is the quick-fix chunk (dist/quickfixes.js, with the planners), loaded the first time the
 * list is asked for at a MoMo diagnostic. The diagnostics detect without planning the move to
 * .env; the list plans every fix on the text and options those diagnostics were checked with.
 */
import * as vscode from 'vscode';
import { findEnvironment, isSandbox } from '../../core/momo/environments';
import type { Product } from '../../core/momo/products';
import { detectFindings, fixAllTitle, movingFix, planCredentialInsert, type Finding, type QuickFix } from '../../core/settings';
import type { CredentialStore } from '../credentialStore';
import { settingsVariableNames } from '../config';
import { usableUsers } from './credentialChoice';
import { APPLY_FIX_COMMAND } from './applySettingsFix';
import type { QuickFixCommandArgs } from '../momoCommands';
import { shownFindings, type CheckedDocument } from './settingsCheck';
import { DIAGNOSTIC_SOURCE } from './settingsDiagnostics';

/** The diagnostics, as far as the list needs them. */
export interface CheckedDocuments {
  checkedFor(uri: vscode.Uri): CheckedDocument | undefined;
}

/** A well-formed id, only for naming the variables a plan would write (never written). */
const NAMING_USER = '00000000-0000-4000-8000-000000000000';

export class SettingsCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  /** The last check's findings with every fix planned, per check (the list is asked for again at each cursor move). */
  private readonly planned = new WeakMap<CheckedDocument, readonly Finding[]>();

  constructor(
    private readonly diagnostics: CheckedDocuments,
    private readonly store: CredentialStore,
  ) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !context.only.intersects(vscode.CodeActionKind.QuickFix)) {
      return [];
    }
    const findings = this.plannedFindings(document.uri);
    const actions: vscode.CodeAction[] = [];
    const titles = new Set<string>();
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) {
        continue;
      }
      const finding = findings.find((f) => f.code === diagnostic.code && sameRange(f, diagnostic.range));
      for (const action of finding ? this.actionsFor(document, finding, diagnostic) : []) {
        // Two placeholders (API user, API key) offer the same fill: show it once.
        if (!titles.has(action.title)) {
          titles.add(action.title);
          actions.push(action);
        }
      }
    }
    const fixAll = fixAllAction(document, findings, context.diagnostics);
    return fixAll ? [...actions, fixAll] : actions;
  }

  private plannedFindings(uri: vscode.Uri): readonly Finding[] {
    const checked = this.diagnostics.checkedFor(uri);
    if (!checked) return [];
    let findings = this.planned.get(checked);
    if (!findings) {
      findings = shownFindings(checked.doc.fileName, detectFindings(checked.doc, checked.options));
      this.planned.set(checked, findings);
    }
    return findings;
  }

  private actionsFor(document: vscode.TextDocument, finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
    return finding.fixes.flatMap((fix) =>
      fix.kind === 'edit' ? [editAction(document, finding, fix, diagnostic)] : this.credentialActions(document, finding, fix, diagnostic),
    );
  }

  private credentialActions(document: vscode.TextDocument, finding: Finding, fix: QuickFix, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
    const product = fix.product ?? finding.product;
    const environments = [...new Set(usableUsers(this.store.index(), { product }).map((u) => u.environment))];
    const names = finding.code === 'momo.missingApiUser' ? insertNames(document, product) : undefined;
    const actions = environments.map((environment, i) =>
      action(fillTitle(names, environmentName(environment)), diagnostic, i === 0, {
        uri: document.uri.toString(),
        action: 'fill',
        environment,
        ...(product ? { product } : {}),
        ...(finding.role ? { role: finding.role } : {}),
      }),
    );
    const provisionTitle = names
      ? vscode.l10n.t('Provision a sandbox user and insert {0} and {1}', names.apiUser, names.apiKey)
      : vscode.l10n.t('Provision a sandbox user and fill');
    actions.push(
      action(provisionTitle, diagnostic, environments.length === 0, {
        uri: document.uri.toString(),
        action: 'provision',
        ...(product ? { product } : {}),
        ...(finding.role ? { role: finding.role } : {}),
      }),
    );
    return actions;
  }
}

function editAction(document: vscode.TextDocument, finding: Finding, fix: QuickFix, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  return action(fix.title, diagnostic, fix.isPreferred === true, {
    uri: document.uri.toString(),
    action: 'edit',
    code: finding.code,
    ...(finding.name ? { name: finding.name } : {}),
    startOffset: finding.startOffset,
    title: fix.title,
  });
}

/** "Fix all in file" beside a committed secret's own fix, when the file has two or more that can move to .env. */
function fixAllAction(document: vscode.TextDocument, findings: readonly Finding[], diagnostics: readonly vscode.Diagnostic[]): vscode.CodeAction | undefined {
  const movable = findings.filter((f) => movingFix(f));
  const here = diagnostics.find((d) => d.source === DIAGNOSTIC_SOURCE && movable.some((f) => f.code === d.code && sameRange(f, d.range)));
  if (!here || movable.length < 2) return undefined;
  return action(fixAllTitle(movable.length), here, false, { uri: document.uri.toString(), action: 'edit', code: 'momo.hardcodedSecret', all: true, title: fixAllTitle(movable.length) });
}

function action(title: string, diagnostic: vscode.Diagnostic, isPreferred: boolean, args: QuickFixCommandArgs): vscode.CodeAction {
  const codeAction = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  codeAction.diagnostics = [diagnostic];
  codeAction.isPreferred = isPreferred;
  codeAction.command = { command: APPLY_FIX_COMMAND, title, arguments: [args] };
  return codeAction;
}

/** The names this file would get for the pair (its own, when it has some), as in "Insert MOMO_API_USER and MOMO_API_KEY". */
function insertNames(document: vscode.TextDocument, product: Product | undefined): { apiUser: string; apiKey: string } {
  const plan = planCredentialInsert(
    { text: document.getText(), fileName: document.fileName, languageId: document.languageId },
    { apiUser: NAMING_USER, apiKey: 'x', ...(product ? { product } : {}) },
    { mode: 'value', names: settingsVariableNames(document.uri) },
  );
  return plan.names;
}

/** "Fill with stored sandbox credentials", or "Insert … and … with stored … credentials" when the names are missing. */
function fillTitle(names: { apiUser: string; apiKey: string } | undefined, environment: string): string {
  return names
    ? vscode.l10n.t('Insert {0} and {1} with stored {2} credentials', names.apiUser, names.apiKey, environment)
    : vscode.l10n.t('Fill with stored {0} credentials', environment);
}

function environmentName(environment: string): string {
  return isSandbox(environment) ? 'sandbox' : (findEnvironment(environment)?.label ?? environment);
}

function sameRange(finding: Finding, range: vscode.Range): boolean {
  const { start, end } = finding.range;
  return range.start.line === start.line && range.start.character === start.character && range.end.line === end.line && range.end.character === end.character;
}
