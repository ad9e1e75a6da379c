/**
 * A real, password-protected PKCS#12 (.p12) holding a certificate and its private key (RFC 7292),
 * for the trainer kit only: seed 000 §3.1 steps 7–9 start from such a file (`openssl pkcs12 -in …`).
 * Made with node-forge (AES-256 key and certificate bags, PBKDF2, SHA-256 MAC) so that OpenSSL 3 reads it
 * without its legacy provider. Never used for anything but demo data.
 */
import forge from "node-forge";

export function exportPkcs12(certPem: string, privateKeyPem: string, password: string, friendlyName: string): Uint8Array {
  const key = forge.pki.privateKeyFromPem(privateKeyPem);
  const cert = forge.pki.certificateFromPem(certPem);
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert], password, { algorithm: "aes256", friendlyName, generateLocalKeyId: true });
  return new Uint8Array(Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary"));
}
