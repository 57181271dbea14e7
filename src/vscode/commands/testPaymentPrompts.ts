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
import { countOf } from '../../core/text/plural';
import { SANDBOX } from '../../core/momo/environments';

const PAYMENT_KIND: Record<Product, string> = {
  collection: 'request to pay: takes money from a payer',
  disbursement: 'transfer: sends money to a payee',
  remittance: 'transfer: sends money to a payee abroad',
};

export function paymentKind(product: Product): string {
  return product === 'collection' ? 'request to pay' : 'transfer';
}

export async function pickPaymentProduct(title: string, index: CredentialIndex): Promise<Product | undefined> {
  const items = PRODUCTS.map((product) => {
    const users = apiUsersIn(index, { environment: SANDBOX, product }).length;
    return {
      label: productLabel(product),
      description: PAYMENT_KIND[product],
      detail: users > 0 ? `${countOf(users, 'sandbox API user')} stored` : 'no sandbox API user stored yet',
      product,
      users,
    };
  });
  items.sort((a, b) => Number(b.users > 0) - Number(a.users > 0));
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Which product pays (each has its own API users)', ignoreFocusOut: true });
  return picked?.product;
}

export async function pickOutcome(title: string, product: Product): Promise<TestOutcome | undefined> {
  const party = product === 'collection' ? 'payer' : 'payee';
  const items = TEST_OUTCOMES.map((outcome) => {
    const info = TEST_OUTCOME_INFO[outcome];
    const reason = info.expectedReason ? ` (${info.expectedReason})` : '';
    return {
      label: info.label,
      description: `${party} ${info.partyId}`,
      detail: `The sandbox is documented to answer ${info.expectedStatus}${reason}.`,
      outcome,
    };
  });
  const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'The outcome to simulate', matchOnDetail: true, ignoreFocusOut: true });
  return picked?.outcome;
}

export function askAmount(title: string): Promise<string | undefined> {
  return inputValidated({
    title,
    prompt: 'Amount in EUR (the sandbox takes EUR only), such as 5 or 12.50. It is test money.',
    value: '5',
    validate: validateAmount,
  });
}

/** '' = no callback (Enter on the empty box); undefined = cancelled. */
export async function askCallbackUrl(title: string, providerCallbackHost: string | undefined): Promise<string | undefined> {
  const example = callbackExample(providerCallbackHost);
  const where = providerCallbackHost ? `on ${providerCallbackHost}, the host this API user was created with` : 'on the host this API user was created with';
  const raw = await vscode.window.showInputBox({
    title,
    prompt: `Optional: where MoMo should send the result (press Enter to skip; the result is checked here either way). The sandbox calls back over plain http, ${where}: for example ${example}.`,
    placeHolder: `Enter to skip, or e.g. ${example}`,
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
