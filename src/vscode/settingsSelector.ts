/**
 * Which documents the settings features look at. VS Code 1.100 has no `dotenv` language (a
 * .env file opens as plaintext), so .env files are matched by name as well as by language.
 * Matching is only the first, cheap gate: a document also has to be MTN MoMo's (see
 * isMtnMomoDocument) before any git call or secret read happens for it.
 */
import * as vscode from 'vscode';

const SCHEMES = ['file', 'untitled'] as const;
const LANGUAGES = ['python', 'json', 'jsonc', 'dotenv'] as const;
const PATTERNS = ['**/.env*', '**/*.env', '**/appsettings*.json'] as const;

export const SETTINGS_SELECTOR: vscode.DocumentFilter[] = SCHEMES.flatMap((scheme) => [
  ...LANGUAGES.map((language) => ({ scheme, language })),
  ...PATTERNS.map((pattern) => ({ scheme, pattern })),
]);

/** Larger documents are not settings files; skipping them keeps typing in big files cheap. */
const MAX_TEXT_LENGTH = 512 * 1024;

export function isSettingsCandidate(document: vscode.TextDocument): boolean {
  return vscode.languages.match(SETTINGS_SELECTOR, document) > 0 && document.getText().length <= MAX_TEXT_LENGTH;
}

const TEMPLATE = /\.(example|sample|template|dist|defaults?)$/i;

/** A settings template such as .env.example: committed on purpose, with empty values. */
export function isTemplate(fileName: string): boolean {
  return TEMPLATE.test(fileName.split(/[\\/]/).pop() ?? fileName);
}

export function relativeName(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? vscode.workspace.asRelativePath(uri, false) : uri.path.split('/').pop() ?? uri.toString();
}
