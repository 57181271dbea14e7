import * as vscode from 'vscode';

// Placeholder activation; the extension issue replaces this with the real wiring.
export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('MoMo', { log: true });
  context.subscriptions.push(log, vscode.commands.registerCommand('momo.showLog', () => log.show()));
}

export function deactivate(): void {}
