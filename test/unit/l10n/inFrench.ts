/**
 * Mocha hooks for tests that read core's texts in French: the French bundle is loaded before
 * the block and English is back after it, so no other test is left reading French.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { useBundle, type Bundle } from '../../../src/core/text/l10n';

const ROOT = path.join(__dirname, '..', '..', '..', '..');

export function frenchBundle(): Bundle {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.fr.json'), 'utf8')) as Bundle;
}

export function useFrench(): void {
  before(() => useBundle(frenchBundle(), 'fr'));
  after(() => useBundle(undefined, 'en'));
}
