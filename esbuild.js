// Bundles the extension, the CLI and the emulator into dist/.
// `--production` minifies; `--watch` rebuilds on change; `--meta` writes dist/meta.json (read by
// `npm run bench` to check what went into each bundle). Requiring this file builds nothing: the
// bench reuses `bundleOptions` and `STAND_INS` to compare bundle variants.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

/**
 * Modules that axios's Node build imports but that never run here, replaced by tiny stand-ins.
 * This holds because every axios instance comes from src/core/momo/http.ts createHttp(): string
 * bodies, `maxRedirects: 0`, Node's http adapter. If that changes, revisit this list.
 * `module` is the import as written; `importer` (optional) limits it to imports from one folder.
 */
const STAND_INS = [
  {
    module: 'form-data',
    // Pulls in mime-db, mime-types, combined-stream, asynckit: ~135 KB minified.
    why: 'multipart bodies; MoMo requests are JSON strings',
    file: path.join(__dirname, 'scripts', 'form-data-stub.js'),
  },
  {
    module: 'follow-redirects',
    why: 'axios uses it only when maxRedirects is not 0; createHttp sets 0 (a redirect would carry the subscription key)',
    contents: `const notBundled = () => { throw new Error('following redirects is not in this build: use maxRedirects: 0'); };
module.exports = { http: { request: notBundled, get: notBundled }, https: { request: notBundled, get: notBundled } };`,
  },
  {
    module: 'debug',
    // https-proxy-agent/agent-base trace through it; with supports-color and ms it is ~12 KB.
    why: 'trace output shown only with DEBUG=<namespace>; proxy support itself is kept',
    contents: `module.exports = () => Object.assign(() => undefined, { enabled: false, extend() { return module.exports(); } });`,
  },
  {
    module: './xhr.js',
    importer: /axios[\\/]lib[\\/]adapters$/,
    why: 'browser adapter: `false` in Node anyway (no XMLHttpRequest)',
    contents: 'export default false;',
  },
  {
    module: './fetch.js',
    importer: /axios[\\/]lib[\\/]adapters$/,
    why: 'used only with adapter: "fetch"; the default order picks the http adapter first',
    contents: 'export const getFetch = () => false;\nexport default false;',
  },
];

/**
 * A stand-in for one entry's build only (its `standIns` in `entries`): the settings and quick-fix
 * chunks take JSON parsing (parse.ts and jsonc-parser, ~13 KB) from dist/json.js, required the
 * first time a JSON settings file is parsed; most settings files are settings.py or .env. The
 * CLI, the emulator, the other bundles, tsc's out/ and the unit tests import parse.ts itself.
 */
const JSON_FROM_CHUNK = {
  module: './parse',
  importer: /src[\\/]core[\\/]settings[\\/]json$/,
  why: 'JSON parsing is loaded from dist/json.js on first use',
  file: path.join(__dirname, 'src', 'vscode', 'settings', 'jsonChunkForwarder.ts'),
};

/** An esbuild plugin that resolves each stand-in's module to its file or inline contents. */
function standInPlugin(standIns) {
  return {
    name: 'stand-ins',
    setup(build) {
      standIns.forEach((standIn, index) => {
        const filter = new RegExp(`^${standIn.module.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
        build.onResolve({ filter }, (args) => {
          if (standIn.importer && !standIn.importer.test(args.resolveDir)) return undefined;
          if (standIn.file) return { path: standIn.file };
          return { path: `${standIn.module}#${index}`, namespace: 'stand-in' };
        });
      });
      build.onLoad({ filter: /#\d+$/, namespace: 'stand-in' }, (args) => ({
        contents: standIns[Number(args.path.slice(args.path.lastIndexOf('#') + 1))].contents,
        loader: 'js',
        resolveDir: __dirname,
      }));
    },
  };
}

const entries = [
  { in: 'src/extension.ts', out: 'extension' },
  // Loaded by the extension on first use (src/vscode/lazyFeatures.ts), next to extension.js:
  // the network chunk (commands), the settings chunk (diagnostics, no axios), the quick-fix
  // chunk (the quick-fix list with the planners, no axios) and the JSON chunk that both of the
  // last two load to parse a JSON settings file (`standIns`: extra stand-ins of that entry).
  { in: 'src/vscode/features.ts', out: 'features' },
  { in: 'src/vscode/settingsChunk.ts', out: 'settings', standIns: [JSON_FROM_CHUNK] },
  { in: 'src/vscode/quickFixChunk.ts', out: 'quickfixes', standIns: [JSON_FROM_CHUNK] },
  { in: 'src/vscode/jsonChunk.ts', out: 'json' },
  { in: 'src/cli/main.ts', out: 'cli' },
  { in: 'src/emulator/main.ts', out: 'emulator' },
];

/** The options every bundle is built with; `standIns` defaults to STAND_INS, and `entry` adds that entry's own. */
function bundleOptions({ production, standIns = STAND_INS, entry }) {
  return {
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode'],
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
    // Non-ASCII text (•, →, ✓ in messages) as UTF-8 bytes instead of \u escapes: smaller, same strings.
    charset: 'utf8',
    // jsonc-parser's package "main" is a UMD build esbuild cannot trim; its ESM build tree-shakes
    // to the parser and scanner we use (~10 KB). Node (tsc output, unit tests) keeps the UMD one.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    plugins: [standInPlugin([...standIns, ...(entry?.standIns ?? [])])],
  };
}

/** Entries with the same stand-ins share one build; esbuild resolves a module once for all entries of a build. */
function buildGroups(list) {
  const groups = new Map();
  for (const entry of list) {
    const key = (entry.standIns ?? []).map((standIn) => standIn.module).join('\n');
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return [...groups.values()];
}

/**
 * Lines the "npm: watch" task in .vscode/tasks.json waits for, and the errors in a form it can
 * match. One reporter for all the builds: started when the first begins, finished when the last ends.
 */
function watchReporter() {
  let running = 0;
  return {
    name: 'watch-reporter',
    setup(build) {
      build.onStart(() => {
        if (running++ === 0) console.log('[watch] build started');
      });
      build.onEnd((result) => {
        for (const { text, location } of result.errors) {
          console.error(`✘ [ERROR] ${text}`);
          if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
        }
        if (--running === 0) console.log('[watch] build finished');
      });
    },
  };
}

async function main() {
  const production = process.argv.includes('--production');
  const watch = process.argv.includes('--watch');
  const present = entries.filter((e) => fs.existsSync(path.join(__dirname, e.in)));
  const reporter = watchReporter();
  const contexts = await Promise.all(
    buildGroups(present).map((group) => {
      const options = bundleOptions({ production, entry: group[0] });
      return esbuild.context({
        ...options,
        plugins: watch ? [...options.plugins, reporter] : options.plugins,
        absWorkingDir: __dirname,
        entryPoints: group.map((e) => ({ in: e.in, out: e.out })),
        outdir: 'dist',
      });
    }),
  );
  if (watch) {
    await Promise.all(contexts.map((ctx) => ctx.watch()));
    return;
  }
  const results = await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  if (process.argv.includes('--meta')) {
    const metafile = { inputs: {}, outputs: {} };
    for (const { metafile: part } of results) {
      Object.assign(metafile.inputs, part.inputs);
      Object.assign(metafile.outputs, part.outputs);
    }
    fs.writeFileSync(path.join(__dirname, 'dist', 'meta.json'), JSON.stringify(metafile));
  }
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
}

module.exports = { STAND_INS, bundleOptions, entries };

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
