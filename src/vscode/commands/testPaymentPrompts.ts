/**
 * The questions "Send Test Payment" asks when an argument is missing: the product (what kind of
 * payment it makes), the outcome to simulate (a documented sandbox test number), the amount and
 * an optional callback URL. Each returns undefined when the person presses Escape.
 */
import * as vscode from 'vscode';
import { PRODUCTS, type Product } from '../../core/momo/products';
import { callbackExample, TEST_OUTCOME_INFO, TEST_OUTCOMES, validateAmount, validateCallbackUrl, type TestOutcome } from '../../core/payments';
import { apiUsersIn, type CredentialIndex } from '../../core/store/credentialIndex';
import { productLabel } from '../../core/store/credentialText';
import { inputValidated } from '../ui/pickers';
import { plural } from '../../core/text/l10n';
import { SANDBOX } from '../../core/momo/environments';

function paymentKind(product: Product): string {
  switch (product) {
    case 'collection':
      return vscode.l10n.t('request to pay: takes money from a payer');
    case 'disbursement':
      return vscode.l10n.t('transfer: sends money to a payee');
    default:
      return vscode.l10n.t('transfer: sends money to a payee abroad');
  }
}

export async function pickPaymentProduct(title: string, index: CredentialIndex): Promise<Product | undefined> {
  const items = PRODUCTS.map((product) => {
    const users = apiUsersIn(index, { environment: SANDBOX, product }).length;
    return {
      label: productLabel(product),
      description: paymentKind(product),
      detail:
        users > 0
          ? plural(users, vscode.l10n.t('{0} sandbox API user stored', users), vscode.l10n.t('{0} sandbox API users stored', users))
          : vscode.l10n.t('no sandbox API user stored yet'),
      product,
      users,
    };
  });
  items.sort((a, b) => Number(b.users > 0) - Number(a.users > 0));
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('Which product pays (each has its own API users)'), ignoreFocusOut: true });
  return picked?.product;
}

export async function pickOutcome(title: string, product: Product): Promise<TestOutcome | undefined> {
  const items = TEST_OUTCOMES.map((outcome) => {
    const info = TEST_OUTCOME_INFO[outcome];
    const status = info.expectedReason ? `${info.expectedStatus} (${info.expectedReason})` : info.expectedStatus;
    return {
      label: info.label,
      description: product === 'collection' ? vscode.l10n.t('payer {0}', info.partyId) : vscode.l10n.t('payee {0}', info.partyId),
      detail: vscode.l10n.t('The sandbox is documented to answer {0}.', status),
      outcome,
    };
  });
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: vscode.l10n.t('The outcome to simulate'), matchOnDetail: true, ignoreFocusOut: true });
  return picked?.outcome;
}

export function askAmount(title: string): Promise<string | undefined> {
  return inputValidated({
    title,
    prompt: vscode.l10n.t('Amount in EUR (the sandbox takes EUR only), such as 5 or 12.50. It is test money.'),
    value: '5',
    validate: validateAmount,
  });
}

/** '' = no callback (Enter on the empty box); undefined = cancelled. */
export async function askCallbackUrl(title: string, providerCallbackHost: string | undefined): Promise<string | undefined> {
  const example = callbackExample(providerCallbackHost);
  const raw = await vscode.window.showInputBox({
    title,
    prompt: providerCallbackHost
      ? vscode.l10n.t(
          'Optional: where MoMo should send the result (press Enter to skip; the result is checked here either way). The sandbox calls back over plain http, on {0}, the host this API user was created with: for example {1}.',
          providerCallbackHost,
          example,
        )
      : vscode.l10n.t(
          'Optional: where MoMo should send the result (press Enter to skip; the result is checked here either way). The sandbox calls back over plain http, on the host this API user was created with: for example {0}.',
          example,
        ),
    placeHolder: vscode.l10n.t('Enter to skip, or e.g. {0}', example),
    ignoreFocusOut: true,
    validateInput: (text) => {
      if (text.trim() === '') {
        return undefined;
      }
      const result = validateCallbackUrl(text, providerCallbackHost);
      if (!result.ok) {
        return { message: result.message, severity: vscode.InputBoxValidationSeverity.Error };
      }
      return result.notice ? { message: result.notice, severity: vscode.InputBoxValidationSeverity.Info } : undefined;
    },
  });
  if (raw === undefined) {
    return undefined;
  }
  const trimmed = raw.trim();
  if (trimmed === '') {
    return '';
  }
  const checked = validateCallbackUrl(trimmed, providerCallbackHost);
  return checked.ok ? checked.value : undefined;
}
