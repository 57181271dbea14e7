#!/usr/bin/env node
// Checks a packaged .vsix the way the Marketplace and a user would see it:
//   node scripts/check-package.js [file.vsix]
// Without a file it checks the one `npm run package` writes (<name>-<version>.vsix, vsce's default);
// `npm run test:package` runs both.
// Nothing from the working tree is trusted: the file list and the manifest come from the .vsix.
'use strict';

const fs = require('fs');
const path = require('path');
const yauzl = require('yauzl');

const MAX_BYTES = 300 * 1024;
const PREFIX = 'extension/'; // vsce puts the extension's files under extension/ in the zip

/** Never shipped: sources, tests, build leftovers, source maps, local secrets. */
const FORBIDDEN = [
  { pattern: /^(src|test|out|bench|node_modules|\.vscode-test|test-artifacts)\//, why: 'sources, tests or build folders' },
  { pattern: /\.map$/, why: 'source maps' },
  { pattern: /(^|\/)\.env[^/]*$/, why: '.env files' },
  { pattern: /(?<!\.d)\.ts$/, why: 'TypeScript sources' },
  { pattern: /\.vsix$/, why: 'packages inside the package' },
];

/** vsce renames these; match what it writes. */
const REQUIRED_DOCS = [
  { label: 'README', pattern: /^readme\.md$/i },
  { label: 'CHANGELOG', pattern: /^changelog\.md$/i },
  { label: 'LICENSE', pattern: /^licen[cs]e(\.txt|\.md)?$/i },
];

/** Strings in `contributes` that name a file of the extension (icons, walkthrough media). */
const LOCAL_MEDIA = /^(\.\/)?[\w./-]+\.(png|svg|jpe?g|gif|webp|md)$/i;

/** Every file entry of a zip (a .vsix is one) with its uncompressed bytes. */
function readZip(zip) {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (openError, archive) => {
      if (openError) return reject(openError);
      const entries = [];
      archive.on('error', reject);
      archive.on('end', () => resolve(entries));
      archive.on('entry', (entry) => {
        if (entry.fileName.endsWith('/')) return archive.readEntry();
        archive.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks = [];
          stream.on('data', (chunk) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            const data = Buffer.concat(chunks);
            entries.push({ name: entry.fileName, size: data.length, data });
            archive.readEntry();
          });
        });
      });
      archive.readEntry();
    });
  });
}

