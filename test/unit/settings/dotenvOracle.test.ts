import * as assert from 'assert';
import * as dotenv from 'dotenv';
import { scanDotenv } from '../../../src/core/settings/dotenv/scan';
import { applyEdits, planCredentialInsert } from '../../../src/core/settings';

/**
 * Node's dotenv as an oracle for our dotenv scanner: on every file built from the shapes real
 * .env files have, both must read the same names and values. The two places where loaders
 * disagree among themselves are pinned separately below, with the choice we made.
 */

/** A small deterministic generator (mulberry32), so a failure names a seed that reproduces it. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['MOMO_API_USER', 'MOMO_API_KEY', 'MOMO_SUBSCRIPTION_KEY', 'DEBUG', 'DATABASE_URL', 'APP.NAME', 'X-Y', '_PRIVATE'];
const OPERATORS = ['=', ' = ', '=\t', ' =', ': '];
const BARE = ['', 'plain', '604eefeda5a9f82c1d33fcb6eb24206f', 'a b c', 'https://x.example/a?b=c', '1234', 'trailing   '];
const QUOTED = ['"double"', "'single'", '`tick`', '"with # hash"', '"a\\nb"', '"multi\nline"', '""'];
const COMMENTS = ['', ' # a comment', '\t# tab comment'];
const OTHER_LINES = ['# a comment', '', '   ', '#MOMO_API_KEY=commented out'];

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)] as T;
}

function generateFile(seed: number): string {
  const next = random(seed);
  const eol = next() < 0.3 ? '\r\n' : '\n';
  const lines: string[] = [];
  const count = 1 + Math.floor(next() * 8);
  for (let i = 0; i < count; i++) {
    if (next() < 0.25) {
      lines.push(pick(next, OTHER_LINES));
      continue;
    }
    const exported = next() < 0.2 ? 'export ' : '';
    const value = next() < 0.5 ? pick(next, BARE) : pick(next, QUOTED);
    const comment = value.trim() === '' ? '' : pick(next, COMMENTS);
    lines.push(`${exported}${pick(next, NAMES)}${pick(next, OPERATORS)}${value}${comment}`);
  }
  return lines.join(eol) + (next() < 0.7 ? eol : '');
}

function ours(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of scanDotenv(text).entries) out[entry.name] = entry.literal?.value ?? '';
  return out;
}

describe('dotenv scanner against Node dotenv (oracle)', () => {
  it('reads the same names and values on 600 generated files', () => {
    for (let seed = 1; seed <= 600; seed++) {
      const text = generateFile(seed);
      // Node dotenv has no `\r` handling inside a double-quoted value across CRLF lines.
      if (text.includes('\r\n') && /"[^"\n]*\r?\n[^"]*"/.test(text)) continue;
      assert.deepStrictEqual(ours(text), { ...dotenv.parse(text) }, `seed ${seed}:\n${JSON.stringify(text)}`);
    }
  });

  describe('where the loaders disagree, the choice we made', () => {
    it('a # starts a comment only after white space, as python-dotenv and phpdotenv read it', () => {
      assert.deepStrictEqual(ours('A=ab#c\n'), { A: 'ab#c' });
      assert.deepStrictEqual({ ...dotenv.parse('A=ab#c\n') }, { A: 'ab' }, 'Node dotenv cuts at any #');
      assert.deepStrictEqual(ours('A=ab #c\n'), { A: 'ab' });
    });

    it('an escaped quote inside double quotes is a quote, as python-dotenv reads it', () => {
      assert.deepStrictEqual(ours('A="esc\\"aped"\n'), { A: 'esc"aped' });
      assert.deepStrictEqual({ ...dotenv.parse('A="esc\\"aped"\n') }, { A: 'esc\\"aped' }, 'Node dotenv keeps the backslash');
    });

    it('NAME: value is an entry (Node dotenv reads it), so a key is updated there, not added twice', () => {
      assert.deepStrictEqual(ours('MOMO_API_KEY: old\n'), { MOMO_API_KEY: 'old' });
      const before = 'MOMO_API_USER: old-user\nMOMO_API_KEY: old\n';
      const plan = planCredentialInsert(
        { fileName: '/p/.env', languageId: 'plaintext', text: before },
        { apiUser: '8f8d0c2e-6c5b-4c8e-9a53-0c1f0e3c9b7a', apiKey: '0123456789abcdef0123456789abcdef' },
      );
      assert.ok(plan.ok, JSON.stringify(plan));
      const text = applyEdits(before, plan.edits);
      assert.strictEqual((text.match(/MOMO_API_KEY/g) ?? []).length, 1, text);
      assert.deepStrictEqual({ ...dotenv.parse(text) }, { MOMO_API_USER: '8f8d0c2e-6c5b-4c8e-9a53-0c1f0e3c9b7a', MOMO_API_KEY: '0123456789abcdef0123456789abcdef' });
    });
  });
});
