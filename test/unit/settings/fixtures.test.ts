/**
 * The fixture corpus: for every case the planned output is exactly the expected file, the
 * .env / .gitignore results are exact, a second plan changes nothing, and nothing outside
 * the changed lines moves. Python outputs must still parse, JSON outputs must JSON.parse.
 */
import * as assert from 'assert';
import { applyPlan, detectFindings, documentEdits, planCredentialInsert } from '../../../src/core/settings';
import { assertFileShapeKept, assertLineBreaksMatch, assertOnlyChangedLines, pythonExecutable, pythonParseFailures } from './checks';
import { loadCases, readFixture, runCase } from './fixtureCases';

describe('settings planner: fixture corpus', () => {
  const cases = loadCases();

  it('has at least 40 cases', () => {
    assert.ok(cases.length >= 40, `only ${cases.length} cases`);
  });

  for (const manifest of cases) {
    describe(manifest.name, () => {
      const run = runCase(manifest);
      const { plan } = run;

      it('produces exactly the expected text', () => {
        if (manifest.expect.error) {
          assert.strictEqual(plan.ok, false);
          assert.ok(plan.error?.includes(manifest.expect.error), plan.error);
          assert.strictEqual(plan.edits.length, 0);
        } else {
          assert.ok(plan.ok, plan.error);
        }
        assert.strictEqual(run.output, readFixture(manifest.expected));
      });

      it('leaves every byte outside the changed lines alone', () => {
        const edits = documentEdits(plan, manifest.includeLoader ?? false);
        assertOnlyChangedLines(run.input, edits, run.output);
        assertLineBreaksMatch(run.input, edits);
        assertFileShapeKept(run.input, run.output);
      });

      it('writes the expected .env and .gitignore', () => {
        if (manifest.dotenvExpected) assert.strictEqual(run.dotenvOutput, readFixture(manifest.dotenvExpected));
        else assert.strictEqual(plan.dotenv, undefined, 'unexpected .env change');
        if (manifest.gitignoreExpected) assert.strictEqual(run.gitignoreOutput, readFixture(manifest.gitignoreExpected));
        else assert.strictEqual(plan.gitignore, undefined, 'unexpected .gitignore change');
        if (manifest.expect.dotenvCreate !== undefined) assert.strictEqual(plan.dotenv?.create, manifest.expect.dotenvCreate);
      });

      it('meets the case expectations', () => {
        const expect = manifest.expect;
        if (expect.mode) assert.strictEqual(plan.mode, expect.mode);
        if (expect.noLoader) assert.strictEqual(plan.loader, undefined);
        if (expect.loaderPackage !== undefined) {
          assert.ok(plan.loader, 'a loader offer');
          assert.strictEqual(plan.loader?.packageName, expect.loaderPackage ?? undefined);
        }
        for (const text of expect.noticesInclude ?? []) {
          assert.ok(plan.notices.some((n) => n.includes(text)), `notice with "${text}" in ${JSON.stringify(plan.notices)}`);
        }
        assert.strictEqual(plan.needsConfirmation !== undefined, expect.needsConfirmation ?? false);
        if (expect.names) {
          assert.strictEqual(plan.names.apiUser, expect.names.apiUser);
          assert.strictEqual(plan.names.apiKey, expect.names.apiKey);
        }
        if (expect.findingsOnInput) {
          const codes = detectFindings({ text: run.input, fileName: manifest.fileName }, { tracked: true }).map((f) => f.code).sort();
          assert.deepStrictEqual(codes, [...expect.findingsOnInput].sort());
        }
      });

      it('is idempotent: planning the result again changes nothing', () => {
        if (!plan.ok) return;
        const options = { ...run.options };
        if (plan.dotenv && run.dotenvOutput !== undefined) options.dotenv = { text: run.dotenvOutput, fileName: plan.dotenv.fileName };
        if (run.gitignoreOutput !== undefined) options.gitignoreText = run.gitignoreOutput;
        const again = planCredentialInsert({ text: run.output, fileName: manifest.fileName }, run.values, options);
        assert.deepStrictEqual(again.edits, []);
        assert.deepStrictEqual(again.dotenv?.edits ?? [], []);
        assert.strictEqual(again.gitignore, undefined);
        if (manifest.includeLoader) assert.strictEqual(again.loader, undefined);
        assert.strictEqual(applyPlan(run.output, again, true), run.output);
      });

      if (manifest.fileName.endsWith('.json') && !manifest.expect.jsonc && !manifest.expect.error) {
        it('still parses as JSON', () => {
          assert.doesNotThrow(() => JSON.parse(run.output.replace(/^\uFEFF/, '')));
        });
      }
    });
  }

  it('Python outputs still parse (python3 ast)', function () {
    if (!pythonExecutable()) this.skip();
    const sources = cases
      .filter((m) => m.fileName.endsWith('.py'))
      .flatMap((m) => {
        const run = runCase(m);
        return [
          { label: `${m.name} (input)`, text: run.input },
          { label: m.name, text: run.output },
        ];
      });
    assert.deepStrictEqual(pythonParseFailures(sources), []);
  });
});
