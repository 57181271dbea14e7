/**
 * Show Log's second reveal waits for the window to list `workbench.action.output.show.<channel id>`
 * (src/vscode/logReveal.ts). That id is VS Code's, not ours: this checks, in the real workbench,
 * that the window lists it for the MoMo log channel, so the wait ends and the reveal happens.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { MomoExtensionApi } from '../../../src/extension';
import { outputShowCommand } from '../../../src/vscode/logReveal';
import { EXTENSION_ID, activateExtension, waitFor } from '../harness';

describe('Show Log in the real workbench', () => {
  it('the window lists the show command of the MoMo log channel under the id Show Log waits for', async () => {
    const api = await activateExtension<MomoExtensionApi>();
    api.log.show();
    const command = outputShowCommand(EXTENSION_ID, 'MoMo');
    const commands = await waitFor(async () => {
      const all = await vscode.commands.getCommands(true);
      return all.includes(command) && all;
    }, 10_000, `the window to list ${command}`);
    assert.ok(commands.includes(command));
    // The id is the channel's: an id shaped like it but for another extension is not listed.
    assert.ok(!commands.includes(outputShowCommand('momodev.no-such-extension', 'MoMo')));
  });
});
