/**
 * detectFindings: the diagnostics' source. Scans the document once in its dialect (a line
 * scanner for formats the planner does not write yet), skips files that are not MTN MoMo's
 * (Vietnam's MoMo wallet uses MOMO_* too), and runs each check.
 */
import * as l10n from '@vscode/l10n';
import { detectDialect, isTemplateFileName } from '../dialect';
import { scanDotenv } from '../dotenv/scan';
import { scanGeneric } from '../generic/scan';
import { scanJson } from '../json/scan';
import { mtnEvidence } from '../mtnDetection';
import { isTrackedByDefault } from '../plan';
import { planDotenvLoader } from '../python/loader';
import { scanPython, type PyVariable } from '../python/scan';
import type { Finding, FindingOptions, SettingsDocument } from '../types';
import { makeFinding, type FindingContext, type MoveFixPlanner } from './context';
import { browserExposedFindings, hardcodedSecretFindings, missingApiUserFindings, placeholderFindings } from './credentialChecks';
import { environmentFindings } from './environmentChecks';
import { planMoveFix } from './fixes';

function buildContext(doc: SettingsDocument, options: FindingOptions, planMove: MoveFixPlanner | undefined): FindingContext | undefined {
  const { dialect } = detectDialect(doc);
  const tracked = options.tracked ?? isTrackedByDefault(dialect);
  const base = { doc, dialect, options, exposedToGit: tracked && !options.ignored, planMove };
  switch (dialect) {
    case 'python': {
      const python = scanPython(doc.text);
      return { ...base, scan: python, python };
    }
    case 'json': {
      const json = scanJson(doc.text);
      return json.error ? undefined : { ...base, scan: json, json };
    }
    case 'dotenv': {
      const dotenv = scanDotenv(doc.text);
      return { ...base, scan: dotenv, dotenv };
    }
    case 'unsupported':
      return { ...base, scan: scanGeneric(doc.text) };
  }
}

/** Python: the file reads MoMo values from the environment but nothing loads .env. */
function dotenvNotLoadedFindings(context: FindingContext): Finding[] {
  const python = context.python;
  if (!python || python.loadsDotenv || context.options.dotenvLoadedElsewhere) return [];
  const reads = (python.variables as PyVariable[]).filter((v) => v.envRead && v.info.isMomo && !v.info.vietnam);
  const first = reads[0];
  if (!first?.envRead) return [];
  const offer = planDotenvLoader(python, Math.min(first.statement.start, python.firstEnvRead?.start ?? Number.MAX_SAFE_INTEGER));
  if (!offer) return [];
  return [
    makeFinding(context, 'momo.dotenvNotLoaded', 'warning', offer.message, first.envRead.envNameStart, first.envRead.envNameEnd, first, [
      { kind: 'edit', title: offer.packageName ? l10n.t("Load .env with {0}'s load_dotenv()", offer.packageName) : l10n.t('Load .env with read_env()'), isPreferred: true, edits: offer.edits, packageName: offer.packageName },
    ]),
  ];
}

/** Every finding with every fix planned. */
export function detectFindings(doc: SettingsDocument, options: FindingOptions = {}): Finding[] {
  return scanAndDetect(doc, options, planMoveFix).findings;
}

/**
 * detectFindings with what it found on the way: whether the file is MTN's and the scan the checks
 * ran on. Without `planMove` a committed secret's finding has no fix (see MoveFixPlanner).
 */
export function scanAndDetect(doc: SettingsDocument, options: FindingOptions, planMove: MoveFixPlanner | undefined): { findings: Finding[]; mtn: boolean; context?: FindingContext } {
  if (!mtnEvidence(doc.text).mtn) return { findings: [], mtn: false };
  const context = buildContext(doc, options, planMove);
  if (!context) return { findings: [], mtn: true };
  return { findings: findingsOf(context), mtn: true, context };
}

function findingsOf(context: FindingContext): Finding[] {
  // A template's empty values are the point of it: only leaks and wrong values are findings there.
  const template = isTemplateFileName(context.doc.fileName);
  const findings = [
    ...(template ? [] : placeholderFindings(context)),
    ...(template ? [] : missingApiUserFindings(context)),
    ...hardcodedSecretFindings(context),
    ...browserExposedFindings(context),
    ...environmentFindings(context),
    ...dotenvNotLoadedFindings(context),
  ];
  return findings.sort((a, b) => a.startOffset - b.startOffset || a.code.localeCompare(b.code));
}
