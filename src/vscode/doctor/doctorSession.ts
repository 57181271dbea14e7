/**
 * One doctor run as the report view and its fix buttons need it: the full report (fix
 * arguments included, which may hold a secret a fix moves into .env), which credential each
 * finding names, the workspace texts the fixes were planned on, and how to run it again.
 * Callers of the command get `publicReport`, which leaves those arguments out.
 */
import { renderDoctorMarkdown, type DoctorFinding, type DoctorFix, type DoctorReport } from '../../core/doctor';
import type { ProductionPlatform } from '../../core/momo/platforms';
import type { CredentialScope } from '../storedCredentials';
import type { WorkspaceSnapshot } from './workspaceScan';

export interface DoctorSession {
  title: string;
  environment: string;
  /** Production: the platform whose base URL the report checked (its base-URL fixes change that platform's setting). */
  platform?: ProductionPlatform;
  report: DoctorReport;
  scopes: Map<string, CredentialScope>;
  workspace: WorkspaceSnapshot;
  /** Runs the same diagnosis again (the report view's "Run again" and the "retry" fix). */
  rerun(): Thenable<unknown>;
  /** The tab's name; default "MoMo Doctor". */
  panelTitle?: string;
  /** Said under the title instead of "Nothing was created or changed by these checks." */
  note?: string;
}

let current: DoctorSession | undefined;

export function setCurrentSession(session: DoctorSession): void {
  current = session;
}

export function currentSession(): DoctorSession | undefined {
  return current;
}

/** The credential a finding is about; findings without a subject are about the environment. */
export function scopeOf(session: DoctorSession, finding: DoctorFinding): CredentialScope {
  return (finding.subject ? session.scopes.get(finding.subject) : undefined) ?? { environment: session.environment };
}

/** Fix arguments that are safe to hand out: a URL or a file position, never planned file contents. */
const PUBLIC_ARG_FIXES: ReadonlySet<DoctorFix['id']> = new Set(['useBaseUrl']);

export function publicReport(report: DoctorReport): DoctorReport {
  return {
    ...report,
    findings: report.findings.map((finding) => ({
      ...finding,
      ...(finding.fixes ? { fixes: finding.fixes.map(publicFix) } : {}),
    })),
  };
}

function publicFix(fix: DoctorFix): DoctorFix {
  if (fix.args === undefined || PUBLIC_ARG_FIXES.has(fix.id)) {
    return fix;
  }
  const args = fix.args as { fileName?: unknown; range?: unknown };
  const where = typeof args.fileName === 'string' ? { fileName: args.fileName, ...(args.range ? { range: args.range } : {}) } : undefined;
  const { args: _dropped, ...rest } = fix;
  return where ? { ...rest, args: where } : rest;
}

/** The report as portable Markdown (web links only: command links mean nothing outside this window). */
export function sessionMarkdown(session: DoctorSession): string {
  return renderDoctorMarkdown(session.report, { title: session.title, fixLink: (fix) => fix.url });
}
