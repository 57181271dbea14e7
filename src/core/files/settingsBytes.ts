/**
 * A settings file's bytes as text the planner can edit, and back, without changing one byte the
 * plan did not mean to change. UTF-8 files (BOM or not) are decoded as UTF-8. Files with bytes
 * that are not UTF-8 (a `# café` written in Latin-1, a `coding: latin-1` module) are decoded
 * byte for byte (one character per byte) so every untouched byte comes back exactly; the
 * planner only inserts ASCII into them. UTF-16/32 and binary files are refused: inserting
 * one-byte characters would corrupt them.
 */

export type SettingsEncoding = 'utf8' | 'bytes';

export type DecodedSettings =
  | { ok: true; text: string; encoding: SettingsEncoding; /** 1-based line of the first byte that is not UTF-8. */ foreignLine?: number }
  | { ok: false; message: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** 1-based line of the first byte sequence that is not valid UTF-8, or undefined. */
export function firstNonUtf8Line(bytes: Uint8Array): number | undefined {
  let line = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b === 0x0a) line++;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return line;
    try {
      strictUtf8.decode(bytes.subarray(i, i + length));
    } catch {
      return line;
    }
    i += length;
  }
  return undefined;
}

function looksUtf16or32(bytes: Uint8Array): boolean {
  const [a, b] = bytes;
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return true;
  return bytes.subarray(0, 4096).includes(0);
}

export function decodeSettingsBytes(bytes: Uint8Array, fileName: string): DecodedSettings {
  if (looksUtf16or32(bytes)) {
    return {
      ok: false,
      message: `${fileName} is not a text file in UTF-8 or a one-byte encoding (it looks like UTF-16 or binary data), so nothing was written: inserting lines could corrupt it. Save it as UTF-8 first, or copy the values instead.`,
    };
  }
  try {
    return { ok: true, text: strictUtf8.decode(bytes), encoding: 'utf8' };
  } catch {
    return { ok: true, text: Buffer.from(bytes).toString('latin1'), encoding: 'bytes', foreignLine: firstNonUtf8Line(bytes) };
  }
}

/**
 * The bytes of `text` in the file's encoding. For a byte-for-byte file every character must be
 * one byte; the edits only ever bring ASCII (names, ids, keys), so anything else is refused.
 */
export function encodeSettingsText(text: string, encoding: SettingsEncoding): Buffer {
  if (encoding === 'utf8') return Buffer.from(text, 'utf8');
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 0xff) throw new RangeError('A character that does not fit the file\'s one-byte encoding was about to be written.');
  }
  return Buffer.from(text, 'latin1');
}

/** Edits brought into a byte-for-byte file must be plain ASCII, so they mean the same in any one-byte encoding. */
export function onlyAsciiInserted(newTexts: readonly string[]): boolean {
  return newTexts.every((t) => {
    for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) > 0x7f) return false;
    return true;
  });
}
