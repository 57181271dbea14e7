/**
 * What "write the credentials" says about a settings file (refusals, notices, the production
 * question) reads in French once the French bundle is loaded, as in a French VS Code or with
 * the CLI's --lang fr. The English of the same plans is checked by the settings tests.
 */
import * as assert from 'node:assert/strict';
import { planCredentialInsert } from '../../../src/core/settings';
import { useFrench } from './inFrench';

const USER = '0f4e8a3c-5b7d-4c1e-9a2b-3c4d5e6f7a8b';
const KEY = 'f0e1d2c3b4a5968778695a4b3c2d1e0f';

describe('l10n: writing settings, in French', () => {
  useFrench();

  it('a tracked .env: values written, with the git advice in French', () => {
    const plan = planCredentialInsert({ text: 'DEBUG=1\n', fileName: '/p/.env' }, { apiUser: USER, apiKey: KEY }, { tracked: true, mode: 'reference', gitignoreText: '' });
    assert.equal(plan.ok, true);
    assert.ok(plan.notices.includes('Un fichier dotenv contient les valeurs elles-mêmes : elles y ont donc été écrites telles quelles.'), plan.notices.join('\n'));
    assert.ok(plan.notices.includes('git suit .env : ignorez-le et lancez `git rm --cached .env` pour que les valeurs quittent le dépôt.'), plan.notices.join('\n'));
  });

  it('refusals: an unsupported file, a template, two MoMo sections, no API user', () => {
    const values = { apiUser: USER, apiKey: KEY };
    assert.match(String(planCredentialInsert({ text: '', fileName: '/p/config.yaml' }, values).error), /^L'écriture d'identifiants MoMo dans les fichiers .* n'est pas encore prise en charge\. Formats pris en charge : Python \(\.py\), dotenv/);
    assert.match(String(planCredentialInsert({ text: '', fileName: '/p/.env.example' }, values).error), /^\.env\.example est un modèle destiné à être commité/);
    const twice = '{\n  "MoMo": {},\n  "Other": 1,\n  "MoMo": {}\n}\n';
    assert.match(String(planCredentialInsert({ text: twice, fileName: '/p/appsettings.json' }, values).error), /^Ce fichier a 2 sections « MoMo » \(lignes 2 et 4\) : rien n'a été écrit\./);
    assert.equal(planCredentialInsert({ text: '', fileName: '/p/.env' }, { apiUser: ' ', apiKey: KEY }).error, "Il n'y a pas d'utilisateur API à écrire : créez-en un ou ajoutez-en un existant d'abord.");
  });

  it('asks in French before writing a production key literally into a tracked file', () => {
    const plan = planCredentialInsert({ text: 'MOMO_API_USER = ""\nMOMO_API_KEY = ""\n', fileName: '/p/settings.py' }, { apiUser: USER, apiKey: KEY, production: true }, { tracked: true, mode: 'value' });
    assert.match(String(plan.needsConfirmation), /^Cela écrit en clair une clé MoMo de production dans settings\.py, que git suit/);
  });
});
