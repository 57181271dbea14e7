// `--check` (npm run test:demo): proves that what the demo prints works, the way a person would
// use it: the URL opens the sample project, the packaged extension is what VS Code loads, the
// printed key provisions on the emulator, and the workbench comes up with the extension active.
'use strict';

const fs = require('fs');
const path = require('path');

const OUTPUT_CHANNEL = 'MoMo'; // the extension's LogOutputChannel

/**
 * @param {object} demo
 * @param {ReturnType<import('./compiled-helpers').loadCompiledHelpers>} demo.helpers
 * @param {{ baseUrl: string }} demo.server
 * @param {{ workspace: string, userDataDir: string, extensionsDir: string }} demo.profile
 * @param {{ url: string, apiUserCount(): number }} demo.emulator
 * @param {string} demo.subscriptionKey
 * @param {{ publisher: string, name: string, version: string }} demo.manifest the repo's package.json
 * @returns {Promise<{ passed: number, failed: number, skipped: number }>}
 */
async function runDemoChecks(demo) {
  const checks = [
    [`${demo.server.baseUrl}/ answers 200 and opens the sample project`, () => checkUrlOpensWorkspace(demo)],
    ['the packaged extension is installed in the demo profile', () => checkExtensionInstalled(demo)],
    ['the Remote (machine) settings point momo.sandbox.baseUrl at the emulator', () => checkSettings(demo)],
    ['the emulator provisions an API user with the printed key', () => checkEmulatorProvisions(demo)],
    ['the workbench loads in Chromium with the installed extension active', () => checkWorkbench(demo)],
  ];
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const [title, check] of checks) {
    try {
      const detail = await check();
      counts.passed += 1;
      console.log(`  ✔ ${title}${detail ? ` (${detail})` : ''}`);
    } catch (err) {
      counts.failed += 1;
      console.log(`  ✖ ${title}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return counts;
}

/** code-server redirects "/" to "/?folder=<last or given folder>": that must be the demo's copy. */
async function checkUrlOpensWorkspace({ server, profile }) {
  const first = await fetch(`${server.baseUrl}/`, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
  const location = first.headers.get('location');
  if (first.status !== 302 || !location) throw new Error(`expected a redirect to the workspace, got ${first.status}`);
  const target = new URL(location, server.baseUrl);
  if (target.searchParams.get('folder') !== profile.workspace) {
    throw new Error(`it opens ${target.searchParams.get('folder') ?? 'no folder'}, not ${profile.workspace}`);
  }
  const page = await fetch(target, { signal: AbortSignal.timeout(10_000) });
  await page.arrayBuffer();
  if (page.status !== 200) throw new Error(`${target} answered ${page.status}`);
  return `→ ?folder=${path.relative(process.cwd(), profile.workspace)}`;
}

function checkExtensionInstalled({ profile, manifest }) {
  const { findInstalledExtension } = require('./extension-install');
  const id = `${manifest.publisher}.${manifest.name}`;
  const installed = findInstalledExtension(profile.extensionsDir, id);
  if (!installed) throw new Error(`${id} is not in ${profile.extensionsDir}/extensions.json`);
  if (installed.version !== manifest.version) throw new Error(`installed ${installed.version}, package.json says ${manifest.version}`);
  const shipped = JSON.parse(fs.readFileSync(path.join(installed.dir, 'package.json'), 'utf8'));
  if (!fs.existsSync(path.join(installed.dir, shipped.main))) throw new Error(`the installed copy has no ${shipped.main}`);
  return `${installed.id}@${installed.version}`;
}

function checkSettings({ profile, emulator }) {
  // code-server's window is remote: a machine-overridable setting is read from Machine/, not User/.
  const settings = JSON.parse(fs.readFileSync(path.join(profile.userDataDir, 'Machine', 'settings.json'), 'utf8'));
  const baseUrl = settings['momo.sandbox.baseUrl'];
  if (baseUrl !== emulator.url) throw new Error(`it is ${JSON.stringify(baseUrl)}, the emulator is ${emulator.url}`);
  return baseUrl;
}

async function checkEmulatorProvisions({ helpers, emulator, subscriptionKey }) {
  const before = emulator.apiUserCount();
  try {
    const result = await helpers.provision.provision({
      baseUrl: emulator.url,
      product: 'collection',
      subscriptionKey,
      callbackHost: 'localhost',
      timeoutMs: 10_000,
    });
    if (emulator.apiUserCount() !== before + 1) throw new Error('the emulator recorded no new API user');
    return `API user ${result.apiUser.slice(0, 8)}…`;
  } finally {
    helpers.momoHttp.destroyAgents(); // keep-alive sockets would hold the emulator's close()
  }
}

/**
 * No extension-development payload in the URL: what loads is the copy installed from the .vsix.
 * Showing its log proves it activated; opening its view proves the view container and icon ship.
 */
async function checkWorkbench({ helpers, server, manifest }) {
  const { launchBrowser, saveScreenshot } = helpers.browser;
  const { waitForWorkbench, showOutputChannelByCommand } = helpers.workbench;
  const session = await launchBrowser();
  try {
    const { page } = session;
    await page.goto(`${server.baseUrl}/`);
    await waitForWorkbench(page);
    const runs = await showOutputChannelByCommand(page, commandTitle(manifest, 'momo.showLog'), OUTPUT_CHANNEL);
    const container = manifest.contributes.viewsContainers.activitybar[0].title;
    await page.locator(`.part.activitybar .action-item a.action-label[aria-label^="${container}"]`).first().click();
    const sidebarTitle = page.locator('.part.sidebar .composite.title');
    await sidebarTitle.waitFor({ state: 'visible', timeout: 15_000 });
    const shown = await sidebarTitle.innerText();
    if (!shown.toLowerCase().includes(container.toLowerCase())) throw new Error(`the sidebar shows "${shown}", not the ${container} view`);
    await page.mouse.move(900, 700); // no hover tooltip over the view in the screenshot
    const shot = await saveScreenshot(page, 'demo-check');
    const retried = runs > 1 ? `, the log showed after ${runs} runs of the command` : '';
    return `screenshot ${path.relative(process.cwd(), shot)}${retried}`;
  } finally {
    await session.close();
  }
}

/** "MoMo: Show Log": the palette title of a command contributed by the manifest. */
function commandTitle(manifest, id) {
  const command = manifest.contributes.commands.find((c) => c.command === id);
  if (!command) throw new Error(`package.json contributes no ${id} command`);
  return command.category ? `${command.category}: ${command.title}` : command.title;
}

module.exports = { runDemoChecks };
