/**
 * Bundle size of dist/extension.js as built by `node esbuild.js --production --meta`, what went
 * into it (from the metafile), and the same entry rebuilt in memory without this repo's stand-ins
 * (the before numbers) and with two candidate changes (what-if numbers).
 */
import * as esbuild from 'esbuild';
import * as fs from 'fs';
import * as path from 'path';
import { BUNDLE_META, EXTENSION_BUNDLE, REPO_ROOT } from '../lib/paths';
import { formatKb, Row, SectionResult } from '../lib/report';

const AREA = 'Bundle';
const BUDGET_BYTES = 120 * 1024;
const ENTRY = 'src/extension.ts';
/** Never used by this extension; each must be absent from the bundle. */
const MUST_BE_ABSENT = ['form-data', 'mime-db', 'mime-types', 'combined-stream', 'asynckit', 'follow-redirects', 'debug'];

interface StandIn {
  module: string;
  importer?: RegExp;
  why: string;
  file?: string;
  contents?: string;
}

interface BuildScript {
  STAND_INS: StandIn[];
  bundleOptions(options: { production: boolean; standIns?: StandIn[] }): esbuild.BuildOptions;
}

/** Stand-ins for axios's own proxy handling: in the extension host VS Code proxies Node's http itself. */
const WITHOUT_AXIOS_PROXY: StandIn[] = [
  { module: 'proxy-from-env', why: 'what-if', contents: 'exports.getProxyForUrl = () => "";' },
  { module: 'https-proxy-agent', why: 'what-if', contents: 'module.exports = class HttpsProxyAgent {};' },
  { module: '../helpers/shouldBypassProxy.js', importer: /axios[\\/]lib[\\/]adapters$/, why: 'what-if', contents: 'export default () => true;' },
];

export async function measureBundle(): Promise<SectionResult> {
  if (!fs.existsSync(BUNDLE_META)) throw new Error(`${BUNDLE_META} is missing: run node esbuild.js --production --meta first`);
  const meta = JSON.parse(fs.readFileSync(BUNDLE_META, 'utf8')) as esbuild.Metafile;
  const output = meta.outputs['dist/extension.js'];
  if (!output) throw new Error('dist/meta.json has no dist/extension.js output');
  const bytes = fs.statSync(EXTENSION_BUNDLE).size;
  const minified = !fs.readFileSync(EXTENSION_BUNDLE, 'utf8').includes('\n\n');

  const groups = groupInputs(output.inputs);
  const present = MUST_BE_ABSENT.filter((pkg) => groups.some((g) => g.name === pkg));
  const biggestFiles = Object.entries(output.inputs)
    .map(([file, input]) => ({ file, bytes: input.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 10);

  const script = require(path.join(REPO_ROOT, 'esbuild.js')) as BuildScript;
  const formDataOnly = script.STAND_INS.filter((s) => s.module === 'form-data');
  const variants = {
    asPublished: await buildSize(script, { standIns: [], charset: 'ascii' }),
    formDataStandInOnly: await buildSize(script, { standIns: formDataOnly, charset: 'ascii' }),
    withoutAxiosProxy: await buildSize(script, { standIns: [...script.STAND_INS, ...WITHOUT_AXIOS_PROXY] }),
    axiosInSeparateFile: await buildSize(script, { external: ['axios'] }),
  };

  const top = groups.slice(0, 6).map((g) => `${g.name} ${formatKb(g.bytes)}`).join(', ');
  const rows: Row[] = [
    {
      area: AREA,
      measurement: `dist/extension.js${minified ? ' (minified)' : ' (NOT minified: run the production build)'}`,
      result: formatKb(bytes),
      baseline: `${formatKb(variants.asPublished)} as published; ${formatKb(variants.formDataStandInOnly)} with the form-data stand-in only`,
      ratio: `${((bytes / variants.asPublished) * 100).toFixed(0)}% of as published`,
      target: '≤ 120 KB',
      met: bytes <= BUDGET_BYTES,
      note: `biggest inputs: ${top}`,
    },
    {
      area: AREA,
      measurement: `absent: ${MUST_BE_ABSENT.join(', ')}`,
      result: present.length === 0 ? 'all absent' : `present: ${present.join(', ')}`,
      target: 'all absent',
      met: present.length === 0,
      note: `stand-ins in esbuild.js: ${script.STAND_INS.map((s) => s.module).join(', ')}; axios kept`,
    },
    {
      area: AREA,
      measurement: 'what-if: axios without its own env-proxy code',
      result: formatKb(variants.withoutAxiosProxy),
      note: 'not applied: only VS Code would then proxy (http.proxySupport); the CLI would lose HTTPS_PROXY',
    },
    {
      area: AREA,
      measurement: 'what-if: axios in a separate, lazily required file',
      result: formatKb(variants.axiosInSeparateFile),
      note: 'needs a src change (require the HTTP stack on first network call); activation does no network',
    },
  ];
  return {
    rows,
    data: { bytes, budgetBytes: BUDGET_BYTES, minified, absentChecked: MUST_BE_ABSENT, present, groups, biggestFiles, variants },
  };
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

async function buildSize(script: BuildScript, variant: { standIns?: StandIn[]; charset?: 'ascii'; external?: string[] }): Promise<number> {
  const options = script.bundleOptions({ production: true, standIns: variant.standIns });
  const result = await esbuild.build({
    ...options,
    ...(variant.charset ? { charset: variant.charset } : {}),
    external: [...(options.external ?? []), ...(variant.external ?? [])],
    absWorkingDir: REPO_ROOT,
    entryPoints: [ENTRY],
    outfile: 'dist/extension.js',
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles.find((file) => file.path.endsWith('.js'))!.contents.byteLength;
}
