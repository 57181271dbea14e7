/**
 * Seeded random settings files for the property test: Python, dotenv and JSON documents
 * mixing MoMo and unrelated assignments, placeholders and real-looking values, comments,
 * multi-line values, duplicates, CRLF / LF, BOM and missing final newlines. Generated files
 * are valid in their language, so a broken output is the planner's fault.
 */

/** mulberry32: tiny, fast, good enough to explore inputs reproducibly. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)];
  const chance = (p: number) => next() < p;
  const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[int(16)]).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
  return { next, int, pick, chance, hex, uuid };
}

export type Random = ReturnType<typeof createRandom>;

export const MOMO_NAMES = [
  'MOMO_API_USER',
  'MOMO_API_KEY',
  'MOMO_API_USER_ID',
  'MOMO_SUBSCRIPTION_KEY',
  'MOMO_COLLECTION_SUBSCRIPTION_KEY',
  'MOMO_COLLECTION_USER_ID',
  'MOMO_COLLECTION_API_KEY',
  'MOMO_DISBURSEMENT_API_USER',
  'MTN_MOMO_API_KEY',
  'MOMO_CLIENT_ID',
  'MOMO_TARGET_ENVIRONMENT',
  'MOMO_CURRENCY',
  'MOMO_BASE_URL',
];
const OTHER_NAMES = ['DEBUG', 'SECRET_KEY', 'DATABASE_URL', 'TIME_ZONE', 'ALLOWED_HOST', 'REDIS_URL', 'PAGE_SIZE', 'APP_NAME'];

function value(random: Random): string {
  return random.pick(['', 'your-api-user-id', 'xxx', 'changeme', 'f1db798c98df4bcf83b538175893bbf0', random.hex(32), random.uuid(), 'sandbox', 'EUR', 'hello world']);
}

export interface GeneratedFile {
  fileName: string;
  text: string;
}

function finish(random: Random, lines: string[]): string {
  const eol = random.chance(0.3) ? '\r\n' : '\n';
  let text = lines.join(eol);
  if (lines.length && random.chance(0.8)) text += eol;
  return (random.chance(0.15) ? '\uFEFF' : '') + text;
}

function pythonString(random: Random, text: string): string {
  const q = random.pick(['"', "'"]);
  return `${q}${text}${q}`;
}

function pythonLine(random: Random, indent: string): string[] {
  const name = random.chance(0.5) ? random.pick(MOMO_NAMES) : random.pick(OTHER_NAMES);
  switch (random.int(12)) {
    case 0:
      return [`${indent}# ${random.pick(['settings', 'MOMO_API_KEY = "x"', "it's fine"])}`];
    case 1:
      return [''];
    case 2:
      return [`${indent}${name} = os.environ.get(${pythonString(random, name)}, ${pythonString(random, value(random))})`];
    case 3:
      return [`${indent}${name} = os.getenv(${pythonString(random, name)})`];
    case 4:
      return [`${indent}${name} = (`, `${indent}    ${pythonString(random, 'part-')}`, `${indent}    ${pythonString(random, value(random))}`, `${indent})`];
    case 5:
      return [`${indent}${name} = """`, `${indent}${value(random)}`, `"""`];
    case 6:
      return [`${indent}${name} = {`, `${indent}    "a": [1, 2],  # comment`, `${indent}    'b': "x",`, `${indent}}`];
    case 7:
      return [`${indent}${name} = None`];
    case 8:
      return [`${indent}${name}: str = ${pythonString(random, value(random))}`];
    default:
      return [`${indent}${name} = ${pythonString(random, value(random))}${random.chance(0.2) ? '  # trailing' : ''}`];
  }
}

export function randomPython(random: Random): GeneratedFile {
  const lines: string[] = [];
  if (random.chance(0.3)) lines.push('"""Settings."""', '');
  if (random.chance(0.8)) lines.push(random.pick(['import os', 'import sys, os', 'import os.path']));
  if (random.chance(0.3)) lines.push('from pathlib import Path');
  if (random.chance(0.15)) lines.push('from dotenv import load_dotenv', 'load_dotenv()');
  const count = random.int(25);
  for (let i = 0; i < count; i++) {
    const block = random.int(10);
    if (block === 0) {
      // A body needs a statement: a comment alone would not parse.
      lines.push('if DEBUG:', ...pythonLine(random, '    ').filter((l) => l !== ''), '    IF_BODY = 1', 'else:', '    PASS_VALUE = 1');
    } else if (block === 1) {
      lines.push('class Config:', ...pythonLine(random, '    ').filter((l) => l !== ''), '    pass');
    } else lines.push(...pythonLine(random, ''));
  }
  if (!lines.includes('import os') && !lines.some((l) => l.startsWith('import sys, os') || l.startsWith('import os.path'))) lines.unshift('import os');
  lines.unshift('DEBUG = True');
  return { fileName: random.pick(['settings.py', 'config/settings.py', 'local_settings.py']), text: finish(random, lines) };
}

export function randomDotenv(random: Random): GeneratedFile {
  const lines: string[] = [];
  const count = random.int(20);
  for (let i = 0; i < count; i++) {
    const name = random.chance(0.5) ? random.pick(MOMO_NAMES) : random.pick(OTHER_NAMES);
    const v = value(random).replace(' ', '_');
    switch (random.int(8)) {
      case 0:
        lines.push(`# ${random.pick(['comment', 'MOMO_API_USER=xxx'])}`);
        break;
      case 1:
        lines.push('');
        break;
      case 2:
        lines.push(`export ${name}="${v}"`);
        break;
      case 3:
        lines.push(`${name}='${v}'`);
        break;
      case 4:
        lines.push(`${name}=${v} # note`);
        break;
      case 5:
        lines.push(`${name} = ${v}`);
        break;
      case 6:
        lines.push(`CERT="line one`, `line two"`);
        break;
      default:
        lines.push(`${name}=${v}`);
    }
  }
  return { fileName: random.pick(['.env', '.env.local', '.env.production']), text: finish(random, lines) };
}

function jsonValue(random: Random, depth: number): unknown {
  if (depth < 3 && random.chance(0.3)) {
    const object: Record<string, unknown> = {};
    const count = random.int(4);
    for (let i = 0; i < count; i++) object[random.pick(['Logging', 'Level', 'Default', 'Url', 'Items', 'Name'])] = jsonValue(random, depth + 1);
    return object;
  }
  return random.pick([value(random), 42, true, null, [1, 'two']]);
}

export function randomJson(random: Random): GeneratedFile {
  const root: Record<string, unknown> = {};
  const count = random.int(5);
  for (let i = 0; i < count; i++) root[random.pick(['Logging', 'AllowedHosts', 'ConnectionStrings', 'Features'])] = jsonValue(random, 1);
  if (random.chance(0.6)) {
    const section: Record<string, unknown> = {};
    for (const key of ['SubscriptionKey', 'ApiUser', 'ApiKey', 'TargetEnvironment', 'Currency']) if (random.chance(0.5)) section[key] = value(random);
    const sectionName = random.pick(['MomoApiOptions', 'MoMo', 'MtnMomo']);
    if (random.chance(0.3)) root[sectionName] = { [random.pick(['Collection', 'Disbursement'])]: section };
    else root[sectionName] = section;
  }
  const indent = random.pick(['  ', '    ', '\t']);
  const json = random.chance(0.1) ? JSON.stringify(root) : JSON.stringify(root, null, indent);
  return { fileName: random.pick(['appsettings.json', 'appsettings.Development.json']), text: finish(random, json.split('\n')) };
}
