/**
 * Generated property test (seeded, reproducible): for hundreds of random Python, dotenv and
 * JSON files and random options, the plan applied twice equals the plan applied once, bytes
 * outside the changed lines are unchanged, no name is duplicated, Python still parses and
 * JSON still JSON.parses. Damaged files are refused or handled, never corrupted.
 */
import * as assert from 'assert';
import { applyEdits, applyPlan, detectFindings, documentEdits, planCredentialInsert, type CredentialValues, type PlanOptions } from '../../../src/core/settings';
import { PRODUCTS } from '../../../src/core/momo/products';
import { assertFileShapeKept, assertLineBreaksMatch, assertOnlyChangedLines, pythonExecutable, pythonParseFailures } from './checks';
import { loadCases, readFixture } from './fixtureCases';
import { createRandom, randomDotenv, randomJson, randomPython, type GeneratedFile, type Random } from './randomSettings';

const SEED = 20240611;
const CASES = 400;

interface Sample {
  label: string;
  file: GeneratedFile;
  values: CredentialValues;
  options: PlanOptions;
  includeLoader: boolean;
}

function sample(random: Random, n: number): Sample {
  const kind = random.int(3);
  const file = kind === 0 ? randomPython(random) : kind === 1 ? randomDotenv(random) : randomJson(random);
  const values: CredentialValues = { apiUser: random.uuid(), apiKey: random.hex(32) };
  if (random.chance(0.3)) values.product = random.pick(PRODUCTS);
  if (random.chance(0.2)) values.subscriptionKey = random.hex(32);
  const options: PlanOptions = { mode: random.pick([undefined, 'value', 'reference'] as const) };
  if (random.chance(0.3)) options.dotenv = { ...randomDotenv(random), fileName: '.env' };
  if (random.chance(0.5)) options.gitignoreText = random.pick([null, '', 'node_modules/\n', '.env\n', '*.log']);
  return { label: `#${n} ${file.fileName}`, file, values, options, includeLoader: random.chance(0.5) };
}

/** Active assignments of `name` (Python / dotenv lines, JSON keys): a rough independent count. */
function countAssignments(text: string, fileName: string, name: string): number {
  if (fileName.endsWith('.json')) return text.split(`"${name}"`).length - 1;
  const pattern = new RegExp(`^[ \\t]*(?:export[ \\t]+)?${name}[ \\t]*(?::[^=\\n]*)?=(?!=)`, 'gm');
  return (text.replace(/^\uFEFF/, '').match(pattern) ?? []).length;
}

describe('settings planner: generated property test', function () {
  this.timeout(60000);
  const random = createRandom(SEED);
  const samples = Array.from({ length: CASES }, (_, n) => sample(random, n));
  const pythonSources: { label: string; text: string }[] = [];

  it(`holds for ${CASES} random files (seed ${SEED})`, () => {
    for (const s of samples) {
      const { file, values, options } = s;
      const plan = planCredentialInsert(file, values, options);
      assert.ok(plan.ok, `${s.label}: ${plan.error}`);
      const edits = documentEdits(plan, s.includeLoader);
      const output = applyPlan(file.text, plan, s.includeLoader);

      assertOnlyChangedLines(file.text, edits, output);
      assertLineBreaksMatch(file.text, edits);
      assertFileShapeKept(file.text, output);

      // Applying twice = applying once: the plan for the result is empty.
      const nextOptions: PlanOptions = { ...options };
      const dotenvOutput = plan.dotenv ? applyEdits(options.dotenv?.text ?? '', plan.dotenv.edits) : undefined;
      if (plan.dotenv && dotenvOutput !== undefined) nextOptions.dotenv = { text: dotenvOutput, fileName: plan.dotenv.fileName };
      if (plan.gitignore) nextOptions.gitignoreText = applyEdits(options.gitignoreText ?? '', plan.gitignore.edits);
      const again = planCredentialInsert({ ...file, text: output }, values, nextOptions);
      assert.deepStrictEqual(again.edits, [], `${s.label}: second plan is not empty\n${JSON.stringify(file.text)}`);
      assert.deepStrictEqual(again.dotenv?.edits ?? [], [], `${s.label}: second .env plan is not empty`);
      assert.strictEqual(again.gitignore, undefined, `${s.label}: .gitignore planned twice`);
      if (s.includeLoader) assert.strictEqual(again.loader, undefined, `${s.label}: loader offered again`);

      // Never a duplicate: a written name appears as often as before, or once when it was new.
      const written = plan.mode === 'reference' && file.fileName.endsWith('.json') ? [] : [plan.names.apiUser, plan.names.apiKey];
      for (const fullName of written) {
        const name = fullName.split(':').pop() ?? fullName;
        const before = countAssignments(file.text, file.fileName, name);
        const after = countAssignments(output, file.fileName, name);
        if (!file.fileName.endsWith('.json')) assert.strictEqual(after, Math.max(before, 1), `${s.label}: ${name} ${before} -> ${after}`);
      }
      if (dotenvOutput !== undefined && plan.envNames) {
        for (const name of [plan.envNames.apiUser, plan.envNames.apiKey].filter(Boolean)) {
          const before = countAssignments(options.dotenv?.text ?? '', '.env', name);
          assert.strictEqual(countAssignments(dotenvOutput, '.env', name), Math.max(before, 1), `${s.label}: .env ${name}`);
        }
      }

      if (file.fileName.endsWith('.json')) {
        assert.doesNotThrow(() => JSON.parse(output.replace(/^\uFEFF/, '')), `${s.label}: JSON no longer parses\n${output}`);
      }
      if (file.fileName.endsWith('.py')) pythonSources.push({ label: `${s.label} input`, text: file.text }, { label: s.label, text: output });
    }
  });

  it('never throws or corrupts on damaged files (mutated fixtures)', () => {
    const mutate = createRandom(SEED + 1);
    const pieces = ['"', "'", '(', ')', '{', '}', '\n', '\r\n', '#', '=', ',', '\\', '"""', 'MOMO_API_KEY', '\uFEFF', ';', '//'];
    const inputs = loadCases().map((m) => ({ text: readFixture(m.input), fileName: m.fileName }));
    for (let n = 0; n < 1500; n++) {
      const base = mutate.pick(inputs);
      let text = base.text;
      for (let k = 0; k < 1 + mutate.int(3); k++) {
        const at = mutate.int(text.length + 1);
        text = mutate.chance(0.5) ? text.slice(0, at) + mutate.pick(pieces) + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + mutate.int(4));
      }
      const doc = { text, fileName: base.fileName };
      const values = { apiUser: mutate.uuid(), apiKey: mutate.hex(32) };
      assert.doesNotThrow(() => detectFindings(doc, { tracked: true }), JSON.stringify(text));
      const plan = planCredentialInsert(doc, values, { mode: 'value' });
      if (!plan.ok) continue; // refusing a broken file is fine; corrupting it is not
      const output = applyPlan(text, plan, true);
      assertOnlyChangedLines(text, documentEdits(plan, true), output);
      assert.deepStrictEqual(planCredentialInsert({ ...doc, text: output }, values, { mode: 'value' }).edits, [], JSON.stringify(text));
    }
  });

  it('Python results still parse (python3 ast)', function () {
    if (!pythonExecutable()) this.skip();
    assert.ok(pythonSources.length > 50, 'enough Python samples');
    assert.deepStrictEqual(pythonParseFailures(pythonSources), []);
  });
});
