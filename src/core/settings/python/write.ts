/**
 * Writing Python in the file's own style: string literals with its quote character, and
 * environment reads the way the file already reads them (os.environ.get, os.getenv,
 * os.environ[...], decouple's config, django-environ's env / env.str).
 */
import { makeEdit } from '../text/edits';
import type { TextEdit } from '../types';
import type { PyLiteral } from './rhs';
import type { PythonScan } from './scan';

export function pythonString(value: string, quote: string): string {
  const escaped = value.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`).replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  return `${quote}${escaped}${quote}`;
}

/** Replaces a literal's value, in place when it is one plain string (keeps prefix and quotes). */
export function replaceLiteral(scan: PythonScan, literal: PyLiteral, value: string): TextEdit | undefined {
  if (literal.value === value) return undefined;
  const needsEscape = /[\\\n\r]/.test(value) || value.includes(literal.quote);
  if (literal.simple && !(literal.prefix.includes('r') && needsEscape)) {
    const body = pythonString(value, literal.quote).slice(1, -1);
    return makeEdit(scan.index, literal.bodyStart, literal.bodyEnd, body);
  }
  return makeEdit(scan.index, literal.start, literal.end, pythonString(value, literal.quote));
}

/** `os.environ.get("NAME", "")` and friends, with an empty default where the style has one. */
export function envReadExpression(scan: PythonScan, envName: string): string {
  const q = scan.quote;
  const name = pythonString(envName, q);
  const empty = `${q}${q}`;
  const { style, callee } = scan.envStyle;
  switch (style) {
    case 'os.environ.get':
    case 'os.getenv':
      return `${callee}(${name}, ${empty})`;
    case 'os.environ[]':
      return `${callee}[${name}]`;
    case 'decouple':
    case 'environ':
      return `${callee}(${name}, default=${empty})`;
    case 'environ.typed':
      return `${callee.slice(0, callee.lastIndexOf('.'))}.str(${name}, default=${empty})`;
  }
}

/** The expression needs `import os` and the file does not import it. */
export function needsOsImport(scan: PythonScan): boolean {
  return scan.envStyle.callee.startsWith('os.') && !scan.osImported;
}

/** Edit that adds `import os`: before the first import, else before the first statement. */
export function osImportEdit(scan: PythonScan): TextEdit | undefined {
  const firstImport = scan.imports[0];
  const index = scan.index;
  if (firstImport) return lineEdit(scan, firstImport.startLine, ['import os']);
  const firstCode = scan.statements.find((s) => s !== scan.docstring);
  if (firstCode) return lineEdit(scan, firstCode.startLine, ['import os', '']);
  if (scan.docstring) {
    const at = index.contentEnds[scan.docstring.endLine];
    return makeEdit(index, at, at, `${index.eol}${index.eol}import os`);
  }
  return undefined; // no statements: the caller puts `import os` into its appended block
}

function lineEdit(scan: PythonScan, line: number, lines: string[]): TextEdit {
  const index = scan.index;
  const at = line === 0 ? index.bodyStart : index.lineStarts[line];
  return makeEdit(index, at, at, lines.map((l) => l + index.eol).join(''));
}
