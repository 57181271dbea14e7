import { emptyReply, jsonReply, type EmulatorReply, type EmulatorRequest } from '../http';
import { CALLBACK_LOG_LIMIT, type CallbackLog } from './callbackLog';

/** The emulator's own paths; MoMo has none under this prefix. */
const CONTROL_PREFIX = '/_emulator/';
export const CALLBACK_LOG_PATH = '/_emulator/callbacks';

/**
 * GET /_emulator/callbacks[?referenceId=…] → 200 {"attempts": [...], "dropped": n, "limit": n}:
 * the delivery log, oldest first. Other /_emulator/ paths → 404, other methods → 405.
 * Needs no subscription key: the emulator listens on 127.0.0.1 only, and the log holds no secret.
 */
export function controlReply(req: EmulatorRequest, log: CallbackLog): EmulatorReply | undefined {
  if (!req.path.startsWith(CONTROL_PREFIX)) return undefined;
  const path = req.path.endsWith('/') ? req.path.slice(0, -1) : req.path;
  if (path !== CALLBACK_LOG_PATH) return emptyReply(404, `unknown emulator path; try GET ${CALLBACK_LOG_PATH}`);
  if (req.method !== 'GET') return { status: 405, headers: { allow: 'GET' } };
  const referenceId = req.query.get('referenceId') ?? undefined;
  if (referenceId !== undefined && referenceId.length > 64) return emptyReply(400, 'referenceId is longer than 64 characters');
  return jsonReply(200, { attempts: log.list(referenceId), dropped: log.dropped, limit: CALLBACK_LOG_LIMIT });
}
