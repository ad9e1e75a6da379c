/**
 * Credential and identifier rules of SPEC §1 and §4 — pure functions, no framework, no database.
 *
 * Server code can import everything from here. Client components should import
 * `@/lib/rules/client` instead: this barrel also pulls in node:crypto (client-id) and sshpk
 * (ssh-key), which do not belong in a browser bundle.
 */
export * from './result';
export * from './username';
export * from './password';
export * from './enterprise-number';
export * from './niss';
export * from './phone';
export * from './email';
export * from './client-id';
export * from './ssh-key';
export * from './certificate';
export { describeKey, describeSignature, ALLOWED_CURVES, ALLOWED_HASHES, ALLOWED_RSA_BITS } from './certificate-key';
export type { KeyInfo, NameInfo, ParsedCertificate } from './certificate-parse';
export { parseCertificate } from './certificate-parse';
export { decodeCertificate, decodeCertificateFile, classifyStructure } from './certificate-decode';
export * from './messages';
