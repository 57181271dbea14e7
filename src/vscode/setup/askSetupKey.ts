/**
 * Set Up MoMo's one question about the key: a password box validated live. A complete, valid
 * key pasted in one go is taken at once (no Enter needed: pasting is the whole action); a key
 * typed by hand is taken with Enter. When a key is stored already, Enter on the empty box
 * continues with it.
 */
import * as vscode from 'vscode';
import { validateSubscriptionKey } from '../../core/momo/validation';

export type SetupKeyAnswer = { kind: 'pasted'; key: string } | { kind: 'stored' };

export function askSetupKey(title: string, storedLabel: string | undefined): Promise<SetupKeyAnswer | undefined> {
  const box = vscode.window.createInputBox();
  box.title = title;
  box.password = true;
  box.ignoreFocusOut = true;
  box.placeholder = storedLabel ? vscode.l10n.t('Enter: continue with the stored {0}', storedLabel) : vscode.l10n.t('32 hexadecimal characters');
  box.prompt = storedLabel
    ? vscode.l10n.t('Paste a subscription key of any product to use it instead, or press Enter to continue with the stored {0}.', storedLabel)
    : vscode.l10n.t(
        'Paste a subscription key: the Primary key of your Collections, Disbursements or Remittances subscription (momodeveloper.mtn.com → Profile → Subscriptions). Its product is recognised from the key; it is stored in SecretStorage only.',
      );
  return new Promise((resolve) => {
    let previous = '';
    let settled = false;
    const finish = (answer: SetupKeyAnswer | undefined): void => {
      if (settled) return;
      settled = true;
      resolve(answer);
      box.hide();
      box.dispose();
    };
    const check = (text: string): string | undefined => {
      if (text.trim() === '') return undefined;
      const result = validateSubscriptionKey(text);
      if (!result.ok) {
        box.validationMessage = { message: result.message, severity: vscode.InputBoxValidationSeverity.Error };
        return undefined;
      }
      box.validationMessage = result.notice ? { message: result.notice, severity: vscode.InputBoxValidationSeverity.Info } : undefined;
      return result.value;
    };
    box.onDidChangeValue((text) => {
      const key = check(text);
      const pastedWhole = previous.trim() === '' && text.trim().length > 1;
      previous = text;
      if (key && pastedWhole) finish({ kind: 'pasted', key });
    });
    box.onDidAccept(() => {
      if (box.value.trim() === '') {
        if (storedLabel) finish({ kind: 'stored' });
        return;
      }
      const key = check(box.value);
      if (key) finish({ kind: 'pasted', key });
    });
    box.onDidHide(() => finish(undefined));
    box.show();
  });
}
