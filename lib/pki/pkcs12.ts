/**
 * A PKCS#12 (.pfx/.p12) container, to exercise SPEC §4.4 step 1 (`cert.pkcs12`): users often
 * upload the .pfx they sign with instead of exporting the public .cer (seed 004).
 *
 * Structure per RFC 7292: PFX { version 3, authSafe ContentInfo(data) { AuthenticatedSafe {
 * ContentInfo(data) { SafeContents { certBag [, keyBag] } } } } }. Bags are not encrypted and
 * there is no MAC (macData is OPTIONAL), which is enough for format detection; do not use it
 * to ship real keys.
 */
import { createPrivateKey } from 'node:crypto';
import { explicit, integer, octetString, oid, seq } from './der-encode';

const OID = {
  data: '1.2.840.113549.1.7.1',
  certBag: '1.2.840.113549.1.12.10.1.3',
  keyBag: '1.2.840.113549.1.12.10.1.1',
  x509Certificate: '1.2.840.113549.1.9.22.1',
} as const;

function dataContentInfo(content: Uint8Array): Uint8Array {
  return seq(oid(OID.data), explicit(0, octetString(content)));
}

/**
 * @param certDer the certificate to wrap (DER)
 * @param opts.privateKeyPem also wrap this private key (PKCS#8 PEM) in a keyBag, like a real .pfx
 */
export function makePkcs12Like(certDer: Uint8Array, opts: { privateKeyPem?: string } = {}): Uint8Array {
  const bags = [seq(oid(OID.certBag), explicit(0, seq(oid(OID.x509Certificate), explicit(0, octetString(certDer)))))];
  if (opts.privateKeyPem) {
    const pkcs8 = new Uint8Array(createPrivateKey(opts.privateKeyPem).export({ type: 'pkcs8', format: 'der' }));
    bags.push(seq(oid(OID.keyBag), explicit(0, pkcs8)));
  }
  const authenticatedSafe = seq(dataContentInfo(seq(...bags)));
  return seq(integer(3), dataContentInfo(authenticatedSafe));
}
