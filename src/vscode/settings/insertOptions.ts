/**
 * The options of the insert commands, from their arguments and the `momo.settings.defaultMode`
 * setting: how to write (reference / value), whether a production key may go literally into a
 * tracked file without asking, and what to do about a settings file that never loads .env.
 */
import * as vscode from 'vscode';
import { defaultWriteMode } from '../config';
import type { WriteMode } from '../../core/settings';
import type { Args } from '../commandArgs';

export interface InsertOptions {
  /** undefined: the momo.settings.defaultMode setting, whose 'auto' means reference for a git-tracked, not-ignored file and value otherwise (.env files: always value). */
  mode?: WriteMode;
  /** true: write a production key literally into a tracked file without the modal question. */
  confirm?: boolean;
  /** true: add the .env loader in the same edit; false: never offer it; undefined: offer it afterwards. */
  loader?: boolean;
  /** Reveal the file in an editor afterwards (the tree and the file picker do; the current file is visible already). */
  show?: boolean;
  /** Also write the subscription key that belongs to the API user (when it is still stored). */
  withSubscriptionKey?: boolean;
  /** false: the caller (Set Up MoMo) reports the outcome itself; warnings with a fix are still shown. */
  announce?: boolean;
}

export type ParsedInsertOptions = { options: InsertOptions } | { error: string };

export function insertOptionsFrom(args: Args): ParsedInsertOptions {
  const mode = args.mode;
  if (mode !== undefined && mode !== 'value' && mode !== 'reference') {
    return { error: vscode.l10n.t('"{0}" is not a write mode; use "reference" (values in .env, read from the environment) or "value".', String(mode)) };
  }
  return {
    options: {
      ...(mode ? { mode } : {}),
      confirm: args.confirm === true,
      ...(typeof args.loader === 'boolean' ? { loader: args.loader } : {}),
      ...(typeof args.show === 'boolean' ? { show: args.show } : {}),
      ...(args.withSubscriptionKey === true ? { withSubscriptionKey: true } : {}),
    },
  };
}

/** The setting; 'auto' (the default) leaves the choice to the planner. */
export function configuredMode(document?: vscode.Uri): WriteMode | undefined {
  const value = defaultWriteMode(document);
  return value === 'value' || value === 'reference' ? value : undefined;
}
