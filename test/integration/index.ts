// The mocha entry VS Code loads in the extension host (its extensionTestsPath).
// Runs every out/test/integration/**/*.test.js with `describe`/`it`; a failure rejects, which
// VS Code turns into exit code 1. MOMO_TEST_GREP narrows the run to matching test titles.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { SummaryReporter } from './harness/reporter';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 30_000,
    reporter: SummaryReporter,
    grep: process.env.MOMO_TEST_GREP || undefined,
  });
  const files = findTestFiles(__dirname);
  files.forEach((file) => mocha.addFile(file));

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else if (runner.stats?.tests === 0) reject(new Error(`no integration test ran (${files.length} file(s) found)`));
        else resolve();
      });
    } catch (err) {
      reject(err); // a test file that throws while loading
    }
  });
}

function findTestFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.js'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
