/**
 * A real, password-protected PKCS#12 (.p12) key store holding one RSA private key and its certificate, as
 * keystores and `openssl pkcs12` read it: key bag shrouded with PBES2 (PBKDF2, AES-256-CBC), certificate bag
 * encrypted the same way, integrity MAC. Built with node-forge (RFC 7292 in a well-used library) rather than by
 * hand. For the trainer kit's demo key pair only: a real integrator's key never leaves their premises.
 */
import forge from 'node-forge';

export function makePkcs12(opts: { certificatePem: string; privateKeyPem: string; password: string; friendlyName: string }): Uint8Array {
  const key = forge.pki.privateKeyFromPem(opts.privateKeyPem);
  const cert = forge.pki.certificateFromPem(opts.certificatePem);
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert], opts.password, { algorithm: 'aes256', count: 10000, friendlyName: opts.friendlyName, generateLocalKeyId: true });
  return Uint8Array.from(Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'));
}
