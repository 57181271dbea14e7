/**
 * MoMo settings in JSON (appsettings.json): keys inside a MoMo section (`MomoApiOptions`,
 * `MoMo`, `MtnMomo`...) or flat MOMO_* keys, with the product taken from the key or from a
 * product sub-section (`MoMo: { Collection: { ApiUser } }`).
 */
import type { Product } from '../../momo/products';
import { classifyName, type NameInfo } from '../names/classify';
import type { ScannedSettings, ScannedVariable } from '../model';
import { TextIndex } from '../text/textIndex';
import { parseJson, type JsonMember, type JsonNode, type JsonObject } from './parse';

export interface JsonVariable extends ScannedVariable {
  member: JsonMember;
  object: ScannedObject;
  path: string[];
}

export interface ScannedObject {
  node: JsonObject;
  /** Keys from the root to this object. */
  path: string[];
  /** A MoMo section or inside one. */
  momo: boolean;
  product?: Product;
  variables: JsonVariable[];
}

export interface JsonScan extends ScannedSettings {
  variables: JsonVariable[];
  objects: ScannedObject[];
  root?: JsonNode;
  error?: { message: string; offset: number };
}

const MOMO_SEGMENT = /momo|mtn/i;

function productOfSegment(segment: string): Product | undefined {
  const match = /^(collection|disbursement|remittance)s?$/i.exec(segment);
  return match ? (match[1].toLowerCase() as Product) : undefined;
}

export function scanJson(text: string): JsonScan {
  const index = new TextIndex(text);
  const parsed = parseJson(text);
  const variables: JsonVariable[] = [];
  const objects: ScannedObject[] = [];
  if (!parsed.ok) return { dialect: 'json', index, variables, objects, error: { message: parsed.message, offset: parsed.offset } };

  // Explicit stack instead of recursion: a deep file must not overflow the call stack.
  const stack: { node: JsonNode; path: string[]; momo: boolean; product?: Product }[] = [];
  if (parsed.root) stack.push({ node: parsed.root, path: [], momo: false });
  while (stack.length) {
    const { node, path, momo, product } = stack.pop()!;
    if (node.kind === 'array') {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], path: [...path, String(i)], momo, product });
      continue;
    }
    if (node.kind !== 'object') continue;
    const scanned: ScannedObject = { node, path, momo, product, variables: [] };
    objects.push(scanned);
    for (let m = node.members.length - 1; m >= 0; m--) {
      const member = node.members[m];
      const memberPath = [...path, member.key];
      if (member.value.kind === 'object' || member.value.kind === 'array') {
        stack.push({ node: member.value, path: memberPath, momo: momo || MOMO_SEGMENT.test(member.key), product: productOfSegment(member.key) ?? product });
        continue;
      }
      const classified = classifyName(member.key, { momoSection: momo });
      if (!classified.isMomo) continue;
      const info: NameInfo = classified.product || !product ? classified : { ...classified, product };
      const value = member.value;
      const literal = value.kind === 'string' ? { value: value.value as string, start: value.start, end: value.end } : value.value === null ? { value: '', start: value.start, end: value.end } : undefined;
      const variable: JsonVariable = {
        name: member.key,
        info,
        nameStart: member.keyStart,
        nameEnd: member.keyEnd,
        startLine: index.lineAt(member.keyStart),
        endLine: index.lineAt(value.end),
        literal,
        member,
        object: scanned,
        path: memberPath,
      };
      scanned.variables.unshift(variable);
    }
  }
  // Objects were visited depth-first; file order is what people expect for "first"/"last".
  objects.sort((a, b) => a.node.start - b.node.start);
  for (const object of objects) variables.push(...object.variables);
  variables.sort((a, b) => a.nameStart - b.nameStart);
  return { dialect: 'json', index, variables, objects, root: parsed.root };
}
