import * as assert from 'assert';
import { spawn } from 'child_process';
import * as path from 'path';
import { describeEmulator } from '../../../src/emulator/describe';
import { parseEmulatorArgs } from '../../../src/emulator/main';
import { startEmulator } from '../../../src/emulator/server';

describe('emulator standalone entry', () => {
  it('parses its options', () => {
    assert.deepStrictEqual(parseEmulatorArgs(['--port', '0', '--latency-ms', '25', '--mode', 'production']), {
      ok: true,
      options: { quiet: false, port: 0, latencyMs: 25, mode: 'production' },
    });
    assert.deepStrictEqual(parseEmulatorArgs(['--port=8080', '--token-ttl-seconds=5']), {
      ok: true,
      options: { quiet: false, port: 8080, tokenTtlSeconds: 5 },
    });
    assert.deepStrictEqual(parseEmulatorArgs(['--callback-method', 'POST', '--callback-retries', '--callback-delay-ms=250']), {
      ok: true,
      options: { quiet: false, callbacks: { method: 'POST', retries: true, delayMs: 250 } },
    });
    assert.deepStrictEqual(parseEmulatorArgs(['--help']), { ok: 'help' });
    for (const bad of [['--callback-method', 'PATCH'], ['--callback-delay-ms', '-5']]) {
      assert.strictEqual(parseEmulatorArgs(bad).ok, false, bad.join(' '));
    }
    for (const bad of [['--port', 'x'], ['--port', '70000'], ['--mode', 'live'], ['--latency-ms', '-1'], ['--verbose', '1'], ['--port']]) {
      assert.strictEqual(parseEmulatorArgs(bad).ok, false, bad.join(' '));
    }
  });

  it('describes where it listens and which keys it accepts, marked as test keys', async () => {
    const emu = await startEmulator();
    try {
      const text = describeEmulator(emu);
      assert.ok(text.includes(emu.url));
      assert.ok(text.includes('EMULATOR TEST KEYS'));
      for (const keys of Object.values(emu.subscriptionKeys)) {
        assert.ok(text.includes(keys.primary) && text.includes(keys.secondary));
      }
      assert.ok(text.includes(emu.collectionWidgetKey));
    } finally {
      await emu.close();
    }
  });

  it('runs from the command line, prints its URL, and stops on SIGTERM', async function () {
    this.timeout(10_000);
    const entry = path.join(__dirname, '..', '..', '..', 'src', 'emulator', 'main.js');
    const child = spawn(process.execPath, [entry, '--port', '0', '--mode', 'production'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${output}`)), 5000);
        child.stdout.on('data', () => {
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
      });
      assert.ok(output.includes('production mode'));
      const res = await fetch(`${url}/v1_0/apiuser`, { method: 'POST' });
      assert.strictEqual(res.status, 404);
      child.kill('SIGTERM');
      assert.strictEqual(await exited, 0);
      assert.ok(output.includes('MoMo emulator stopped.'));
    } finally {
      child.kill('SIGKILL');
    }
  });
});
