/**
 * The API gateway's 401 bodies for a bad subscription key, word for word as MTN's sandbox sends
 * them (docs/momo-api.md). Written out here, not taken from src: the emulator's copy and the
 * core's classification are both checked against this text.
 */
export const INVALID_KEY_BODY = {
  statusCode: 401,
  message: 'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.',
};

export const MISSING_KEY_BODY = {
  statusCode: 401,
  message: 'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.',
};
