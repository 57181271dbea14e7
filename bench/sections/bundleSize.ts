/**
 * Bundle size of the production dist/extension.js, what went into it (from the metafile), and
 * the same entry rebuilt in memory without this repo's stand-ins (the before numbers) and with
 * two candidate changes (what-if numbers).
 */
import * as esbuild from 'esbuild';
import * as path from 'path';
import { buildScript, StandIn, variantBytes } from '../lib/buildScript';
import { REPO_ROOT } from '../lib/paths';
import type { ExtensionSnapshot } from '../lib/extensionSnapshot';
import { formatKb, Row, SectionResult } from '../lib/report';

const AREA = 'Bundle';
const BUDGET_BYTES = 120 * 1024;
/** Issue 15: the settings chunk (diagnostics, quick fixes) without the network code. */
const SETTINGS_CHUNK_BUDGET_BYTES = 80 * 1024;
/** Network code: none of it may be in the settings chunk. */
const NETWORK_INPUTS = /node_modules\/axios\/|src\/core\/momo\/(client|http|request)\.ts$|src\/core\/doctor\//;
/** JSON parsing: in dist/json.js, loaded by the settings and quick-fix chunks for a JSON settings file. */
const JSON_PARSER_INPUTS = /node_modules\/jsonc-parser\/|src\/core\/settings\/json\/parse\.ts$/;
/** Never used by this extension; each must be absent from the bundle. */
const MUST_BE_ABSENT = ['form-data', 'mime-db', 'mime-types', 'combined-stream', 'asynckit', 'follow-redirects', 'debug'];

/** Stand-ins for axios's own proxy handling: in the extension host VS Code proxies Node's http itself. */
const WITHOUT_AXIOS_PROXY: StandIn[] = [
  { module: 'proxy-from-env', why: 'what-if', contents: 'exports.getProxyForUrl = () => "";' },
  { module: 'https-proxy-agent', why: 'what-if', contents: 'module.exports = class HttpsProxyAgent {};' },
  { module: '../helpers/shouldBypassProxy.js', importer: /axios[\\/]lib[\\/]adapters$/, why: 'what-if', contents: 'export default () => true;' },
];

