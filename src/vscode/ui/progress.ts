/**
 * Long MoMo calls run in a cancellable notification. Cancelling aborts the HTTP request through
 * an AbortController, which the core turns into a MomoError of kind 'cancelled'.
 */
import * as vscode from 'vscode';

export type ReportStep = (message: string) => void;

export function withCancellableProgress<T>(title: string, task: (signal: AbortSignal, report: ReportStep) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
    const controller = new AbortController();
    const subscription = token.onCancellationRequested(() => controller.abort());
    return task(controller.signal, (message) => progress.report({ message })).finally(() => subscription.dispose());
  });
}
