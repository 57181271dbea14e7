/**
 * Asks for the app's callback URL: the one remembered for this workspace, else one proposed
 * from the project's routes, else http://localhost:8000/momo/callback/; always editable.
 */
import * as vscode from 'vscode';
import { parseCallbackUrl, proposeCallbackRoutes, type ProjectFile } from '../../core/callbacks';

const CALLBACK_URL_STATE_KEY = 'momo.callbackTest.url';
const FALLBACK_URL = 'http://localhost:8000/momo/callback/';

function rememberedCallbackUrl(state: vscode.Memento | undefined): string | undefined {
  const value = state?.get<unknown>(CALLBACK_URL_STATE_KEY);
  return typeof value === 'string' && value.length <= 2048 ? value : undefined;
}

export async function rememberCallbackUrl(state: vscode.Memento | undefined, url: string): Promise<void> {
  await state?.update(CALLBACK_URL_STATE_KEY, url);
}

export async function askCallbackUrl(title: string, state: vscode.Memento | undefined, files: readonly ProjectFile[]): Promise<string | undefined> {
  const remembered = rememberedCallbackUrl(state);
  const proposed = remembered ? undefined : proposeCallbackRoutes(files)[0];
  const value = remembered ?? proposed?.url ?? FALLBACK_URL;
  const origin = remembered
    ? vscode.l10n.t('the URL used last time in this workspace')
    : proposed
      ? vscode.l10n.t('proposed from {0}', `${proposed.location.file}:${proposed.location.line}`)
      : vscode.l10n.t('a guess: no callback route was found in the project');
  const answer = await vscode.window.showInputBox({
    title,
    value,
    prompt: vscode.l10n.t("Your running app's callback URL ({0}). MoMo will PUT/POST the payment's final status there.", origin),
    ignoreFocusOut: true,
    validateInput: (text) => {
      const parsed = parseCallbackUrl(text);
      return typeof parsed === 'string' ? parsed : undefined;
    },
  });
  return answer?.trim();
}
