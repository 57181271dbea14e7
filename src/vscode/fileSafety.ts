/**
 * The editor's side of "refuse what cannot be written safely" (the CLI's is src/cli/settingsTransaction.ts;
 * both use src/core/files): only regular files (a symbolic link to one is fine) are opened or
 * edited, never a pipe, device or folder; a file whose permission bits forbid writing is left
 * alone, root or not; and a file VS Code decoded as UTF-8 although it is not is refused,
 * because saving it would replace those bytes with U+FFFD.
 */
import * as vscode from 'vscode';
import { checkPath, writeRefusal } from '../core/files/fileKind';
import { readRegularBytes } from '../core/files/safeFile';
import { firstNonUtf8Line } from '../core/files/settingsBytes';

/** A sentence when the file at `uri` may not be opened or written, else undefined (a missing file is fine). */
export async function fileRefusal(uri: vscode.Uri, forWriting: boolean): Promise<string | undefined> {
  if (uri.scheme !== 'file') {
    return undefined;
  }
  const where = await checkPath(uri.fsPath).catch(() => undefined);
  if (!where || where.kind === 'missing') {
    return undefined;
  }
  if (where.kind === 'refused') {
    return where.message;
  }
  const refusal = forWriting ? await writeRefusal(where.realPath, where.stat) : undefined;
  return refusal?.split(where.realPath).join(uri.fsPath);
}

/** VS Code saves a document in its own encoding: only a UTF-8 document over bytes that are not UTF-8 loses bytes. */
async function encodingRefusal(uri: vscode.Uri): Promise<string | undefined> {
  if (uri.scheme !== 'file') {
    return undefined;
  }
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  const encoding = (open as { encoding?: string } | undefined)?.encoding ?? 'utf8';
  if (!encoding.toLowerCase().startsWith('utf8')) {
    return undefined;
  }
  const bytes = await readRegularBytes(uri.fsPath).catch(() => undefined);
  const line = bytes && firstNonUtf8Line(bytes);
  if (line === undefined) {
    return undefined;
  }
  const name = uri.path.split('/').pop();
  return vscode.l10n.t(
    '{0} has bytes that are not UTF-8 (line {1}); VS Code opened it as UTF-8, so saving it would replace them with �. Nothing was written. Reopen it with its encoding ("Reopen with Encoding", e.g. Western (ISO 8859-1)) and try again, or use `momo-credentials write-settings`, which keeps those bytes.',
    name ?? '',
    line,
  );
}

/** Both checks for every file an edit is about to change. */
export async function changeRefusal(uris: readonly vscode.Uri[]): Promise<string | undefined> {
  for (const uri of uris) {
    const refusal = (await fileRefusal(uri, true)) ?? (await encodingRefusal(uri));
    if (refusal) {
      return refusal;
    }
  }
  return undefined;
}
