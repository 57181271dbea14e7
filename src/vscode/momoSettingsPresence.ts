/**
 * Whether an MTN MoMo settings file is open. The status-bar item shows itself when something is
 * stored or when this is true, and stays out of every other Django, Laravel or .NET project.
 * Checked when a document opens, closes or is saved: never per keystroke.
 */
import * as vscode from 'vscode';
import { isMtnMomoDocument } from '../core/settings/mtnDetection';
import { isSettingsCandidate } from './settingsSelector';

export class MomoSettingsPresence implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly open = new Set<string>();
  private readonly listeners: vscode.Disposable;

  constructor() {
    for (const document of vscode.workspace.textDocuments) this.consider(document, false);
    this.listeners = vscode.Disposable.from(
      vscode.workspace.onDidOpenTextDocument((d) => this.consider(d, true)),
      vscode.workspace.onDidSaveTextDocument((d) => this.consider(d, true)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d)),
    );
  }

  /** An MTN MoMo settings file is open in this window. */
  get present(): boolean {
    return this.open.size > 0;
  }

  private consider(document: vscode.TextDocument, notify: boolean): void {
    const key = document.uri.toString();
    const before = this.present;
    if (isSettingsCandidate(document) && isMtnMomoDocument(document.getText())) this.open.add(key);
    else this.open.delete(key);
    if (notify && before !== this.present) this.emitter.fire();
  }

  private forget(document: vscode.TextDocument): void {
    if (this.open.delete(document.uri.toString()) && !this.present) this.emitter.fire();
  }

  dispose(): void {
    this.listeners.dispose();
    this.emitter.dispose();
  }
}
