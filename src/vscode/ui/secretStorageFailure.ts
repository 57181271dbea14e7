/**
 * What happens when SecretStorage refuses a write (Linux without an unlocked keyring). A new
 * API key cannot be read back from MoMo, so it is handed to the user in a modal with a copy
 * button; the API user id has already been kept in the index by then.
 */
import * as vscode from 'vscode';
import type { ApiUserRef } from '../../core/store/credentialIndex';
import { shortApiUser } from '../../core/store/credentialText';
import type { CommandContext } from '../commandContext';
import { SecretStorageFailure } from '../credentialStore';

/**
 * `err` is a SecretStorageFailure (the user id is kept then) or any other error that kept the
 * pair from being stored (then `userKept` says whether the id was, else the dialog has it). The key is held
 * in memory until it is copied or discarded: dismissing the dialog (Esc) loses nothing, the
 * MoMo view keeps a row to copy it from.
 */
export function offerApiKeyForCopy(ctx: CommandContext, ref: ApiUserRef, apiKey: string, err: unknown, userKept = true): void {
  const keyringOnly = err instanceof SecretStorageFailure;
  const kept = keyringOnly || userKept;
  const reason = keyringOnly ? err.reason : ctx.log.redact(err instanceof Error ? err.message : String(err));
  if (!keyringOnly) ctx.log.error('Storing a new API key failed', reason);
  const who = shortApiUser(ref.apiUser);
  ctx.store.holdUnsavedKey(ref, apiKey);
  ctx.notifier.tell(
    'warning',
    kept
      ? vscode.l10n.t(
          'VS Code could not store the new API key of API user {0} (SecretStorage failed), but the API user id is kept in the MoMo view. Copy the key now: MoMo cannot show it again.',
          who,
        )
      : vscode.l10n.t(
          'VS Code could not store the new API key of API user {0}; the API user id {1} was not stored either. Copy the key now: MoMo cannot show it again.',
          who,
          ref.apiUser,
        ),
    {
      [vscode.l10n.t('Copy API key')]: async () => {
        await ctx.clipboard.copy(apiKey);
        ctx.store.discardUnsavedKey(ref);
        ctx.notifier.tell('info', vscode.l10n.t('Copied the API key of {0}: paste it somewhere safe that is not committed.', who));
      },
      [vscode.l10n.t('Discard key')]: () => {
        ctx.store.discardUnsavedKey(ref);
        ctx.notifier.tell('info', vscode.l10n.t('Discarded the API key of {0}; create a new one with "Generate New API Key" when you need it.', who));
      },
    },
    {
      modal: true,
      detail: vscode.l10n.t(
        'Reason: {0}. On Linux, install and unlock a keyring (GNOME Keyring or KWallet), then run "MoMo: Add Existing API User" with the id {1} and this key to store them.',
        reason,
        ref.apiUser,
      ),
      // Esc: nothing is lost, the key stays reachable from the MoMo view.
      onDismiss: () =>
        ctx.notifier.tell(
          'warning',
          vscode.l10n.t(
            'The API key of {0} is kept in memory until you copy or discard it: use "Copy API Key" on its row in the MoMo view. It is lost when this window closes.',
            who,
          ),
        ),
    },
  );
}

export function reportSubscriptionKeyNotStored(ctx: CommandContext, failure: SecretStorageFailure, retry: () => unknown): void {
  ctx.notifier.tell(
    'error',
    vscode.l10n.t(
      'VS Code could not store the subscription key because SecretStorage failed (on Linux: no unlocked keyring). Unlock or install a keyring, then try again; the key stays available in the developer portal.',
    ),
    { [vscode.l10n.t('Try Again')]: retry, [vscode.l10n.t('Show Log')]: () => ctx.log.show() },
  );
  ctx.log.error(`Subscription key not stored: ${failure.reason}`);
}
