/**
 * Adding members to a JSON object the way the file is laid out: same indentation unit
 * (2 or 4 spaces, tabs), same `": "` spacing, commas where JSON needs them, one member per
 * line unless the object is written on one line.
 */
import { makeEdit } from '../text/edits';
import type { TextIndex } from '../text/textIndex';
import type { TextEdit } from '../types';
import type { JsonMember, JsonNode, JsonObject } from './parse';

export interface JsonLayout {
  unit: string;
  colon: string;
  /** What follows a comma between members on one line ('' in minified files, ' ' usually). */
  inlineGap: string;
}

/** Indentation of the line where `offset` is, when only whitespace precedes it there. */
function leadingIndent(index: TextIndex, offset: number): string | undefined {
  const line = index.lineAt(offset);
  const before = index.text.slice(line === 0 ? index.bodyStart : index.lineStarts[line], offset);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

export function detectLayout(index: TextIndex, root: JsonNode | undefined): JsonLayout {
  let unit: string | undefined;
  let colon: string | undefined;
  let inlineGap: string | undefined;
  const stack: JsonNode[] = root ? [root] : [];
  while (stack.length && (unit === undefined || colon === undefined || inlineGap === undefined)) {
    const node = stack.pop()!;
    if (node.kind === 'array') stack.push(...node.items);
    if (node.kind !== 'object') continue;
    const parentIndent = index.indentation(index.lineAt(node.start));
    node.members.forEach((member, i) => {
      const next = node.members[i + 1];
      if (inlineGap === undefined && next && member.commaAt !== undefined) {
        const gap = index.text.slice(member.commaAt + 1, next.keyStart);
        if (/^[ \t]*$/.test(gap)) inlineGap = gap;
      }
      const between = index.text.slice(member.keyEnd, member.value.start);
      if (colon === undefined && !/[\r\n]|\/[/*]/.test(between)) colon = between;
      const own = leadingIndent(index, member.keyStart);
      if (unit === undefined && own !== undefined && own.startsWith(parentIndent) && own.length > parentIndent.length) {
        unit = own.slice(parentIndent.length);
      }
      if (member.value.kind === 'object' || member.value.kind === 'array') stack.push(member.value);
    });
  }
  return { unit: unit ?? '  ', colon: colon ?? ': ', inlineGap: inlineGap ?? (colon === ':' ? '' : ' ') };
}

/** Indentation for members of `object` and for its closing brace; undefined = one-line object. */
function memberIndent(index: TextIndex, object: JsonObject, layout: JsonLayout): { member: string; close: string } | undefined {
  const close = index.indentation(index.lineAt(object.start));
  const first = object.members[0];
  if (first) {
    const own = leadingIndent(index, first.keyStart);
    return own === undefined ? undefined : { member: own, close };
  }
  // Empty object: one-line only when the whole file is on one line.
  if (index.lineCount === 1 && index.text.length > 2) return undefined;
  return { member: close + layout.unit, close };
}

/** Text of one member: `"Key": value`, nested objects laid out with `indent`. */
export type MemberText = (indent: string | undefined) => string;

function isOnlyCommentOrSpace(text: string): boolean {
  return /^[ \t]*(?:\/\/.*|\/\*.*\*\/[ \t]*)?$/.test(text);
}

/** Inserts members after `anchor` (undefined = as the first members of an empty object). */
export function insertMembersAfter(index: TextIndex, object: JsonObject, anchor: JsonMember | undefined, members: MemberText[], layout: JsonLayout): TextEdit[] {
  const indent = memberIndent(index, object, layout);
  const eol = index.eol;
  if (!anchor) {
    const interior = index.text.slice(object.start + 1, object.end - 1);
    const onlySpace = /^\s*$/.test(interior);
    if (!indent) return [makeEdit(index, object.start + 1, onlySpace ? object.end - 1 : object.start + 1, members.map((m) => m(undefined)).join(`,${layout.inlineGap}`))];
    const body = eol + members.map((m) => indent.member + m(indent.member)).join(`,${eol}`);
    if (onlySpace) return [makeEdit(index, object.start + 1, object.end - 1, `${body}${eol}${indent.close}`)];
    return [makeEdit(index, object.start + 1, object.start + 1, `${body}${eol}`)];
  }
  const afterValue = anchor.commaAt !== undefined ? anchor.commaAt + 1 : anchor.value.end;
  const line = index.lineAt(afterValue);
  const rest = index.text.slice(afterValue, index.contentEnds[line]);
  const followedByComma = anchor.commaAt !== undefined;
  if (!indent || !isOnlyCommentOrSpace(rest)) {
    // One-line object (or more members on this line): stay on the line.
    const inline = members.map((m) => m(undefined));
    const gap = layout.inlineGap;
    if (followedByComma) return [makeEdit(index, afterValue, afterValue, inline.map((m) => `${gap}${m},`).join(''))];
    return [makeEdit(index, afterValue, afterValue, inline.map((m) => `,${gap}${m}`).join(''))];
  }
  const lines = members.map((m) => eol + indent.member + m(indent.member));
  const at = index.contentEnds[line];
  if (followedByComma) return [makeEdit(index, at, at, lines.map((l) => `${l},`).join(''))];
  const edits = [makeEdit(index, anchor.value.end, anchor.value.end, ',')];
  edits.push(makeEdit(index, at, at, lines.join(',')));
  return edits;
}

/** Inserts members right before `anchor` (always followed by a comma, since the anchor follows). */
export function insertMembersBefore(index: TextIndex, object: JsonObject, anchor: JsonMember, members: MemberText[], layout: JsonLayout): TextEdit[] {
  const indent = memberIndent(index, object, layout);
  const own = leadingIndent(index, anchor.keyStart);
  if (!indent || own === undefined) {
    return [makeEdit(index, anchor.keyStart, anchor.keyStart, members.map((m) => `${m(undefined)},${layout.inlineGap}`).join(''))];
  }
  const at = index.lineStarts[index.lineAt(anchor.keyStart)];
  return [makeEdit(index, at, at, members.map((m) => `${own}${m(own)},${index.eol}`).join(''))];
}
