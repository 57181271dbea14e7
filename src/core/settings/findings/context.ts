/** What every finding check gets, and the one way findings are built (ranges from offsets). */
import type { DotenvScan } from '../dotenv/scan';
import type { JsonScan } from '../json/scan';
import type { ScannedSettings, ScannedVariable } from '../model';
import type { PythonScan } from '../python/scan';
import type { Dialect, Finding, FindingCode, FindingOptions, FindingSeverity, QuickFix, SettingsDocument } from '../types';

/**
 * Plans the "Move to .env" fix of a committed secret (fixes.ts planMoveFix). It needs the
 * dialect planners, so detection takes it as an argument: the editor's diagnostics run without
 * one (their bundle holds no planner) and plan the fixes only when the quick-fix list is asked for.
 */
export type MoveFixPlanner = (context: FindingContext, variable: ScannedVariable, value: string) => QuickFix | undefined;

export interface FindingContext {
  doc: SettingsDocument;
  dialect: Dialect;
  scan: ScannedSettings;
  python?: PythonScan;
  json?: JsonScan;
  dotenv?: DotenvScan;
  options: FindingOptions;
  /** Git tracks the file and does not ignore it: literal secrets here are leaks. */
  exposedToGit: boolean;
  /** Absent: committed secrets are reported without their move fix. */
  planMove?: MoveFixPlanner;
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
