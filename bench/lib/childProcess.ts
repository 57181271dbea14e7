import { execFile } from 'child_process';
import { ChildResult, parseChildOutput } from './childProtocol';

/** Runs a compiled bench script in a fresh `node` and returns what it reported. */
export function runChild<T>(script: string, args: string[] = [], options: { env?: NodeJS.ProcessEnv; nodeArgs?: string[] } = {}): Promise<ChildResult<T>> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...(options.nodeArgs ?? []), script, ...args],
      { env: { ...process.env, ...options.env }, maxBuffer: 16 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => {
        const result = parseChildOutput<T>(stdout);
        if (result) resolve(result);
        else reject(new Error(`${script} ${args.join(' ')} reported nothing (${error?.message ?? 'no error'})\n${stderr.slice(-2000)}`));
      },
    );
  });
}