async function main(argv) {
  if (argv.length > 1 || argv[0]?.startsWith('-')) {
    console.error('Usage: node scripts/check-package.js [file.vsix]');
    return 2;
  }
  const file = argv[0] ?? defaultPackageFile();
  if (!fs.existsSync(file)) {
    console.error(`No ${file}. Build one with: npm run package`);
    return 2;
  }
  const zip = fs.readFileSync(file);
  const entries = await readZip(zip);
  const files = new Map(entries.filter((e) => e.name.startsWith(PREFIX)).map((e) => [e.name.slice(PREFIX.length), e]));
  const manifestEntry = files.get('package.json');
  if (!manifestEntry) {
    console.error(`${file} has no extension/package.json: not a VS Code extension package.`);
    return 1;
  }
  const manifest = JSON.parse(manifestEntry.data.toString('utf8'));

  printListing(file, zip.length, files);
  const checks = [
    ['no sources, tests, source maps or .env files', () => checkNothingForbidden(files)],
    [`the .vsix is under ${MAX_BYTES / 1024} KB (what users download)`, () => checkSize(zip.length)],
    ['README, CHANGELOG, LICENSE and icon are in it', () => checkDocs(files, manifest)],
    ['the manifest has icon, repository, categories and keywords', () => checkManifest(manifest)],
    ['the manifest is ready for the Marketplace page (preview, qna, banner, categories beyond Other)', () => checkMarketplaceFields(manifest)],
    ['the manifest meets Open VSX (license file, repository, publisher usable as a namespace)', () => checkOpenVsx(files, manifest)],
    ['the packaged README is the users\' one (not the contributors\')', () => checkUserReadme(files)],
    ['every file the manifest points at is in it', () => checkReferencedFiles(files, manifest)],
    ['the manifest\'s texts are in it in every language (package.nls*.json, French walkthrough)', () => checkTranslations(files, manifest)],
    ['the message bundles vscode.l10n loads are in it (l10n/bundle.l10n.<language>.json)', () => checkMessageBundles(files, manifest)],
    ['the bundles the extension loads at run time are in it', () => checkRuntimeBundles(files)],
    ['every bundle is a production build (minified, no source map)', () => checkProductionBundles(files)],
  ];
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const [title, check] of checks) {
    const { problems, detail } = check();
    if (problems.length === 0) {
      counts.passed += 1;
      console.log(`  ✔ ${title}${detail ? ` (${detail})` : ''}`);
    } else {
      counts.failed += 1;
      console.log(`  ✖ ${title}:\n${problems.map((p) => `      - ${p}`).join('\n')}`);
    }
  }
  // The closing line of the test runners (test/runners/protocol.ts), which .ci/run adds up.
  console.log(`package: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  if (counts.failed > 0) console.log('Fix .vscodeignore (what goes in) or package.json (the manifest), then: npm run test:package');
  return counts.failed > 0 ? 1 : 0;
}

function printListing(file, bytes, files) {
  const unpacked = [...files.values()].reduce((sum, e) => sum + e.size, 0);
  console.log(`${file}: ${kb(bytes)}, ${files.size} files, ${kb(unpacked)} unpacked`);
  const width = Math.max(...[...files.keys()].map((name) => name.length));
  for (const [name, entry] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`    ${name.padEnd(width)}  ${kb(entry.size).padStart(9)}`);
  }
}

// Each check returns the problems it found (none means it passed) and a short detail to show.

function checkNothingForbidden(files) {
  const problems = [];
  for (const name of files.keys()) {
    const rule = FORBIDDEN.find((r) => r.pattern.test(name));
    if (rule) problems.push(`${name}: ${rule.why} do not belong in the package`);
  }
  return { problems };
}

function checkSize(bytes) {
  const problems = bytes < MAX_BYTES ? [] : [`the .vsix is ${kb(bytes)}; the limit is ${kb(MAX_BYTES)}`];
  return { problems, detail: kb(bytes) };
}

function checkDocs(files, manifest) {
  const names = [...files.keys()];
  const problems = REQUIRED_DOCS.filter((doc) => !names.some((name) => doc.pattern.test(name))).map(
    (doc) => `no ${doc.label} at the top of the package (vsce adds it when the file exists in the repo root)`,
  );
  if (typeof manifest.icon === 'string' && !files.has(normalize(manifest.icon))) {
    problems.push(`the icon ${manifest.icon} is not in the package`);
  }
  return { problems };
}

function checkManifest(manifest) {
  const problems = [];
  if (typeof manifest.icon !== 'string' || !/\.png$/i.test(manifest.icon)) {
    problems.push('"icon" must name a PNG file (the Marketplace does not take SVG icons)');
  }
  const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  if (!repository) problems.push('"repository" (with a url) is missing');
  if (!Array.isArray(manifest.categories) || manifest.categories.length === 0) problems.push('"categories" is missing or empty');
  if (!Array.isArray(manifest.keywords) || manifest.keywords.length === 0) problems.push('"keywords" is missing or empty');
  else if (manifest.keywords.length > 30) problems.push(`"keywords" has ${manifest.keywords.length} entries; the Marketplace takes 30`);
  return { problems };
}

function checkMarketplaceFields(manifest) {
  const problems = [];
  if (manifest.preview !== true) problems.push('"preview": true until 1.0');
  if (!manifest.qna) problems.push('"qna" is missing (where users ask questions)');
  if (!manifest.galleryBanner || !/^#[0-9a-f]{6}$/i.test(manifest.galleryBanner.color ?? '')) problems.push('"galleryBanner.color" is missing');
  if (!Array.isArray(manifest.categories) || manifest.categories.every((c) => c === 'Other')) {
    problems.push('"categories" holds only "Other", which hides the extension in the Marketplace');
  }
  return { problems, detail: (manifest.categories ?? []).join(', ') };
}

/** Open VSX namespaces: letters, digits, '-' and '_'; it needs a license and a repository to publish. */
function checkOpenVsx(files, manifest) {
  const problems = [];
  if (!/^[a-z0-9][a-z0-9_-]*$/i.test(manifest.publisher ?? '')) problems.push(`"publisher" (${manifest.publisher}) is not usable as an Open VSX namespace`);
  if (!manifest.license) problems.push('"license" is missing');
  if (![...files.keys()].some((name) => /^licen[cs]e(\.txt|\.md)?$/i.test(name))) problems.push('no LICENSE file in the package');
  const repository = typeof manifest.repository === 'string' ? manifest.repository : manifest.repository?.url;
  if (!/^https:\/\//.test(repository ?? '')) problems.push('"repository.url" must be an https URL');
  return { problems, detail: `${manifest.publisher}.${manifest.name}, ${manifest.license}` };
}

function checkUserReadme(files) {
  const entry = [...files.entries()].find(([name]) => /^readme\.md$/i.test(name));
  if (!entry) return { problems: ['no README'] };
  const text = entry[1].data.toString('utf8');
  const problems = [];
  if (/^## Development/m.test(text) || /npm ci && npm test/.test(text)) problems.push('the README is the repository\'s (development sections): package with `npm run package` (--readme-path docs/marketplace/README.md)');
  if (!/not affiliated with/i.test(text)) problems.push('the README does not say that the extension is not affiliated with MTN');
  if (!/privacy/i.test(text) || !/telemetry/i.test(text)) problems.push('the README has no privacy section (what is stored where, no telemetry)');
  if (!/^## In English and French$/m.test(text)) problems.push('the README does not say that the extension speaks English and French');
  const images = [...text.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
  for (const image of images) if (!/^https:\/\//.test(image)) problems.push(`image ${image} will not show on the Marketplace page: use an absolute https URL`);
  return { problems, detail: `${images.length} images` };
}

/** `main`, `icon` and every local media file named under `contributes` (views, walkthroughs). */
function checkReferencedFiles(files, manifest) {
  const referenced = new Set([manifest.main, manifest.icon].filter(Boolean).map(normalize));
  forEachString(manifest.contributes, (text) => LOCAL_MEDIA.test(text) && referenced.add(normalize(text)));
  const problems = [...referenced].filter((name) => !files.has(name)).map((name) => `${name} is referenced but not packaged`);
  return { problems, detail: `${referenced.size} files` };
}

/** Languages the package ships besides English; each needs package.nls.<language>.json and its walkthrough markdown. */
const LANGUAGES = ['fr'];

/** Every `%key%` of the packaged manifest resolves in each packaged package.nls*.json; each walkthrough markdown has its twins. */
function checkTranslations(files, manifest) {
  const problems = [];
  const keys = new Set();
  forEachString(manifest, (text) => {
    const key = /^%([\w.-]+)%$/.exec(text)?.[1];
    if (key) keys.add(key);
  });
  for (const nlsFile of ['package.nls.json', ...LANGUAGES.map((language) => `package.nls.${language}.json`)]) {
    const entry = files.get(nlsFile);
    if (!entry) {
      problems.push(`${nlsFile} is not in the package`);
      continue;
    }
    const texts = JSON.parse(entry.data.toString('utf8'));
    const missing = [...keys].filter((key) => typeof texts[key] !== 'string');
    if (missing.length > 0) problems.push(`${nlsFile} lacks ${missing.join(', ')}`);
  }
  const markdown = (manifest.contributes?.walkthroughs ?? []).flatMap((w) => w.steps.map((s) => s.media?.markdown).filter(Boolean));
  for (const file of markdown) {
    for (const language of LANGUAGES) {
      const twin = normalize(file).replace(/\.md$/, `.nls.${language}.md`);
      if (!files.has(twin)) problems.push(`${twin} is not in the package`);
    }
  }
  return { problems, detail: `${keys.size} keys, ${['en', ...LANGUAGES].join(' + ')}` };
}

/** Files the code requires by a computed path, which no manifest field names. */
const RUNTIME_BUNDLES = [
  { file: 'dist/features.js', why: 'dist/extension.js loads it on the first command (src/vscode/lazyFeatures.ts)' },
  { file: 'dist/settings.js', why: 'dist/extension.js loads it for the first settings file to check (src/vscode/lazyFeatures.ts)' },
  { file: 'dist/quickfixes.js', why: 'dist/settings.js loads it for the first quick-fix list at a MoMo diagnostic (src/vscode/lazyFeatures.ts)' },
  { file: 'dist/json.js', why: 'dist/settings.js and dist/quickfixes.js load it to parse the first JSON settings file (src/vscode/settings/jsonChunkForwarder.ts)' },
];

function checkRuntimeBundles(files) {
  const problems = RUNTIME_BUNDLES.filter((b) => !files.has(b.file)).map((b) => `${b.file} is missing: ${b.why}`);
  return { problems, detail: RUNTIME_BUNDLES.map((b) => b.file).join(', ') };
}

/** A development bundle (`npm run build`) ends with a sourceMappingURL comment; vscode:prepublish rebuilds for production. */
function checkProductionBundles(files) {
  const bundles = [...files.keys()].filter((name) => name.startsWith('dist/') && name.endsWith('.js'));
  const problems = bundles
    .filter((name) => files.get(name).data.toString('utf8').includes('//# sourceMappingURL='))
    .map((name) => `${name} is a development build: package with \`npm run package\` (vscode:prepublish builds with --production)`);
  return { problems, detail: bundles.join(', ') };
}

