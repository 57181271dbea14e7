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
  // the network chunk (commands), the settings chunk (diagnostics, no axios) and the quick-fix
  // chunk (the quick-fix list with the planners, no axios).
  { in: 'src/vscode/features.ts', out: 'features' },
  { in: 'src/vscode/settingsChunk.ts', out: 'settings' },
  { in: 'src/vscode/quickFixChunk.ts', out: 'quickfixes' },
  { in: 'src/cli/main.ts', out: 'cli' },
  { in: 'src/emulator/main.ts', out: 'emulator' },
];

/** The options every bundle is built with; `standIns` defaults to STAND_INS. */
function bundleOptions({ production, standIns = STAND_INS }) {
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
    plugins: [standInPlugin(standIns)],
  };
}

/** Lines the "npm: watch" task in .vscode/tasks.json waits for, and the errors in a form it can match. */
const watchReporter = {
  name: 'watch-reporter',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

async function main() {
  const production = process.argv.includes('--production');
  const watch = process.argv.includes('--watch');
  const present = entries.filter((e) => fs.existsSync(path.join(__dirname, e.in)));
  const options = bundleOptions({ production });
  const ctx = await esbuild.context({
    ...options,
    plugins: watch ? [...options.plugins, watchReporter] : options.plugins,
    absWorkingDir: __dirname,
    entryPoints: present,
    outdir: 'dist',
  });
  if (watch) {
    await ctx.watch();
    return;
  }
  const result = await ctx.rebuild();
  if (process.argv.includes('--meta')) {
    fs.writeFileSync(path.join(__dirname, 'dist', 'meta.json'), JSON.stringify(result.metafile));
  }
  await ctx.dispose();
}

module.exports = { STAND_INS, bundleOptions, entries };

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
