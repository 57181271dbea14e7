/** MoMo: Show Log, Refresh, and the guide that explains the two kinds of credential. */
import * as vscode from 'vscode';
import type { CommandContext } from '../commandContext';

export const CREDENTIAL_GUIDE = ['media', 'credentials-explained.md'];

export function showLog(ctx: CommandContext): void {
  ctx.log.show();
}

export function refresh(ctx: CommandContext): void {
  ctx.store.refresh();
}

/** Opens the guide rendered; falls back to the plain file if the Markdown preview is unavailable. */
export async function openCredentialGuide(ctx: CommandContext): Promise<void> {
  const uri = vscode.Uri.joinPath(ctx.extensionUri, ...CREDENTIAL_GUIDE);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.window.showTextDocument(uri, { preview: true });
  }
}
