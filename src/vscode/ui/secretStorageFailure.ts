/**
 * What happens when SecretStorage refuses a write (Linux without an unlocked keyring). A new
 * API key cannot be read back from MoMo, so it is handed to the user in a modal with a copy
 * button; the API user id has already been kept in the index by then.
 */
import { shortApiUser } from '../../core/store/credentialText';
import type { CommandContext } from '../commands/commandContext';
import type { SecretStorageFailure } from '../credentialStore';

export const COPY_API_KEY = 'Copy API key';

/**
 * `failure` is a SecretStorageFailure (the user id is kept then) or any other error that kept
 * the pair from being stored (`userKept: false`: the full id is in the dialog).
 */
export function offerApiKeyForCopy(ctx: CommandContext, apiUser: string, apiKey: string, failure: { reason: string; userKept?: boolean }): void {
  const kept = failure.userKept !== false;
  ctx.notifier.tell(
    'warning',
    `VS Code could not store the new API key of API user ${shortApiUser(apiUser)}` +
      (kept ? ' (SecretStorage failed), but the API user id is kept in the MoMo view.' : `; the API user id ${apiUser} was not stored either.`) +
      ' Copy the key now: MoMo cannot show it again.',
    {
      [COPY_API_KEY]: async () => {
        await ctx.clipboard.copy(apiKey);
        ctx.notifier.tell('info', `Copied the API key of ${shortApiUser(apiUser)}: paste it somewhere safe that is not committed.`);
      },
    },
    {
      modal: true,
      detail:
        `Reason: ${failure.reason}. On Linux, install and unlock a keyring (GNOME Keyring or KWallet), ` +
        'then run "MoMo: Add Existing API User" with this id and key to store them.',
    },
  );
}

export function reportSubscriptionKeyNotStored(ctx: CommandContext, failure: SecretStorageFailure, retry: () => unknown): void {
  ctx.notifier.tell(
    'error',
    'VS Code could not store the subscription key because SecretStorage failed (on Linux: no unlocked keyring). ' +
      'Unlock or install a keyring, then try again; the key stays available in the developer portal.',
    { 'Try again': retry, 'Show log': () => ctx.log.show() },
  );
  ctx.log.error(`Subscription key not stored: ${failure.reason}`);
}
