/**
 * Child process: `node cliChild.js <cli.js> <args…>` runs the built CLI as the main module, the
 * way a user runs it, and reports its exit code and peak RSS when it exits, so the bench can
 * show how much memory the CLI takes against a faulty server.
 */
import * as fs from 'fs';
import * as Module from 'module';
import { RESULT_PREFIX } from '../lib/childProtocol';

const [cli, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], cli, ...args];
process.on('exit', (code) => {
  const result = { value: { exitCode: code }, maxRssKb: process.resourceUsage().maxRSS };
  fs.writeSync(1, `${RESULT_PREFIX}${JSON.stringify(result)}\n`);
});
(Module as unknown as { runMain(): void }).runMain();
