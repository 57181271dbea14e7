/**
 * The findings of a whole settings document with every fix planned (the move to .env
 * included): what a quick fix is applied from, and what the quick-fix list offers. The
 * diagnostics use FindingsTracker instead, which keeps the planners out of their bundle.
 */
import { detectFindings, isMtnMomoDocument } from '../../core/settings';
import type { FindingsSource } from './settingsCheck';

export const FULL_SCAN: FindingsSource = {
  isMtn: (_uri, doc) => isMtnMomoDocument(doc.text),
  findings: (_uri, doc, options) => detectFindings(doc, options),
};
