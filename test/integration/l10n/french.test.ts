// The extension in French: code-server started with `--locale fr` (a third pass of the runner)
// gives vscode.env.language "fr", VS Code loads l10n/bundle.l10n.fr.json for vscode.l10n.t and
// the extension hands it to core. A provisioning notification (src/vscode) and the doctor's
// findings (src/core) must then read in French. In the English passes this suite is skipped.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { DoctorReport } from '../../../src/core/doctor';
import type { MomoExtensionApi } from '../../../src/extension';
import { assertNoSecret, everythingShown, run, useExtensionWithEmulator } from '../extension/testKit';
import { codesOf, diagnosticOn, inzulinkFiles, makeProject, open, quickFixesAt, removeTestProjects, waitForDiagnostics } from '../settings/settingsKit';

describe('l10n: in French', function () {
  this.timeout(60_000);
  let api: MomoExtensionApi;
  const secrets = new Set<string>();
  let subscriptionKey = '';

  before(function () {
    if (!vscode.env.language.startsWith('fr')) this.skip();
  });
  useExtensionWithEmulator((extensionApi, emulator) => {
    api = extensionApi;
    subscriptionKey = emulator.subscriptionKeys.collection.primary;
    secrets.add(subscriptionKey);
  });

  it('runs with French as the display language', () => {
    assert.strictEqual(vscode.env.language, 'fr');
    assert.ok(vscode.l10n.bundle, 'VS Code loaded no l10n bundle for French');
  });

  it('asks for the subscription key in French (title, prompt and placeholder of the input box)', async () => {
    const asked: vscode.InputBoxOptions[] = [];
    const original = vscode.window.showInputBox;
    // The person presses Escape: the command stops quietly, and the box it showed is kept here.
    vscode.window.showInputBox = (options?: vscode.InputBoxOptions) => {
      asked.push(options ?? {});
      return Promise.resolve(undefined);
    };
    try {
      const result = await run('momo.setSubscriptionKey', { environment: 'sandbox', product: 'collection', keyType: 'secondary' });
      assert.strictEqual(result.ok, false);
    } finally {
      vscode.window.showInputBox = original;
    }
    assert.strictEqual(asked.length, 1);
    assert.strictEqual(asked[0].title, "MoMo : Enregistrer une clé d'abonnement (4/4) : clé Secondaire pour Collections — Sandbox (EUR)");
    assert.strictEqual(
      asked[0].prompt,
      "Collez la clé secondaire de votre abonnement Collections (momodeveloper.mtn.com → Profile → Subscriptions). Elle n'est enregistrée que dans le SecretStorage.",
    );
    assert.strictEqual(asked[0].placeHolder, '32 caractères hexadécimaux');
  });

  it('tells in French that the subscription key was stored', async () => {
    const stored = await run('momo.setSubscriptionKey', { environment: 'sandbox', product: 'collection', key: subscriptionKey, keyType: 'primary' });
    assert.strictEqual(stored.ok, true, stored.reason);
    const message = api.notifier.shown().at(-1);
    assert.match(String(message?.message), /^Clé d'abonnement Collections primaire \(\S+\) pour Sandbox \(EUR\) enregistrée dans le SecretStorage\. Prochaine étape : créer ou ajouter un utilisateur API pour elle\.$/);
    assert.deepStrictEqual(message?.buttons, ['Créer un utilisateur sandbox']);
  });

  it('tells in French that the sandbox API user was created', async () => {
    const provisioned = await run<{ apiUser: string }>('momo.provisionSandboxUser', { product: 'collection', subscriptionKeyType: 'primary' });
    assert.strictEqual(provisioned.ok, true, provisioned.reason);
    secrets.add(String(await api.store.getApiKey({ environment: 'sandbox', product: 'collection', apiUser: provisioned.apiUser })));
    const shown = api.notifier.shown().map((m) => m.message);
    const created = shown.find((m) => m.startsWith('Utilisateur API sandbox'));
    assert.ok(created, `no French provisioning message among: ${shown.join(' | ')}`);
    assert.match(created, /^Utilisateur API sandbox \S+ créé pour Collections et sa clé API enregistrée dans le SecretStorage\. Prochaine étape : les mettre dans vos paramètres\.$/);
    const message = api.notifier.shown().find((m) => m.message === created);
    assert.deepStrictEqual(message?.buttons, ['Insérer dans les paramètres…', 'Copier la clé API']);
  });

  it('gives the result of Verify API User in French, with its buttons', async () => {
    const [user] = api.store.index().apiUsers;
    const verified = await run<{ verified: boolean }>('momo.verifyApiUser', { apiUser: user.apiUser, environment: 'sandbox', product: 'collection' });
    assert.strictEqual(verified.ok, true, verified.reason);
    assert.strictEqual(verified.verified, true);
    const message = api.notifier.shown().at(-1);
    assert.match(String(message?.message), /^Utilisateur API \S+ \(Collections, Sandbox \(EUR\)\) fonctionne : ✓ l'utilisateur existe · ✓ jeton · ✓ solde/);
    assert.deepStrictEqual(message?.buttons, ['Envoyer un paiement de test', 'Détails']);
  });

  it('says in French that Set Up MoMo is done, and what it did', async () => {
    const setUp = await run<{ verified: boolean }>('momo.setUp', { key: subscriptionKey });
    assert.strictEqual(setUp.ok, true, setUp.reason);
    assert.strictEqual(setUp.verified, true);
    const message = api.notifier.shown().at(-1);
    assert.match(
      String(message?.message),
      /^MoMo est configuré : l'utilisateur API \S+ \(Collections\) fonctionne \(.+\), sans être écrit dans un fichier de paramètres\. Poursuivi avec l'utilisateur API enregistré \S+\. Prochaine étape : un paiement de test vers le numéro de réussite du sandbox\.$/,
    );
    assert.deepStrictEqual(message?.buttons, ['Envoyer un paiement de test']);
  });

  it('titles the quick fixes of a settings placeholder in French', async () => {
    const dir = await makeProject('fr-quick-fixes', inzulinkFiles());
    const editor = await open(`${dir}/inzulink/settings.py`);
    const uri = editor.document.uri;
    const diagnostics = await waitForDiagnostics(uri, (d) => codesOf(d).includes('momo.placeholder'), 'a placeholder diagnostic');
    const titles = (await quickFixesAt(uri, diagnosticOn(diagnostics, 'momo.placeholder').range)).map((a) => a.title);
    assert.ok(titles.includes('Remplir avec les identifiants sandbox enregistrés'), titles.join(' | '));
    assert.ok(titles.includes('Créer un utilisateur sandbox et remplir'), titles.join(' | '));
    await removeTestProjects();
  });

  it('warns about a non-EUR sandbox currency in a settings.py in French, with a French quick fix', async () => {
    const dir = await makeProject('fr-sandbox-currency', { 'shop/settings.py': "MOMO_TARGET_ENVIRONMENT = 'sandbox'\nMOMO_CURRENCY = 'UGX'\n" });
    const editor = await open(`${dir}/shop/settings.py`);
    const uri = editor.document.uri;
    const diagnostics = await waitForDiagnostics(uri, (d) => codesOf(d).includes('momo.sandboxCurrency'), 'a sandbox-currency diagnostic');
    const warning = diagnosticOn(diagnostics, 'momo.sandboxCurrency');
    assert.match(warning.message, /^Le sandbox n'accepte que EUR, donc UGX échoue avec INVALID_CURRENCY\. Utilisez EUR dans le sandbox et UGX en production/);
    const titles = (await quickFixesAt(uri, warning.range)).map((a) => a.title);
    assert.ok(titles.includes('Utiliser EUR (la seule devise du sandbox)'), titles.join(' | '));
    await removeTestProjects();
  });

  it('gives the doctor findings (made by core) in French', async () => {
    const result = await run<{ report: DoctorReport; markdown: string }>('momo.diagnoseSetup', { environment: 'sandbox', workspace: false, show: false });
    assert.strictEqual(result.ok, true, result.reason);
    const messages = result.report.findings.map((f) => f.message);
    assert.ok(messages.includes("La clé d'abonnement a la bonne forme : 32 caractères hexadécimaux."), messages.join('\n'));
    assert.ok(messages.includes("La passerelle accepte cette clé d'abonnement pour Collections."), messages.join('\n'));
    assert.ok(messages.includes("L'utilisateur API et sa clé API obtiennent un jeton d'accès pour Collections."), messages.join('\n'));
    assert.match(result.markdown, /Clés d'abonnement/);
  });

  it('explains a pasted MoMo error in French, with its causes and next steps', async () => {
    const pasted = '401 {"statusCode": 401, "message": "Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription."}';
    const result = await run<{ report: DoctorReport }>('momo.diagnoseSetup', { environment: 'sandbox', text: pasted, workspace: false, show: false });
    assert.strictEqual(result.ok, true, result.reason);
    const explained = result.report.findings[0];
    assert.strictEqual(explained?.message, "L'erreur collée signifie : La passerelle a refusé la clé d'abonnement comme non valide (401).");
    assert.match(explained.causes?.[0] ?? '', /^C'est une clé du produit « Collection Widget »/);
    assert.strictEqual(explained.fixes?.[0]?.label, "Saisir à nouveau la clé d'abonnement");
  });

  it('kept every secret out of the log and the messages', async () => {
    await api.notifier.idle();
    assertNoSecret(everythingShown(api), secrets, 'the log or a message');
  });
});
