/**
 * Guard against quadratic work: planning and detection on a 20,000-line settings.py and a
 * 5,000-line .env scale linearly (4x the lines may cost at most ~8x, with noise allowed)
 * and stay far below a second. The real benchmark lives with the bench scripts.
 */
import * as assert from 'assert';
import { detectFindings, planCredentialInsert } from '../../../src/core/settings';

const VALUES = { apiUser: '3b0d5f2c-8e1a-4c7b-9f6d-2a4e8c1b7d95', apiKey: '7c9e2b4f1a3d5e6f8b0c2d4e6f8a0b1c' };

function pythonSettings(lines: number): string {
  const out = ['import os', 'from pathlib import Path', ''];
  for (let i = 0; out.length < lines; i++) {
    out.push(`SETTING_${i} = os.environ.get("SETTING_${i}", "default-${i}")`, `# comment ${i}`, `DICT_${i} = {`, `    "a": [1, 2, 3],`, `    'b': """x`, `y""",`, '}', '');
    if (i === 50) out.push('MOMO_SUBSCRIPTION_KEY = os.environ.get("MOMO_SUBSCRIPTION_KEY", "")', 'MOMO_API_USER = "your-api-user"');
  }
  return out.join('\n') + '\n';
}

function dotenv(lines: number): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) out.push(i % 7 === 0 ? `# section ${i}` : `VAR_${i}="value ${i}" # note`);
  out.splice(100, 0, 'MOMO_SUBSCRIPTION_KEY=abc');
  return out.join('\r\n') + '\r\n';
}

function bestOf(runs: number, work: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    work();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return best;
}

function measure(text: string, fileName: string): number {
  return bestOf(5, () => {
    planCredentialInsert({ text, fileName }, VALUES, { gitignoreText: '' });
    detectFindings({ text, fileName });
  });
}

describe('settings planner performance', function () {
  this.timeout(30000);

  for (const [label, make, fileName, size] of [
    ['settings.py', pythonSettings, 'settings.py', 20000],
    ['.env', dotenv, '.env', 5000],
  ] as const) {
    it(`plans and checks a ${size}-line ${label} in linear time`, () => {
      const small = make(size / 4);
      const large = make(size);
      measure(small, fileName); // warm up the JIT
      const smallMs = Math.max(measure(small, fileName), 0.5);
      const largeMs = measure(large, fileName);
      assert.ok(largeMs < 1000, `${largeMs.toFixed(1)} ms`);
      assert.ok(largeMs / smallMs < 10, `4x the lines took ${(largeMs / smallMs).toFixed(1)}x the time (${smallMs.toFixed(1)} → ${largeMs.toFixed(1)} ms)`);
    });
  }
});
