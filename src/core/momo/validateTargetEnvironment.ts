/**
 * The X-Target-Environment header: "sandbox" or mtn<country>. People send "production" or a
 * country name; both are refused with the value they meant.
 */
import * as l10n from '@vscode/l10n';
import { ENVIRONMENTS, findEnvironment } from './environments';
import { accept, cleanPasted, isTooLong, refuse, Validation } from './validationCommon';

/** Lower case, letters only, accents dropped: "Côte d'Ivoire" → "cotedivoire". */
function squash(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/** Names people use for countries, beyond the labels in ENVIRONMENTS. */
const COUNTRY_ALIASES: Record<string, string> = {
  ivorycoast: 'mtnivorycoast',
  cotedivoire: 'mtnivorycoast',
  civ: 'mtnivorycoast',
  eswatini: 'mtnswaziland',
  swaziland: 'mtnswaziland',
  guinea: 'mtnguineaconakry',
  guineaconakry: 'mtnguineaconakry',
  conakry: 'mtnguineaconakry',
  congobrazzaville: 'mtncongo',
  southafrica: 'mtnsouthafrica',
  rsa: 'mtnsouthafrica',
};

const SANDBOX_ALIASES = ['test', 'testing', 'dev', 'development', 'staging', 'sandbox1', 'mtnsandbox'];
const PRODUCTION_WORDS = ['production', 'prod', 'live', 'mtnproduction'];

function suggestionFor(value: string): string | undefined {
  const key = squash(value);
  const byAlias = COUNTRY_ALIASES[key] ?? COUNTRY_ALIASES[key.replace(/^mtn/, '')];
  if (byAlias) return byAlias;
  const byLabel = ENVIRONMENTS.find((e) => e.production && (squash(e.label) === key || `mtn${squash(e.label)}` === key));
  if (byLabel) return byLabel.id;
  const byId = ENVIRONMENTS.find((e) => e.id === key);
  return byId?.id;
}

export function validateTargetEnvironment(raw: string): Validation {
  if (isTooLong(raw)) return refuse(l10n.t('{0} characters: the target environment is sandbox, or mtn<country> in production.', raw.length));
  const cleaned = cleanPasted(raw);
  const value = cleaned.value.toLowerCase();
  const examples = 'mtnuganda, mtnghana, mtncameroon, …';
  if (!value) return refuse(l10n.t('Enter the target environment: sandbox, or mtn<country> in production ({0}).', examples));
  const known = findEnvironment(value);
  if (known) return accept(known.id, cleaned.notices);
  if (PRODUCTION_WORDS.includes(squash(value))) {
    return refuse(l10n.t('"production" is not a target environment: use mtn<country>, for example {0}', examples));
  }
  if (SANDBOX_ALIASES.includes(squash(value))) {
    return refuse(l10n.t('The test environment is called "sandbox".'));
  }
  const suggestion = suggestionFor(value);
  if (suggestion) {
    const environment = findEnvironment(suggestion);
    return refuse(
      environment
        ? l10n.t('Use "{0}" for {1}: the target environment is an id, not a country name.', suggestion, environment.label)
        : l10n.t('Use "{0}": the target environment is an id, not a country name.', suggestion),
    );
  }
  // MTN adds countries now and then; a well-formed unknown id is allowed, with a warning.
  if (/^mtn[a-z]+$/.test(value)) {
    const unknown = l10n.t('"{0}" is not a target environment this extension knows; check the spelling.', value);
    return accept(value, [...cleaned.notices, { code: 'unknownTargetEnvironment', message: unknown }]);
  }
  return refuse(l10n.t('Unknown target environment: use sandbox, or mtn<country> in production ({0}).', examples));
}
