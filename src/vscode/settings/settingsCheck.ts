/**
 * One check of a settings document: the core's findings with what git, .env, .gitignore and
 * the stored production secrets say. The MTN test comes first and is pure text: a file that
 * is not MTN MoMo's costs no git call and no secret read.
 */
import type * as vscode from 'vscode';
import type { Finding, FindingOptions, SettingsDocument } from '../../core/settings';
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

function settingsDocumentOf(document: vscode.TextDocument): SettingsDocument {
  return { text: document.getText(), fileName: document.fileName, languageId: document.languageId };
}

/**
 * Where a check gets its answers: the diagnostics' FindingsTracker (after an edit it re-scans
 * only what the edit touched, and plans no move fix) or fullScan.ts (every fix planned).
 */
export interface FindingsSource {
  isMtn(uri: vscode.Uri, doc: SettingsDocument): boolean;
  findings(uri: vscode.Uri, doc: SettingsDocument, options: FindingOptions): Finding[];
}

/** undefined: not an MTN MoMo document (nothing to report). */
export async function checkSettingsDocument(document: vscode.TextDocument, read: ReadStrategy, secrets: ProductionSecrets, source: FindingsSource): Promise<CheckedDocument | undefined> {
  const version = document.version;
  const before = settingsDocumentOf(document);
  if (!source.isMtn(document.uri, before)) {
    return undefined;
  }
  const [context, known] = await Promise.all([projectContextFor(document, read), secrets.get()]);
  // The text again if it changed during the wait: the tracker's edits since its last check lead to it.
  const doc = document.version === version ? before : settingsDocumentOf(document);
  const options = findingOptions(doc, context, known);
  return { doc, context, options, findings: shownFindings(doc.fileName, source.findings(document.uri, doc, options)) };
}

/** .env.example and friends are committed on purpose with empty values; only a real secret there is news. */
const TEMPLATE_NOISE: ReadonlySet<string> = new Set(['momo.placeholder', 'momo.missingApiUser']);

/** The findings worth showing for a file of that name. */
export function shownFindings(fileName: string, findings: Finding[]): Finding[] {
  return isTemplate(fileName) ? findings.filter((f) => !TEMPLATE_NOISE.has(f.code)) : findings;
}
