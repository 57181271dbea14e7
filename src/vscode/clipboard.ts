/**
 * Clipboard writes go through here so tests can check what was copied: in code-server the
 * clipboard belongs to the browser, and a headless browser may refuse to read it back.
 */
import * as vscode from 'vscode';

export class Clipboard {
  private last: string | undefined;

  async copy(text: string): Promise<void> {
    this.last = text;
    await vscode.env.clipboard.writeText(text);
  }

  /** For tests only: the text of the last copy made by this extension in this window. */
  lastCopied(): string | undefined {
    return this.last;
  }
}
