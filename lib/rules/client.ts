/**
 * Browser-safe subset of the rules, for live validation in client components (e.g. the
 * password checklist of SPEC §4.2). No node:crypto, no sshpk, no Buffer. The server must
 * still run the same checks: client-side validation is only a convenience.
 */
export * from './result';
export * from './username';
export * from './password';
export * from './enterprise-number';
export * from './niss';
export * from './phone';
export * from './messages';
export * from './limits';
export { decodeText, type DecodedText, type TextEncodingName } from './text-encoding';
