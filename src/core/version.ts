/**
 * The product's name and version as it introduces itself to MoMo (the User-Agent of every
 * request). A unit test keeps PRODUCT_VERSION equal to package.json's version, so the two
 * cannot drift; nothing reads package.json at run time.
 */
const PRODUCT_NAME = 'momo-credentials';
const PRODUCT_VERSION = '0.1.0';

/** Sent on every MoMo request. The new production gateway refuses some library defaults (python-requests). */
export const USER_AGENT = `${PRODUCT_NAME}/${PRODUCT_VERSION}`;
