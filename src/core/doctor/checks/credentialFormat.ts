/**
 * The shape of a stored credential. The core validators clean what people paste (spaces,
 * quotes, a trailing newline from `echo`, the variable name copied along); the doctor reports
 * that cleaning as a problem, because the app reading the stored value sends it as it is.
 */
import * as l10n from '@vscode/l10n';
import { hasNotice, type Validation } from '../../momo/validationCommon';
import { makeFinding } from '../findings';
import type { DoctorFinding, DoctorFix } from '../types';

export interface FormatCheck {
  finding: DoctorFinding;
  /** The cleaned value, when there is one worth sending to the gateway. */
  value?: string;
}

export interface FormatOptions {
  check: string;
  subject: string;
  /** "subscription key", "API key", "API user id". */
  what: string;
  /** Said when the value is exactly right. */
  okMessage: string;
  fix: DoctorFix;
}

export function checkCredentialFormat(raw: string, validate: (raw: string) => Validation, o: FormatOptions): FormatCheck {
  const result = validate(raw);
  const details = { subject: o.subject, fixes: [o.fix] };
  if (!result.ok) return { finding: makeFinding(o.check, 'error', result.message, details) };
  if (result.value === raw) {
    // Accepted as is; a notice here means a documentation example, which is nobody's real credential.
    return result.notice
      ? { value: raw, finding: makeFinding(o.check, 'warning', result.notice, details) }
      : { value: raw, finding: makeFinding(o.check, 'ok', o.okMessage, { subject: o.subject }) };
  }
  const extras = strayParts(raw, result);
  if (extras.length === 0) {
    return {
      value: result.value,
      finding: makeFinding(o.check, 'warning', l10n.t('The {0} has upper-case letters; MoMo issues it in lower case, so store it that way.', o.what), details),
    };
  }
  return {
    value: result.value,
    finding: makeFinding(
      o.check,
      'error',
      l10n.t('The stored {0} has {1}; an app sends it as it is and gets refused. Store only the {0} itself.', o.what, joinWords(extras)),
      details,
    ),
  };
}

/** What came with the value: read from the raw text and the validator's notice codes, never its words. */
function strayParts(raw: string, result: Validation): string[] {
  const parts: string[] = [];
  if (/[\r\n]/.test(raw)) parts.push(l10n.t('a line break'));
  if (/^[ \t\u00a0]|[ \t\u00a0]$/.test(raw)) parts.push(l10n.t('spaces around it'));
  if (/\u200b|\u200c|\u200d|\ufeff/.test(raw)) parts.push(l10n.t('invisible characters'));
  if (hasNotice(result, 'quotesRemoved')) parts.push(l10n.t('quotes around it'));
  if (hasNotice(result, 'namePrefixDropped')) parts.push(l10n.t('a variable name in front of it'));
  if (hasNotice(result, 'bracesRemoved')) parts.push(l10n.t('braces around it'));
  return parts;
}

function joinWords(words: string[]): string {
  return words.length < 2 ? words.join('') : l10n.t('{0} and {1}', words.slice(0, -1).join(', '), words[words.length - 1]);
}
