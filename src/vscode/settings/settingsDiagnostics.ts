/**
 * MoMo diagnostics (source 'MoMo', code = the core finding's code) for open settings files:
 * checked when a document opens and, debounced, when it changes; cleared when it closes or
 * its tab goes away. Cheap by construction: only documents the selector matches, only those
 * the core recognises as MTN MoMo's get git calls, and secrets are read (once, cached) only
 * for those. The findings behind each diagnostic are kept for the quick-fix provider. After a
 * keystroke only the statements it touched are scanned again (FindingsTracker).
 */
import * as vscode from 'vscode';
import { diagnosticsEnabled } from '../config';
import type { Finding, FindingCode, FindingSeverity } from '../../core/settings';
import type { MomoLog } from '../log';
import { FindingsTracker } from './findingsTracker';
import type { ProductionSecrets } from './productionSecrets';
import { forgetGitAnswers } from './projectContext';
import { checkSettingsDocument, type CheckedDocument } from './settingsCheck';
import { isSettingsCandidate } from '../settingsSelector';

export const DIAGNOSTIC_SOURCE = 'MoMo';
const CHANGE_DELAY_MS = 300;
const OPEN_DELAY_MS = 50;

const SEVERITY: Record<FindingSeverity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/**
 * How loud each problem is in the editor, where it is underlined while people type: a value
 * that may be overridden by the environment at run time (currency, target environment) is
 * information with its fix; a browser-exposed name is a warning. Leaks keep the core's
 * severity (an error for a stored production secret).
 */
const EDITOR_SEVERITY: Partial<Record<FindingCode, FindingSeverity>> = {
  'momo.browserExposed': 'warning',
  'momo.sandboxCurrency': 'information',
  'momo.invalidTargetEnvironment': 'information',
};

export class SettingsDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('momo');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly runs = new Map<string, number>();
  private readonly results = new Map<string, CheckedDocument>();
  private readonly tracker = new FindingsTracker();
  private readonly subscriptions: vscode.Disposable[];
  private runCounter = 0;

  constructor(
    private readonly secrets: ProductionSecrets,
    private readonly log: MomoLog,
  ) {
    const refreshAfterFileChange = (): void => {
      forgetGitAnswers();
      this.refreshChecked();
    };
    this.subscriptions = [
      this.collection,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, OPEN_DELAY_MS)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        this.tracker.recordChanges(e);
        if (e.contentChanges.length > 0) this.schedule(e.document, CHANGE_DELAY_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.clear(d.uri);
        this.tracker.forget(d.uri);
      }),
      vscode.window.tabGroups.onDidChangeTabs((e) => {
        e.closed.forEach((tab) => this.clearIfNotShown(tab));
        e.opened.forEach((tab) => this.scheduleTab(tab));
      }),
      // .gitignore and .env decide what counts as committed, and what the fixes change.
      vscode.workspace.onDidSaveTextDocument((d) => /(^|\/)(\.gitignore|\.env[^/]*)$/.test(d.uri.path) && refreshAfterFileChange()),
      vscode.workspace.onDidCreateFiles(refreshAfterFileChange),
      vscode.workspace.onDidDeleteFiles(refreshAfterFileChange),
      vscode.workspace.onDidRenameFiles(refreshAfterFileChange),
      secrets.onDidChange(() => this.refreshChecked()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('momo.diagnostics.enabled') && this.refreshAll()),
    ];
    this.refreshAll();
  }

  /**
   * The check behind the diagnostics last shown for `uri` (it may be a few keystrokes old): the
   * text and options its findings were detected with, for the quick-fix list to plan the fixes.
   */
  checkedFor(uri: vscode.Uri): CheckedDocument | undefined {
    return this.results.get(uri.toString());
  }

  dispose(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
    vscode.Disposable.from(...this.subscriptions).dispose();
  }

  private refreshAll(): void {
    vscode.workspace.textDocuments.forEach((d) => this.schedule(d, OPEN_DELAY_MS));
  }

  /** Only documents that had MoMo findings (or were MoMo files) can change their answer. */
  private refreshChecked(): void {
    vscode.workspace.textDocuments.filter((d) => this.results.has(d.uri.toString())).forEach((d) => this.schedule(d, OPEN_DELAY_MS));
  }

  private schedule(document: vscode.TextDocument, delayMs: number): void {
    if (!diagnosticsEnabled(document.uri)) {
      this.clear(document.uri);
      return;
    }
    if (!isSettingsCandidate(document)) {
      return;
    }
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.check(document);
      }, delayMs),
    );
  }

  private async check(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const run = ++this.runCounter;
    this.runs.set(key, run);
    let checked;
    try {
      checked = await checkSettingsDocument(document, 'peek', this.secrets, this.tracker);
    } catch (err) {
      this.log.error(`Checking ${document.uri.path.split('/').pop()} for MoMo problems failed`, err);
      return;
    }
    // A newer check (or a close) overtook this one: its answer wins.
    if (this.runs.get(key) !== run || document.isClosed) {
      return;
    }
    if (!checked) {
      this.clear(document.uri);
      return;
    }
    this.results.set(key, checked);
    this.collection.set(document.uri, checked.findings.map(toDiagnostic));
  }

  private clear(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.runs.delete(key);
    this.results.delete(key);
    this.collection.delete(uri);
  }

  /** A tab showing a document that stayed open after its last tab closed: no open event comes, so check it here. */
  private scheduleTab(tab: vscode.Tab): void {
    const input = tab.input;
    const document = input instanceof vscode.TabInputText ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === input.uri.toString()) : undefined;
    if (document && !this.results.has(document.uri.toString())) {
      this.schedule(document, OPEN_DELAY_MS);
    }
  }

  private clearIfNotShown(tab: vscode.Tab): void {
    const input = tab.input;
    if (!(input instanceof vscode.TabInputText)) {
      return;
    }
    const key = input.uri.toString();
    const stillShown = vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === key));
    if (!stillShown) {
      this.clear(input.uri);
    }
  }
}

function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const range = new vscode.Range(finding.range.start.line, finding.range.start.character, finding.range.end.line, finding.range.end.character);
  const diagnostic = new vscode.Diagnostic(range, finding.message, SEVERITY[EDITOR_SEVERITY[finding.code] ?? finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = finding.code;
  return diagnostic;
}


