// Bundles the extension, the CLI and the emulator into dist/.
// `--production` minifies; `--watch` rebuilds on change.
const esbuild = require('esbuild');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * axios's Node build imports form-data (and through it mime-db, ~135 KB) for multipart
 * uploads. MoMo never sends multipart bodies, so a tiny stand-in keeps them out of the bundle.
 */
const formDataStub = {
  name: 'form-data-stub',
  setup(build) {
    build.onResolve({ filter: /^form-data$/ }, () => ({
      path: path.join(__dirname, 'scripts', 'form-data-stub.js'),
    }));
  },
};

const entries = [
  { in: 'src/extension.ts', out: 'extension' },
  { in: 'src/cli/main.ts', out: 'cli' },
  { in: 'src/emulator/main.ts', out: 'emulator' },
];

async function main() {
  const fs = require('fs');
  const present = entries.filter((e) => fs.existsSync(e.in));
  const ctx = await esbuild.context({
    entryPoints: present,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outdir: 'dist',
    external: ['vscode'],
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
    plugins: [formDataStub],
  });
  if (watch) {
    await ctx.watch();
    return;
  }
  const result = await ctx.rebuild();
  if (process.argv.includes('--meta')) {
    fs.writeFileSync('dist/meta.json', JSON.stringify(result.metafile));
  }
  await ctx.dispose();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
