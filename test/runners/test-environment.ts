// A throw-away VS Code profile for one run: a copy of the fixture workspace, a user-data-dir with
// composed user settings, and an empty extensions-dir (only the extension under development loads).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FIXTURES_DIR, REPO_ROOT } from './paths';

export type Settings = Record<string, unknown>;

export interface TestEnvironment {
  root: string;
  workspace: string;
  userDataDir: string;
  extensionsDir: string;
  settings: Settings;
  /** Another fresh copy of the fixture workspace (VS Code keeps editors and panels per folder). */
  newWorkspace(name: string): string;
  /** Deletes the folders (kept when MOMO_KEEP_TEST_DIRS is set, for debugging). */
  dispose(): void;
}

/**
 * Quiet, deterministic workbench: no welcome page, tips, update checks or telemetry. Auto save
 * is off as in desktop VS Code (code-server's web default saves a dirty editor after a second,
 * which on a loaded machine saved the "unsaved editor" tests' documents behind their back).
 */
export const BASE_SETTINGS: Settings = {
  'files.autoSave': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'window.restoreWindows': 'none',
};

/** Later layers win; `undefined` layers are skipped, so optional parts compose cleanly. */
export function composeSettings(...layers: Array<Settings | undefined>): Settings {
  return Object.assign({}, ...layers.filter((layer) => layer !== undefined));
}

/** A teammate's test/fixtures/user-settings.json, if there is one. */
export function fixtureSettings(): Settings | undefined {
  const file = path.join(FIXTURES_DIR, 'user-settings.json');
  if (!fs.existsSync(file)) return undefined;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Settings;
  } catch (err) {
    throw new Error(`${file} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
}

export function createTestEnvironment(settings: Settings): TestEnvironment {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'momo-vscode-'));
  const workspace = path.join(root, 'workspace');
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');

  copyFixtureWorkspace(workspace);
  writeProfileSettings(userDataDir, settings);
  fs.mkdirSync(extensionsDir);

  return {
    root,
    workspace,
    userDataDir,
    extensionsDir,
    settings,
    newWorkspace(name) {
      const copy = path.join(root, 'workspaces', name.replace(/[^\w.-]+/g, '-'));
      copyFixtureWorkspace(copy);
      return copy;
    },
    dispose() {
      if (process.env.MOMO_KEEP_TEST_DIRS) console.log(`kept test folders in ${root}`);
      else fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * Writes the settings where a person using code-server keeps them. code-server's window is a
 * remote one: VS Code ignores a `machine` or `machine-overridable` setting (our base URLs) in the
 * User settings file of a remote window, and reads it from the Remote ("Machine") settings file
 * instead; before the extension's settings are registered it still reads the User value, so a
 * base URL written there is seen or not depending on timing. Each setting goes to the file that
 * VS Code reads it from: machine-scoped ones of package.json to Machine/, the rest to User/.
 */
export function writeProfileSettings(userDataDir: string, settings: Settings): { user: string; machine: string } {
  const machineScoped = machineScopedSettings();
  const user: Settings = {};
  const machine: Settings = {};
  for (const [key, value] of Object.entries(settings)) (machineScoped.has(key) ? machine : user)[key] = value;
  const files = { user: path.join(userDataDir, 'User', 'settings.json'), machine: path.join(userDataDir, 'Machine', 'settings.json') };
  fs.mkdirSync(path.dirname(files.user), { recursive: true });
  fs.mkdirSync(path.dirname(files.machine), { recursive: true });
  fs.writeFileSync(files.user, `${JSON.stringify(user, null, 2)}\n`);
  fs.writeFileSync(files.machine, `${JSON.stringify(machine, null, 2)}\n`);
  return files;
}

/** The settings package.json declares with scope `machine` or `machine-overridable`. */
export function machineScopedSettings(): Set<string> {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    contributes?: { configuration?: ConfigurationSection | ConfigurationSection[] };
  };
  const sections = [manifest.contributes?.configuration ?? []].flat();
  const keys = sections.flatMap((section) =>
    Object.entries(section.properties ?? {})
      .filter(([, schema]) => schema.scope === 'machine' || schema.scope === 'machine-overridable')
      .map(([key]) => key),
  );
  return new Set(keys);
}

interface ConfigurationSection {
  properties?: Record<string, { scope?: string }>;
}

/** test/fixtures/workspace when a teammate has made one, else a folder with a README. */
function copyFixtureWorkspace(target: string): void {
  const fixture = path.join(FIXTURES_DIR, 'workspace');
  if (fs.existsSync(fixture)) {
    fs.cpSync(fixture, target, { recursive: true });
  } else {
    fs.mkdirSync(target, { recursive: true });
    fs.writeFileSync(path.join(target, 'README.md'), '# MoMo test workspace\n\nCreated by the test runner.\n');
  }
}
