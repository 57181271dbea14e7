// A production integrator on MTN's new platform adds the System Credentials the Partner Portal
// gave them: "MoMo: Add Existing API User" asks which credentials MTN gave (with how to tell the
// two apart), takes a base64-looking User ID ending in "=" and a Credential Token with
// punctuation, and the tree shows the pair as System Credentials of the new platform, token hidden.
// Nothing is sent anywhere: adding only stores. Everything is forgotten again at the end.
import { E2EContext, forgetEverything, openMomoView, pickQuickItem, runCommand, screenshot, typeIntoQuickInput, waitForText } from './harness';

export const title = 'system credentials: Add Existing API User asks which credentials MTN gave; the tree shows the new platform';

const USER_ID = 'RTJlU3lzdGVtVXNlcklk=';
const TOKEN = 'E2e.4f_T-9q~Vw!Rk=Hs3.mN8_pL-2';

export async function run(ctx: E2EContext): Promise<void> {
  const { page, log } = ctx;
  try {
    await openMomoView(page);
    await runCommand(page, 'MoMo: Add Existing API User');
    await pickQuickItem(page, 'Uganda');
    // The question, with the sentence on how to tell the two kinds apart.
    await waitForText(page, 'which credentials did MTN give you?');
    await waitForText(page, 'often ends in "="');
    log(`screenshot: ${await screenshot(page, 'momo-add-existing-which-credentials')}`);
    await pickQuickItem(page, 'System Credentials (User ID + Credential Token)');
    await pickQuickItem(page, 'Collections');
    await waitForText(page, 'The User ID from the Partner Portal');
    await typeIntoQuickInput(page, USER_ID);
    await waitForText(page, 'Paste the Credential Token');
    await typeIntoQuickInput(page, TOKEN);

    await waitForText(page, 'Added System Credentials RTJlU3lz…', 15_000);
    await waitForText(page, 'System Credentials RTJlU3lz…');
    await waitForText(page, 'new platform');
    log(`screenshot: ${await screenshot(page, 'momo-tree-system-credentials')}`);
    const text = await page.locator('body').innerText();
    if (text.includes(TOKEN)) throw new Error('the Credential Token is visible somewhere in the window');
    log('the tree row says "System Credentials … · new platform"; the token appears nowhere in the window');
  } finally {
    await forgetEverything(page);
  }
}
