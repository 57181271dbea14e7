/**
 * The CLI in French: `--lang fr` or LANG=fr_FR.UTF-8 gives the help, the progress lines, the
 * summaries, usage errors and the doctor's findings in French (the extension's own bundle).
 * Runs the built dist/cli.js against the emulator.
 */
import * as assert from 'node:assert/strict';
import { useEmulator } from '../core/helpers/emulator';
import { assertExit, buildCli, runCli } from './helpers/runCli';

const FRENCH = { LANG: 'fr_FR.UTF-8' };

describe('cli momo-credentials in French (built dist/cli.js)', function () {
  this.timeout(60_000);
  const emulator = useEmulator();
  const key = () => emulator().subscriptionKeys.collection.primary;

  before(() => buildCli());

  it('gives the command list in French with LANG=fr_FR.UTF-8, and in English with --lang en', async () => {
    const run = await runCli(['--help'], FRENCH);
    assertExit(run, 0);
    assert.match(run.stdout, /^Utilisation : momo-credentials <commande> \[options\]$/m);
    assert.match(run.stdout, /^Commandes :$/m);
    assert.match(run.stdout, /^ {2}provision +Créer un utilisateur API et une clé API sandbox$/m);
    assert.match(run.stdout, /^ {2}doctor +Vérifier réglages et identifiants sans rien modifier \(pour la CI\)$/m);
    assert.doesNotMatch(run.stdout, /Usage:|Commands:/);
    const english = await runCli(['--help', '--lang', 'en'], FRENCH);
    assert.match(english.stdout, /^Usage: momo-credentials <command> \[options\]$/m);
  });

  it("gives a command's help in French with --lang fr", async () => {
    const run = await runCli(['provision', '--help', '--lang', 'fr']);
    assertExit(run, 0);
    assert.match(run.stdout, /^Utilisation : momo-credentials provision --subscription-key CLÉ \[options\]$/m);
    assert.match(run.stdout, /l'API de provisionnement n'existe\nque là/);
    assert.match(run.stdout, /--base-url URL {10}URL de base de l'API \(par défaut : https:\/\/sandbox\.momodeveloper\.mtn\.com\)/);
    assert.match(run.stdout, /^Codes de sortie : 0 créé/m);
  });

  it('provisions against the emulator with French progress lines and summary', async () => {
    const run = await runCli(['provision', '--base-url', emulator().url, '--lang', 'fr'], { MOMO_SUBSCRIPTION_KEY: `"${key()}"` });
    assertExit(run, 0);
    assert.match(run.stderr, /^Remarque \(MOMO_SUBSCRIPTION_KEY\) : Les guillemets autour de la valeur ont été retirés\.$/m);
    assert.match(run.stderr, /^→ La clé d'abonnement appartient à Collections\.$/m);
    assert.match(run.stderr, /^→ Création de l'utilisateur API…$/m);
    assert.match(run.stderr, /^→ Création de la clé API…$/m);
    assert.match(run.stdout, /^✓ Utilisateur API et clé API créés pour Collections sur http:\/\/127\.0\.0\.1:\d+\.$/m);
    assert.match(run.stdout, /^ {2}Environnement cible +sandbox$/m);
    assert.match(run.stdout, /^La clé API n'est affichée que maintenant/m);
    assert.match(run.stdout, /^Étapes suivantes :$/m);
    assert.ok(!run.stderr.includes(key()), 'the key stays out of stderr');
  });

  it('explains a refused key in French, with the next steps said in CLI terms', async () => {
    const run = await runCli(['provision', '--subscription-key', emulator().collectionWidgetKey, '--base-url', emulator().url], FRENCH);
    assertExit(run, 1);
    assert.match(run.stderr, /^✗ La passerelle 127\.0\.0\.1:\d+ a refusé la clé d'abonnement comme non valide \(401\)\.$/m);
    assert.match(run.stderr, /^ {2}Causes probables :$/m);
    assert.match(run.stderr, /^ {2}Étapes suivantes :$/m);
    assert.match(run.stderr, /^ {4}→ Saisir à nouveau la clé d'abonnement : passez la bonne clé avec --subscription-key ou MOMO_SUBSCRIPTION_KEY$/m);
  });

  it('says what is wrong with an option in French, without the value', async () => {
    const jwt = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJjbGllbnRJZCI6IjEyMyJ9.c2lnbmF0dXJl';
    const run = await runCli(['provision', '--subscription-key', jwt, '--lang', 'fr']);
    assertExit(run, 2);
    assert.match(run.stderr, /^--subscription-key : C'est un jeton d'accès \(un JWT renvoyé par le point d'accès du jeton\), pas une clé d'abonnement : copiez la clé primaire/m);
    assert.match(run.stderr, /^Lancez momo-credentials provision --help pour voir les options\.$/m);
    assert.ok(!run.stderr.includes(jwt));
    const unknown = await runCli(['provison', '--lang', 'fr']);
    assert.match(unknown.stderr, /^Commande inconnue : « provison »\.$/m);
  });

  it('runs the doctor in French: findings, sections and summary', async () => {
    const run = await runCli(['doctor', '--base-url', emulator().url, '--target-environment', 'sandbox', '--currency', 'XOF'], {
      ...FRENCH,
      MOMO_SUBSCRIPTION_KEY: key(),
    });
    assertExit(run, 1);
    const out = run.stdout;
    assert.match(out, /^URL de base$/m);
    assert.match(out, /^ {2}\S+ 127\.0\.0\.1:\d+ est une adresse locale : l'émulateur du projet ou un proxy, ce qui convient pour le développement\.$/m);
    assert.match(out, /La clé d'abonnement a la bonne forme : 32 caractères hexadécimaux\./);
    assert.match(out, /« sandbox » est un environnement cible valide \(Sandbox, devise EUR\)\./);
    assert.match(out, /XOF ne convient pas : le sandbox n'accepte que l'EUR ; toute autre devise est refusée avec INVALID_CURRENCY\. XOF est la devise de mtnivorycoast/);
    assert.match(out, /^1 erreur, /m);
    assert.ok(!out.includes(key()), 'the key is never printed');
  });
});