export async function measureBundle(snapshot: ExtensionSnapshot): Promise<SectionResult> {
  const output = Object.entries(snapshot.meta.outputs).find(([file]) => file.endsWith('.js'))![1];
  const groups = groupInputs(output.inputs);
  const present = MUST_BE_ABSENT.filter((pkg) => groups.some((g) => g.name === pkg));
  const biggestFiles = Object.entries(output.inputs)
    .map(([file, input]) => ({ file, bytes: input.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 15);

  const formDataOnly = buildScript.STAND_INS.filter((s) => s.module === 'form-data');
  const variants = {
    asPublished: await variantBytes({ standIns: [], charset: 'ascii', allInOne: true }),
    formDataStandInOnly: await variantBytes({ standIns: formDataOnly, charset: 'ascii', allInOne: true }),
    allInOne: await variantBytes({ allInOne: true }),
    withoutAxiosProxy: await variantBytes({ standIns: [...buildScript.STAND_INS, ...WITHOUT_AXIOS_PROXY], allInOne: true }),
  };
  const bytes = snapshot.bytes;
  const features = await chunkBundle('features');
  const featuresBytes = features.bytes;
  const settings = await chunkBundle('settings');
  const settingsNetwork = settings.inputs.filter((input) => NETWORK_INPUTS.test(input));
  const settingsJsonParser = settings.inputs.filter((input) => JSON_PARSER_INPUTS.test(input));
  const quickFixes = await chunkBundle('quickfixes');
  const quickFixNetwork = quickFixes.inputs.filter((input) => NETWORK_INPUTS.test(input));
  const json = await chunkBundle('json');
  const jsonNetwork = json.inputs.filter((input) => NETWORK_INPUTS.test(input));
  const top = groups.slice(0, 6).map((g) => `${g.name} ${formatKb(g.bytes)}`).join(', ');
  const rows: Row[] = [
    {
      area: AREA,
      measurement: 'dist/extension.js (production, minified)',
      result: formatKb(bytes),
      baseline: `${formatKb(variants.allInOne)} all in one file (no lazy features); ${formatKb(variants.formDataStandInOnly)} all in one with only the form-data stand-in; ${formatKb(variants.asPublished)} with no stand-in`,
      ratio: `${(bytes / variants.allInOne).toFixed(2)}× all in one`,
      target: '≤ 120 KB',
      met: bytes <= BUDGET_BYTES,
      note: `biggest inputs: ${top}`,
    },
    {
      area: AREA,
      measurement: 'dist/features.js (production, minified; the network chunk, loaded on the first command)',
      result: formatKb(featuresBytes),
      note: `total with dist/extension.js: ${formatKb(bytes + featuresBytes)}`,
    },
    {
      area: AREA,
      measurement: 'dist/settings.js (production, minified; loaded for the first settings file to check)',
      result: formatKb(settings.bytes),
      baseline: `${formatKb(featuresBytes + settings.bytes)} one chunk for both (dist/features.js + this)`,
      target: `≤ ${SETTINGS_CHUNK_BUDGET_BYTES / 1024} KB, no network code, no JSON parser`,
      met: settings.bytes <= SETTINGS_CHUNK_BUDGET_BYTES && settingsNetwork.length === 0 && settingsJsonParser.length === 0,
      note: [
        settingsNetwork.length ? `network code inside: ${settingsNetwork.join(', ')}` : 'no axios, no MoMo client, no doctor, no settings planner',
        settingsJsonParser.length ? `JSON parser inside: ${settingsJsonParser.join(', ')}` : `no jsonc-parser (dist/json.js); with it: ${formatKb(settings.bytes + json.bytes)}`,
      ].join('; '),
    },
    {
      area: AREA,
      measurement: 'dist/quickfixes.js (production, minified; the quick-fix list with the settings planners, loaded at the first list asked at a MoMo diagnostic)',
      result: formatKb(quickFixes.bytes),
      target: 'no network code',
      met: quickFixNetwork.length === 0,
      note: quickFixNetwork.length ? `network code inside: ${quickFixNetwork.join(', ')}` : `no axios, no MoMo client; with dist/settings.js: ${formatKb(settings.bytes + quickFixes.bytes)}`,
    },
    {
      area: AREA,
      measurement: 'dist/json.js (production, minified; JSON parsing with jsonc-parser, loaded by dist/settings.js or dist/quickfixes.js for the first JSON settings file)',
      result: formatKb(json.bytes),
      target: 'no network code',
      met: jsonNetwork.length === 0,
      note: jsonNetwork.length ? `network code inside: ${jsonNetwork.join(', ')}` : 'settings.py and .env files never load it',
    },
    {
      area: AREA,
      measurement: `absent: ${MUST_BE_ABSENT.join(', ')}`,
      result: present.length === 0 ? 'all absent' : `present: ${present.join(', ')}`,
      target: 'all absent',
      met: present.length === 0,
      note: `stand-ins (esbuild.js): ${buildScript.STAND_INS.map((s) => s.module).join(', ')}; axios kept`,
    },
    {
      area: AREA,
      measurement: 'what-if: axios without its own env-proxy code (all in one file)',
      result: formatKb(variants.withoutAxiosProxy),
      note: 'not applied: only VS Code would proxy then; the CLI bundle would lose HTTPS_PROXY support',
    },
  ];
  return { rows, data: { bytes, featuresBytes, settingsChunkBytes: settings.bytes, settingsChunkNetworkInputs: settingsNetwork, settingsChunkJsonParserInputs: settingsJsonParser, jsonChunkBytes: json.bytes, jsonChunkNetworkInputs: jsonNetwork, quickFixChunkBytes: quickFixes.bytes, quickFixChunkNetworkInputs: quickFixNetwork, budgetBytes: BUDGET_BYTES, absentChecked: MUST_BE_ABSENT, present, groups, biggestFiles, variants } };
}

/** A lazily loaded entry of esbuild.js (what dist/extension.js requires on first use), built in memory like the snapshot. */
async function chunkBundle(out: 'features' | 'settings' | 'quickfixes' | 'json'): Promise<{ bytes: number; inputs: string[] }> {
  const entry = buildScript.entries.find((e) => e.out === out)!;
  const result = await esbuild.build({
    ...buildScript.bundleOptions({ production: true, entry }),
    absWorkingDir: REPO_ROOT,
    entryPoints: [entry.in],
    outfile: path.join(REPO_ROOT, 'out', 'bench', `${out}.js`),
    write: false,
    logLevel: 'error',
  });
  const bytes = result.outputFiles!.find((file) => file.path.endsWith('.js'))!.contents.byteLength;
  return { bytes, inputs: Object.keys(result.metafile!.inputs) };
}

/** Bytes per package (node_modules) or per source folder, biggest first. */
function groupInputs(inputs: esbuild.Metafile['outputs'][string]['inputs']): Array<{ name: string; bytes: number }> {
  const totals = new Map<string, number>();
  for (const [file, input] of Object.entries(inputs)) {
    const name = packageOf(file) ?? file.split('/').slice(0, 3).join('/');
    totals.set(name, (totals.get(name) ?? 0) + input.bytesInOutput);
  }
  return [...totals].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/** The innermost package of a node_modules path ("axios/node_modules/agent-base/…" → agent-base). */
function packageOf(file: string): string | undefined {
  const matches = [...file.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)];
  return matches.length ? matches[matches.length - 1][1] : undefined;
}
