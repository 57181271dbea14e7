/**
 * The least a production token call gets: the new platform answers in 10–20 s. A module of its
 * own, so the settings chunk (src/vscode/config.ts) can read it without the MoMo client and axios.
 */
export const MIN_PRODUCTION_TOKEN_TIMEOUT_MS = 30_000;
