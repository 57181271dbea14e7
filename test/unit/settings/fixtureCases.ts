/**
 * The fixture corpus under test/fixtures/settings/cases: each `<case>.case.json` names an
 * input file, the exact expected output, and optionally an existing .env / .gitignore and
 * their exact expected results. Files are read as bytes (latin1-safe UTF-8) so CRLF and BOM
 * are compared exactly.
 */
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits, applyPlan, planCredentialInsert, type CredentialValues, type PlanOptions, type SettingsPlan } from '../../../src/core/settings';

export const FIXTURE_DIR = path.resolve(__dirname, '../../../../test/fixtures/settings/cases');

export const DEFAULT_VALUES: CredentialValues = {
  apiUser: '3b0d5f2c-8e1a-4c7b-9f6d-2a4e8c1b7d95',
  apiKey: '7c9e2b4f1a3d5e6f8b0c2d4e6f8a0b1c',
};

export interface CaseManifest {
  name: string;
  description: string;
  fileName: string;
  input: string;
  expected: string;
  values?: Partial<CredentialValues>;
  options?: PlanOptions;
  includeLoader?: boolean;
  dotenvInput?: string;
  dotenvFileName?: string;
  dotenvExpected?: string;
  /** Inline .gitignore text; null = there is none. Absent = not given to the planner. */
  gitignoreInput?: string | null;
  gitignoreExpected?: string;
  expect: {
    mode?: 'value' | 'reference';
    error?: string;
    dotenvCreate?: boolean;
    loaderPackage?: string | null;
    noLoader?: boolean;
    noticesInclude?: string[];
    needsConfirmation?: boolean;
    names?: { apiUser: string; apiKey: string };
    findingsOnInput?: string[];
    /** The output has comments / trailing commas: not checked with JSON.parse. */
    jsonc?: boolean;
  };
}

export function readFixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURE_DIR, name), 'utf8');
}

export function loadCases(): CaseManifest[] {
  return fs
    .readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.case.json'))
    .sort()
    .map((f) => ({ name: f.replace(/\.case\.json$/, ''), ...(JSON.parse(readFixture(f)) as Omit<CaseManifest, 'name'>) }));
}

export interface CaseRun {
  input: string;
  plan: SettingsPlan;
  options: PlanOptions;
  values: CredentialValues;
  output: string;
  dotenvOutput?: string;
  gitignoreOutput?: string;
}

export function caseOptions(manifest: CaseManifest): PlanOptions {
  const options: PlanOptions = { ...(manifest.options ?? {}) };
  if (manifest.dotenvInput) options.dotenv = { text: readFixture(manifest.dotenvInput), fileName: manifest.dotenvFileName ?? '.env' };
  if (manifest.gitignoreInput !== undefined) options.gitignoreText = manifest.gitignoreInput;
  return options;
}

export function runCase(manifest: CaseManifest): CaseRun {
  const input = readFixture(manifest.input);
  const values = { ...DEFAULT_VALUES, ...(manifest.values ?? {}) } as CredentialValues;
  const options = caseOptions(manifest);
  const plan = planCredentialInsert({ text: input, fileName: manifest.fileName }, values, options);
  const output = applyPlan(input, plan, manifest.includeLoader ?? false);
  const dotenvOutput = plan.dotenv ? applyEdits(options.dotenv?.text ?? '', plan.dotenv.edits) : undefined;
  const gitignoreOutput = plan.gitignore ? applyEdits(options.gitignoreText ?? '', plan.gitignore.edits) : undefined;
  return { input, plan, options, values, output, dotenvOutput, gitignoreOutput };
}
