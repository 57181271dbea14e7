/** MoMo: Show Log, Refresh, and the guide that explains the two kinds of credential. */
import * as vscode from 'vscode';
import { localizedFileName } from '../../core/text/localizedFile';
import type { CommandContext } from '../commandContext';

const CREDENTIAL_GUIDE = ['media', 'credentials-explained.md'];

export function showLog(ctx: CommandContext): void {
  ctx.log.show();
}

export function refresh(ctx: CommandContext): void {
  ctx.store.refresh();
}

/**
 * Opens the guide rendered, in VS Code's display language when it has a twin in that language
 * (media/credentials-explained.nls.fr.md); falls back to the plain file if the Markdown preview
 * is unavailable.
 */
export async function openCredentialGuide(ctx: CommandContext): Promise<void> {
  const [folder, english] = CREDENTIAL_GUIDE;
  const exists = (name: string): Promise<boolean> =>
    Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(ctx.extensionUri, folder, name))).then(
      () => true,
      () => false,
    );
  const uri = vscode.Uri.joinPath(ctx.extensionUri, folder, await localizedFileName(english, vscode.env.language, exists));
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.window.showTextDocument(uri, { preview: true });
  }
}