/** "l10n" names the folder of the bundles; VS Code loads bundle.l10n.<language>.json from it for vscode.l10n.t. */
function checkMessageBundles(files, manifest) {
  if (typeof manifest.l10n !== 'string') return { problems: ['"l10n" is missing: VS Code loads no translation of the extension\'s messages'] };
  const problems = [];
  const names = [];
  for (const language of LANGUAGES) {
    const name = `${normalize(manifest.l10n)}/bundle.l10n.${language}.json`;
    names.push(name);
    const entry = files.get(name);
    if (!entry) {
      problems.push(`${name} is not in the package`);
      continue;
    }
    const texts = JSON.parse(entry.data.toString('utf8'));
    if (Object.keys(texts).length === 0) problems.push(`${name} is empty`);
  }
  return { problems, detail: names.join(', ') };
}

/** Calls `visit` with every string inside a JSON value. */
function forEachString(value, visit) {
  if (typeof value === 'string') visit(value);
  else if (value && typeof value === 'object') for (const child of Object.values(value)) forEachString(child, visit);
}

/** "./dist/extension.js" and "dist/extension.js" name the same entry. */
function normalize(relativePath) {
  return path.posix.normalize(relativePath.replace(/\\/g, '/')).replace(/^\.\//, '');
}

/** Where `vsce package` puts the package when not told otherwise. */
function defaultPackageFile() {
  const { name, version } = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
  return path.relative(process.cwd(), path.join(__dirname, '..', `${name}-${version}.vsix`));
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`check-package: ${err.message}`);
    process.exitCode = 1;
  },
);
