// Installs the packaged .vsix into the demo profile the way a user would (code-server's
// --install-extension), so the demo runs what ships and not the working tree.
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

/**
 * @param {string} codeServerEntry code-server's out/node/entry.js
 * @param {{ root: string, userDataDir: string, extensionsDir: string }} profile
 * @param {string} vsix
 */
function installExtension(codeServerEntry, profile, vsix) {
  const env = { ...process.env };
  delete env.PORT; // code-server reads $PORT even for CLI-only commands
  const result = spawnSync(
    process.execPath,
    [
      codeServerEntry,
      '--config', path.join(profile.root, 'code-server.yaml'),
      '--user-data-dir', profile.userDataDir,
      '--extensions-dir', profile.extensionsDir,
      '--install-extension', vsix,
      '--force',
    ],
    { encoding: 'utf8', env },
  );
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  if (result.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`code-server could not install ${path.basename(vsix)}:\n${output || result.error}`);
  }
}

/**
 * The installed copy of extension `id` (publisher.name), as code-server records it in
 * extensions.json, or undefined when it is missing or its files are not there.
 * @returns {{ id: string, version: string, dir: string } | undefined}
 */
function findInstalledExtension(extensionsDir, id) {
  let records;
  try {
    records = JSON.parse(fs.readFileSync(path.join(extensionsDir, 'extensions.json'), 'utf8'));
  } catch {
    return undefined;
  }
  const record = records.find((r) => r.identifier && r.identifier.id.toLowerCase() === id.toLowerCase());
  if (!record) return undefined;
  const dir = path.join(extensionsDir, record.relativeLocation ?? `${id}-${record.version}`);
  if (!fs.existsSync(path.join(dir, 'package.json'))) return undefined;
  return { id: record.identifier.id, version: record.version, dir };
}

module.exports = { installExtension, findInstalledExtension };
