/**
 * Which planner handles a file, from its name and language id. Files we cannot plan for yet
 * still get a name for the "not supported yet" message.
 */
import * as l10n from '@vscode/l10n';
import type { Dialect, SettingsDocument } from './types';

export interface DialectInfo {
  dialect: Dialect;
  /** A short human name of the format ("YAML", "TOML", "JavaScript"...). */
  formatName: string;
}

const UNSUPPORTED_BY_EXTENSION: Record<string, string> = {
  yml: 'YAML',
  yaml: 'YAML',
  toml: 'TOML',
  ini: 'INI',
  cfg: 'INI',
  properties: 'Java properties',
  xml: 'XML',
  config: 'XML configuration',
  js: 'JavaScript',
  cjs: 'JavaScript',
  mjs: 'JavaScript',
  ts: 'TypeScript',
  php: 'PHP',
  rb: 'Ruby',
  go: 'Go',
  java: 'Java',
  kt: 'Kotlin',
  cs: 'C#',
  sh: 'shell script',
  bash: 'shell script',
  ps1: 'PowerShell',
  dart: 'Dart',
  tf: 'Terraform',
};

/** The formats credentials can be written into, in the display language. */
export function supportedFormatsText(): string {
  return l10n.t('Python (.py), dotenv (.env, .env.*) and JSON (appsettings*.json, or a .json file that already has a MoMo section)');
}

export function baseName(fileName: string): string {
  const parts = fileName.split(/[\\/]/);
  return parts[parts.length - 1] ?? fileName;
}

/** `.env`, `.env.local`, `.env.production`, `prod.env`, `.envrc` is NOT one (it is a shell script). */
export function isDotenvFileName(fileName: string): boolean {
  const name = baseName(fileName).toLowerCase();
  return name === '.env' || name.startsWith('.env.') || (name.endsWith('.env') && name.length > 4);
}

const TEMPLATE_MARKERS = ['example', 'sample', 'template', 'tmpl', 'dist', 'defaults'];

/**
 * `.env.example`, `example.env`, `settings.sample.py`, `appsettings.template.json`: files meant to
 * be committed as a model for others. Their empty values are intentional, and real credentials
 * never belong in them.
 */
export function isTemplateFileName(fileName: string): boolean {
  const parts = baseName(fileName).toLowerCase().split('.');
  return parts.some((part) => TEMPLATE_MARKERS.includes(part));
}

export function templateRefusal(fileName: string): string {
  const name = baseName(fileName);
  return l10n.t(
    '{0} is a template that is meant to be committed, so real credentials do not belong in it. Write them into your own .env (copy {0} to .env first) or the settings file that reads them.',
    name,
  );
}

export function detectDialect(doc: Pick<SettingsDocument, 'fileName' | 'languageId'>): DialectInfo {
  const name = baseName(doc.fileName).toLowerCase();
  const language = (doc.languageId ?? '').toLowerCase();
  if (isDotenvFileName(name) || language === 'dotenv') return { dialect: 'dotenv', formatName: 'dotenv' };
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1) : '';
  if (extension === 'py' || extension === 'pyw' || language === 'python') return { dialect: 'python', formatName: 'Python' };
  if (extension === 'json' || extension === 'jsonc' || language === 'json' || language === 'jsonc') {
    return { dialect: 'json', formatName: 'JSON' };
  }
  const known = UNSUPPORTED_BY_EXTENSION[extension];
  return { dialect: 'unsupported', formatName: known ?? (extension ? `.${extension}` : language || 'this') };
}

export function unsupportedMessage(doc: Pick<SettingsDocument, 'fileName' | 'languageId'>): string {
  const { formatName } = detectDialect(doc);
  return l10n.t(
    'Writing MoMo credentials into {0} files ({1}) is not supported yet. Supported: {2}; you can copy the values instead.',
    formatName,
    baseName(doc.fileName),
    supportedFormatsText(),
  );
}
