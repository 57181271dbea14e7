/**
 * Detection only, for files the planner does not write yet (YAML, shell scripts, JS/TS,
 * PHP, docs): one `NAME = value` / `NAME: value` / `define('NAME', 'value')` per line, so a
 * committed subscription key is found wherever it hides.
 */
import { classifyNameFast as classifyName } from '../names/classify';
import type { ScannedSettings, ScannedVariable } from '../model';
import { TextIndex } from '../text/textIndex';

const LINE =
  /^[ \t]*(?:export[ \t]+|(?:const|let|var|readonly|static|public|private)[ \t]+|set[ \t]+|\$env:|\$|define\([ \t]*)?(["']?)([A-Za-z_][A-Za-z0-9_.]*)\1[ \t]*(?::[ \t]*[A-Za-z<>[\]]+[ \t]*)?(?:=>|:=|=|:|,)[ \t]*(["'`]?)([^"'`\s,;#)]*)(["'`]?)/;

export function scanGeneric(text: string): ScannedSettings {
  const index = new TextIndex(text);
  const variables: ScannedVariable[] = [];
  for (let line = 0; line < index.lineCount; line++) {
    const lineStart = line === 0 ? index.bodyStart : index.lineStarts[line];
    const lineText = text.slice(lineStart, index.contentEnds[line]);
    if (!/momo|mtn|collection|disbursement|remittance/i.test(lineText)) continue;
    const match = LINE.exec(lineText);
    if (!match) continue;
    const [whole, , name, open, value, close] = match;
    if (open !== close) continue;
    const info = classifyName(name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : name);
    if (!info.isMomo) continue;
    const nameStart = lineStart + lineText.indexOf(name);
    const valueEnd = lineStart + whole.length;
    const valueStart = valueEnd - value.length - open.length - close.length;
    variables.push({
      name,
      info,
      nameStart,
      nameEnd: nameStart + name.length,
      startLine: line,
      endLine: line,
      literal: { value, start: valueStart, end: valueEnd },
    });
  }
  return { dialect: 'unsupported', index, variables };
}
