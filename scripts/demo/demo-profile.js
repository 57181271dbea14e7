// The demo's VS Code profile, shaped like test/runners' TestEnvironment so startCodeServer()
// takes it as is. Unlike a test profile it lives at a fixed place in .vscode-test/ and is kept
// after the demo stops (to look at what "Insert into Settings" wrote); the next run starts over.
'use strict';

const fs = require('fs');
const path = require('path');
const { ROOT } = require('./compiled-helpers');

const PROFILE_DIR = path.join(ROOT, '.vscode-test', 'demo');
const WORKSPACE_DIR = path.join(ROOT, '.vscode-test', 'demo-workspace');
const SAMPLE_PROJECT = path.join(ROOT, 'test', 'fixtures', 'workspace');

/**
 * A fresh copy of the sample Django project, an empty extensions folder and these settings,
 * written by test/runners' writeProfileSettings (base URLs go to the Remote settings file that
 * code-server reads them from).
 * @param {Record<string, unknown>} settings
 * @param {(userDataDir: string, settings: Record<string, unknown>) => { user: string; machine: string }} writeSettings
 */
function createDemoProfile(settings, writeSettings) {
  for (const dir of [PROFILE_DIR, WORKSPACE_DIR]) fs.rmSync(dir, { recursive: true, force: true });
  const userDataDir = path.join(PROFILE_DIR, 'user-data');
  const extensionsDir = path.join(PROFILE_DIR, 'extensions');

  fs.cpSync(SAMPLE_PROJECT, WORKSPACE_DIR, { recursive: true });
  writeSettings(userDataDir, settings);
  fs.mkdirSync(extensionsDir, { recursive: true });

  return {
    root: PROFILE_DIR,
    workspace: WORKSPACE_DIR,
    userDataDir,
    extensionsDir,
    settings,
    newWorkspace() {
      throw new Error('the demo has a single workspace');
    },
    dispose() {
      // Kept on purpose (see above).
    },
  };
}

module.exports = { WORKSPACE_DIR, createDemoProfile };
