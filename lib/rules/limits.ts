/**
 * Upload size limits (SPEC §4.3, §4.4), in bytes. Their own module so that client components can
 * check a chosen file at once (issue 12) without bundling the parsers.
 */

/** SPEC §4.4 step 0: a certificate file is at most 64 KiB. */
export const CERT_MAX_BYTES = 64 * 1024;

/** SPEC §4.3: a pasted or uploaded SSH public key is at most 16 KiB. */
export const SSH_KEY_MAX_BYTES = 16 * 1024;

/**
 * Largest request body the app accepts (= `serverActions.bodySizeLimit` "256kb" in next.config.mjs):
 * proxy.ts answers 413 above it, and the browser checks before sending.
 */
export const REQUEST_BODY_MAX_BYTES = 256 * 1024;
