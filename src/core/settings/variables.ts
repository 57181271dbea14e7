/**
 * findMomoVariables: the MoMo variables a document holds, as plain data (for CodeLens, the
 * tree view, or "which names does this project use?"). Values are not returned, only whether
 * one is set, so nothing secret leaves this module by accident.
 */
import type { Product } from '../momo/products';
import { detectDialect } from './dialect';
import { scanDotenv } from './dotenv/scan';
import { scanGeneric } from './generic/scan';
import { scanJson } from './json/scan';
import type { ScannedSettings } from './model';
import { scanPython } from './python/scan';
import type { MomoRole, Range, SettingsDocument } from './types';
import { isPlaceholderValue } from './values';

export interface MomoVariable {
  /** As written in the file (JSON: the key). */
  name: string;
  /** JSON: the .NET configuration key (`MomoApiOptions:ApiKey`). */
  configKey?: string;
  /** The environment variable read, when the file reads one. */
  envName?: string;
  role: MomoRole;
  product?: Product;
  browserPrefix?: string;
  nameRange: Range;
  /** 'literal' with a real value, 'placeholder', 'environment' (read from env), or 'other'. */
  state: 'literal' | 'placeholder' | 'environment' | 'other';
}

export function scanFor(doc: SettingsDocument): ScannedSettings | undefined {
  switch (detectDialect(doc).dialect) {
    case 'python':
      return scanPython(doc.text);
    case 'dotenv':
      return scanDotenv(doc.text);
    case 'json': {
      const json = scanJson(doc.text);
      return json.error ? undefined : json;
    }
    case 'unsupported':
      return scanGeneric(doc.text);
  }
}

export function findMomoVariables(doc: SettingsDocument): MomoVariable[] {
  const scan = scanFor(doc);
  if (!scan) return [];
  const result: MomoVariable[] = [];
  for (const v of scan.variables) {
    if (!v.info.role || v.info.vietnam) continue;
    const state = v.envRead ? 'environment' : v.literal ? (isPlaceholderValue(v.literal.value) ? 'placeholder' : 'literal') : 'other';
    result.push({
      name: v.name,
      configKey: v.path?.join(':'),
      envName: v.envRead?.envName,
      role: v.info.role,
      product: v.info.product,
      browserPrefix: v.info.browserPrefix,
      nameRange: { start: scan.index.positionAt(v.nameStart), end: scan.index.positionAt(v.nameEnd) },
      state,
    });
  }
  return result;
}
