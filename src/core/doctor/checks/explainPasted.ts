/**
 * An error the user met elsewhere (an app log, curl, Postman), pasted as text. The core
 * classifies it exactly like a live answer, so the explanation matches the other findings.
 * It is an explanation, not a failed check: it never makes the report fail.
 */
import * as l10n from '@vscode/l10n';
import { explainErrorText } from '../../momo/errors';
import { findingFromError, makeFinding } from '../findings';
import type { DoctorFinding } from '../types';

export const EXPLAIN_CHECK = 'explain';

export function explainPastedError(text: string): DoctorFinding {
  const error = explainErrorText(text);
  if (!error) {
    return makeFinding(
      EXPLAIN_CHECK,
      'warning',
      l10n.t('This text is not a MoMo error this extension recognises; paste the status line and the JSON body, such as {0}.', '401 {"statusCode": 401, "message": "Access denied due to invalid subscription key…"}'),
    );
  }
  return findingFromError(EXPLAIN_CHECK, error, { severity: 'info', lead: l10n.t('The pasted error means:') });
}
