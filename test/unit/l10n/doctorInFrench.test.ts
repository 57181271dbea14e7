/**
 * The doctor's base-URL, target-environment, platform and workspace findings, and the new
 * platform's explanations, read in French once the French bundle is loaded (as the extension
 * does for a French VS Code and the CLI for --lang fr). Nothing here calls the network.
 */
import * as assert from 'node:assert/strict';
import { renderDoctorMarkdown, runDoctor, workspaceFindings } from '../../../src/core/doctor';
import type { DoctorFinding } from '../../../src/core/doctor';
import { explain } from '../../../src/core/momo/explanations';
import { useFrench } from './inFrench';

function byCheck(findings: readonly DoctorFinding[], check: string): DoctorFinding {
  const found = findings.find((f) => f.check === check);
  assert.ok(found, `no ${check} among ${findings.map((f) => f.check).join(', ')}`);
  return found;
}

describe('l10n: the doctor in French', () => {
  useFrench();

  it('explains a portal page given as the base URL, and a wrong target environment and currency', async () => {
    const report = await runDoctor({ baseUrl: 'https://momodeveloper.mtn.com', targetEnvironment: 'production', currency: 'XOF' });
    assert.equal(
      byCheck(report.findings, 'baseUrl').message,
      "momodeveloper.mtn.com est le portail développeur de MoMo, un site web et non l'API : utilisez https://sandbox.momodeveloper.mtn.com.",
    );
    assert.equal(byCheck(report.findings, 'baseUrl').next, "Utiliser https://sandbox.momodeveloper.mtn.com");
    assert.match(byCheck(report.findings, 'targetEnvironment').message, /^« production » n'est pas un environnement cible : utilisez mtn<pays>/);
    assert.match(byCheck(report.findings, 'currency').message, /^Non comparée : l'environnement cible est inconnu, XOF ne peut donc pas/);
  });

  it("notes MTN's legacy platform and the currency of the country", async () => {
    const report = await runDoctor({ baseUrl: 'https://proxy.momoapi.mtn.com', targetEnvironment: 'mtnuganda', currency: 'XOF' });
    assert.equal(byCheck(report.findings, 'baseUrl').message, "proxy.momoapi.mtn.com est un hôte de l'API de production de MoMo.");
    const note = byCheck(report.findings, 'baseUrl.platform');
    assert.match(note.message, /^proxy\.momoapi\.mtn\.com est l'ancienne plateforme de production de MTN\. MTN fait passer les intégrations par Internet de proxy\.momoapi\.mtn\.com à momoapi\.momo\.africa/);
    assert.equal(note.fixes?.[0]?.label, 'Créer des System Credentials dans le Partner Portal de MTN');
    assert.match(byCheck(report.findings, 'targetEnvironment').message, /^« mtnuganda » est un environnement cible valide \(Uganda, devise UGX\)\.$/);
    const currency = byCheck(report.findings, 'currency');
    assert.match(currency.message, /^XOF ne convient pas : mtnuganda \(Uganda\) utilise UGX ; toute autre devise est refusée avec INVALID_CURRENCY\. XOF est la devise de mtnivorycoast/);
    assert.equal(currency.next, 'Utiliser UGX');
    const markdown = renderDoctorMarkdown(report);
    assert.match(markdown, /^# Diagnostic MoMo/);
    // Agreement with any count: "1 erreur", "2 avertissements", "3 sans problème".
    assert.match(markdown, /\*\*\d+ erreurs?, \d+ avertissements?, \d+ sans problème/);
    assert.match(markdown, /- Correction : \[Créer des System Credentials/);
  });

  it('describes the workspace: settings files, .env and git', () => {
    const findings = workspaceFindings(
      [
        { fileName: 'mysite/settings.py', text: 'import os\nMOMO_API_USER = os.environ.get("MOMO_API_USER", "")\n', tracked: true },
        { fileName: '.env', text: 'MOMO_API_USER=3f2b8c1e-7d4a-4e6b-9c0d-5a1b2c3d4e5f\n', tracked: true },
      ],
      { gitignoreText: 'node_modules/\n' },
    );
    const summary = findings.find((f) => f.check === 'workspace.files' && f.subject === 'mysite/settings.py');
    assert.equal(summary?.message, 'Contient des réglages MoMo : MOMO_API_USER (lue dans l\'environnement).');
    assert.equal(summary?.fixes?.[0]?.label, 'Ouvrir mysite/settings.py');
    const ignored = byCheck(findings, 'workspace.dotenvIgnored');
    assert.match(ignored.message, /^Git n'ignore pas ce fichier : ses secrets risquent d'être commités\. Git le suit déjà/);
    assert.equal(ignored.fixes?.[0]?.label, 'Ajouter .env à .gitignore');
    assert.equal(
      workspaceFindings([{ fileName: 'app.py', text: 'print(1)\n' }])[0].message,
      "Aucun fichier de configuration de l'espace de travail ne contient encore de valeurs MTN MoMo.",
    );
  });

  it("explains the new platform's answers in French", () => {
    const invalidClient = explain('invalidClient', { host: 'momoapi.momo.africa', status: 401 });
    assert.equal(invalidClient.message, "Le point d'accès du jeton sur momoapi.momo.africa n'a pas reconnu ces identifiants (401 invalid_client).");
    assert.match(invalidClient.causes[0], /^Les System Credentials n'ont pas été créés/);
    assert.deepEqual(
      invalidClient.nextSteps.map((s) => s.label),
      ['Saisir à nouveau le User ID et le Credential Token', 'Créer des System Credentials dans le Partner Portal de MTN'],
    );
    const missing = explain('missingTargetEnvironment', { host: 'momoapi.momo.africa', status: 400 });
    assert.match(missing.message, /^momoapi\.momo\.africa a refusé la demande de jeton : l'en-tête X-Target-Environment est absent/);
  });
});
