/**
 * What happens when SecretStorage refuses a write (Linux without an unlocked keyring). A new
 * API key cannot be read back from MoMo, so it is handed to the user in a modal with a copy
 * button; the API user id has already been kept in the index by then.
 */
import type { ApiUserRef } from '../../core/store/credentialIndex';
import { shortApiUser } from '../../core/store/credentialText';
import type { CommandContext } from '../commandContext';
import { SecretStorageFailure } from '../credentialStore';

export const COPY_API_KEY = 'Copy API key';
export const DISCARD_API_KEY = 'Discard key';

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
    `VS Code could not store the new API key of API user ${who}` +
      (kept ? ' (SecretStorage failed), but the API user id is kept in the MoMo view.' : `; the API user id ${ref.apiUser} was not stored either.`) +
      ' Copy the key now: MoMo cannot show it again.',
    {
      [COPY_API_KEY]: async () => {
        await ctx.clipboard.copy(apiKey);
        ctx.store.discardUnsavedKey(ref);
        ctx.notifier.tell('info', `Copied the API key of ${who}: paste it somewhere safe that is not committed.`);
      },
      [DISCARD_API_KEY]: () => {
        ctx.store.discardUnsavedKey(ref);
        ctx.notifier.tell('info', `Discarded the API key of ${who}; create a new one with "Generate New API Key" when you need it.`);
      },
    },
    {
      modal: true,
      detail:
        `Reason: ${reason}. On Linux, install and unlock a keyring (GNOME Keyring or KWallet), ` +
        `then run "MoMo: Add Existing API User" with the id ${ref.apiUser} and this key to store them.`,
      // Esc: nothing is lost, the key stays reachable from the MoMo view.
      onDismiss: () =>
        ctx.notifier.tell(
          'warning',
          `The API key of ${who} is kept in memory until you copy or discard it: use "Copy API Key" on its row in the MoMo view. It is lost when this window closes.`,
        ),
    },
  );
}

export function reportSubscriptionKeyNotStored(ctx: CommandContext, failure: SecretStorageFailure, retry: () => unknown): void {
  ctx.notifier.tell(
    'error',
    'VS Code could not store the subscription key because SecretStorage failed (on Linux: no unlocked keyring). ' +
      'Unlock or install a keyring, then try again; the key stays available in the developer portal.',
    { 'Try Again': retry, 'Show Log': () => ctx.log.show() },
  );
  ctx.log.error(`Subscription key not stored: ${failure.reason}`);
}
