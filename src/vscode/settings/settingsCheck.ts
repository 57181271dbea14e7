/**
 * One check of a settings document: the core's findings with what git, .env, .gitignore and
 * the stored production secrets say. The MTN test comes first and is pure text: a file that
 * is not MTN MoMo's costs no git call and no secret read.
 */
import type * as vscode from 'vscode';
import { detectFindings, isMtnMomoDocument, type Finding, type FindingOptions, type SettingsDocument } from '../../core/settings';
import type { FindingsTracker } from './findingsTracker';
import type { ProductionSecrets } from './productionSecrets';
import { findingOptions, projectContextFor, type ProjectContext, type ReadStrategy } from './projectContext';
import { isTemplate } from '../settingsSelector';

export interface CheckedDocument {
  doc: SettingsDocument;
  context: ProjectContext | undefined;
  findings: Finding[];
  /** What the findings were detected with (a fix planned again on the same document uses them too). */
  options: FindingOptions;
}

export function settingsDocumentOf(document: vscode.TextDocument): SettingsDocument {
  return { text: document.getText(), fileName: document.fileName, languageId: document.languageId };
}

/**
 * undefined: not an MTN MoMo document (nothing to report). With a tracker (the diagnostics),
 * a check after an edit re-scans only what the edit touched; the findings are the same.
 */
export async function checkSettingsDocument(document: vscode.TextDocument, read: ReadStrategy, secrets: ProductionSecrets, tracker?: FindingsTracker): Promise<CheckedDocument | undefined> {
  const before = settingsDocumentOf(document);
  if (!(tracker ? tracker.isMtn(document.uri, before) : isMtnMomoDocument(before.text))) {
    return undefined;
  }
  const [context, known] = await Promise.all([projectContextFor(document, read), secrets.get()]);
  // The text again, after the wait: the tracker's edits since its last check lead to this text.
  const doc = tracker ? settingsDocumentOf(document) : before;
  const options = findingOptions(doc, context, known);
  const findings = tracker ? tracker.findings(document.uri, doc, options) : detectFindings(doc, options);
  return { doc, context, options, findings: isTemplate(doc.fileName) ? findings.filter((f) => !TEMPLATE_NOISE.has(f.code)) : findings };
}

/** .env.example and friends are committed on purpose with empty values; only a real secret there is news. */
const TEMPLATE_NOISE: ReadonlySet<string> = new Set(['momo.placeholder', 'momo.missingApiUser']);
