// The credential guide (MoMo: Explain Credentials) in VS Code's display language: in the French
// pass (`--locale fr`) the command opens media/credentials-explained.nls.fr.md; in the English
// passes this suite is skipped (commands.test.ts opens the English guide).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { runMomoCommand } from '../../../src/vscode/momoCommands';
import { activateExtension, waitFor } from '../harness';

/** Where a tab shows a file: its own URI, or the file a Markdown preview renders (in its label). */
function tabNames(): string[] {
  return vscode.window.tabGroups.all.flatMap((group) =>
    group.tabs.map((tab) => (tab.input instanceof vscode.TabInputText ? tab.input.uri.path : tab.label)),
  );
}

describe('l10n: in French, the credential guide', function () {
  this.timeout(30_000);

  before(async function () {
    if (!vscode.env.language.startsWith('fr')) this.skip();
    await activateExtension();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('opens the French guide', async () => {
    await runMomoCommand('momo.openCredentialGuide');
    await waitFor(() => tabNames().some((name) => name.includes('credentials-explained.nls.fr.md')), 10_000, 'a tab with the French guide');
    assert.ok(!tabNames().some((name) => /credentials-explained\.md/.test(name)), `the English guide was opened too: ${tabNames().join(', ')}`);
  });
});
