/** What every finding check gets, and the one way findings are built (ranges from offsets). */
import type { JsonScan } from '../json/scan';
import type { ScannedSettings, ScannedVariable } from '../model';
import type { PythonScan } from '../python/scan';
import type { Dialect, Finding, FindingCode, FindingOptions, FindingSeverity, QuickFix, SettingsDocument } from '../types';

export interface FindingContext {
  doc: SettingsDocument;
  dialect: Dialect;
  scan: ScannedSettings;
  python?: PythonScan;
  json?: JsonScan;
  options: FindingOptions;
  /** Git tracks the file and does not ignore it: literal secrets here are leaks. */
  exposedToGit: boolean;
}

export function makeFinding(
  context: FindingContext,
  code: FindingCode,
  severity: FindingSeverity,
  message: string,
  start: number,
  end: number,
  variable: ScannedVariable | undefined,
  fixes: QuickFix[],
): Finding {
  const index = context.scan.index;
  return {
    code,
    severity,
    message,
    range: { start: index.positionAt(start), end: index.positionAt(end) },
    startOffset: start,
    endOffset: end,
    name: variable?.name,
    role: variable?.info.role,
    product: variable?.info.product,
    fixes,
  };
}

/** The value a variable ends up with when nothing overrides it: its literal or its default. */
export function effectiveLiteral(variable: ScannedVariable) {
  return variable.literal ?? variable.envRead?.defaultLiteral;
}
