import "server-only";
import { X509Certificate } from "@/lib/pki/x509";
import { decodeText } from "@/lib/rules/text-encoding";
import * as pkijs from "pkijs";

/**
 * Verification of a signature file (FS) against its declaration part (FI), seed 000 §3.1 (SPEC §6).
 *
 * The FS is a PKCS#7/CMS SignedData with detached content, as `openssl smime -sign -outform PEM`
 * writes it. Senders remove the first and last line by hand (step 10), so it usually arrives as bare
 * Base64, perhaps with blank lines or CRLF, a UTF-8 byte-order mark or in UTF-16 (Notepad's « Unicode »);
 * the header lines kept, or DER, are accepted too.
 * Without `-binary`, `smime -sign` signs the CRLF-canonical form of the FI (MIME canonical text), so
 * the signature is checked against the FI's bytes and, failing that, against that canonical form.
 * Parsing and checking use pkijs (RFC 5652), never hand-written ASN.1.
 *
 * An FS that embeds its content (`smime -sign -nodetach`) is refused (`fs.not-detached`): pkijs
 * verifies the embedded eContent and ignores the `data` given, so such an FS would "sign" any FI.
 * An FS with more than one signer is refused too (`fs.several-signers`): the account's single
 * registered certificate must be the one and only signer.
 */

export type SignatureVerdict =
  | { ok: true }
  | {
      ok: false;
      code:
        | "fs.unreadable"
        | "fs.not-detached"
        | "fs.several-signers"
        | "fs.invalid"
        | "fs.signer-mismatch"
        | "fs.certificate-not-valid"
        | "fs.no-certificate";
    };

/** Largest FS accepted (a signature with a certificate chain is a few KiB). */
export const MAX_SIGNATURE_BYTES = 256 * 1024;

/** FS text or DER → DER bytes of the ContentInfo, or null. */
export function decodeSignatureFile(bytes: Uint8Array): Uint8Array | null {
  if (bytes.length === 0 || bytes.length > MAX_SIGNATURE_BYTES) return null;
  if (bytes[0] === 0x30) return bytes; // DER (e.g. -outform DER)
  // Step 10 is done in Notepad or WordPad, which may save UTF-8 with a byte-order mark or « Unicode »
  // (UTF-16): decoded by its BOM like uploaded certificates (lib/rules/text-encoding.ts), else bytes as is.
  const { text } = decodeText(bytes);
  const body = text
    .split(/\r?\n|\r/)
    .filter((line) => !line.startsWith("-----"))
    .join("")
    .replace(/\s+/g, "");
  if (body.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return null;
  const der = Buffer.from(body, "base64");
  return der.length > 0 && der[0] === 0x30 ? new Uint8Array(der) : null;
}

/** MIME canonical text (RFC 5751 §3.1.1): every line ends with CRLF, as `openssl smime -sign` signs it. */
export function canonicalText(bytes: Uint8Array): Uint8Array {
  const text = Buffer.from(bytes).toString("latin1");
  const lines = text.split(/\r?\n/);
  const last = lines.pop() ?? "";
  const canonical = lines.map((line) => `${line}\r\n`).join("") + last;
  return new Uint8Array(Buffer.from(canonical, "latin1"));
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

function certificateDer(content: Uint8Array): Uint8Array | null {
  try {
    const text = Buffer.from(content).toString("latin1");
    const cert = text.includes("-----BEGIN") ? new X509Certificate(text) : new X509Certificate(toArrayBuffer(content));
    return new Uint8Array(cert.rawData);
  } catch {
    return null;
  }
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

/**
 * @param fs the signature file as received
 * @param fi the declaration part as received
 * @param registered the certificate registered on the account (stored file: DER or PEM), with its validity
 * @param now verification time (the registered certificate must be valid then)
 */
export async function verifyDeclarationSignature(
  fs: Uint8Array,
  fi: Uint8Array,
  registered: { content: Uint8Array; notBefore: Date; notAfter: Date } | null,
  now = new Date(),
): Promise<SignatureVerdict> {
  const der = decodeSignatureFile(fs);
  if (!der) return { ok: false, code: "fs.unreadable" };
  let signedData: pkijs.SignedData;
  try {
    const info = pkijs.ContentInfo.fromBER(toArrayBuffer(der));
    if (info.contentType !== pkijs.ContentInfo.SIGNED_DATA) return { ok: false, code: "fs.unreadable" };
    signedData = new pkijs.SignedData({ schema: info.content });
  } catch {
    return { ok: false, code: "fs.unreadable" };
  }
  if (signedData.signerInfos.length === 0) return { ok: false, code: "fs.unreadable" };
  if (signedData.signerInfos.length > 1) return { ok: false, code: "fs.several-signers" };
  // Detached means no eContent (RFC 5652 §5.2): otherwise pkijs checks the embedded bytes, not the FI.
  if (signedData.encapContentInfo.eContent !== undefined) return { ok: false, code: "fs.not-detached" };
  if (!registered) return { ok: false, code: "fs.no-certificate" };
  const registeredDer = certificateDer(registered.content);
  if (!registeredDer) return { ok: false, code: "fs.no-certificate" };

  // A signature made with -nocerts carries no certificate: the registered one is the only candidate.
  const hasCertificate = (signedData.certificates ?? []).some((c) => c instanceof pkijs.Certificate);
  if (!hasCertificate) signedData.certificates = [pkijs.Certificate.fromBER(toArrayBuffer(registeredDer))];

  let signer: pkijs.Certificate | null = null;
  let verified = false;
  for (const data of [fi, canonicalText(fi)]) {
    try {
      const result = await signedData.verify({ signer: 0, data: toArrayBuffer(data), extendedMode: true, checkChain: false });
      signer = result.signerCertificate ?? null;
      if (result.signatureVerified) {
        verified = true;
        break;
      }
    } catch (error) {
      // pkijs reports a failed check as a SignedDataVerifyError; anything else is a malformed structure.
      if (error instanceof pkijs.SignedDataVerifyError) signer = error.signerCertificate ?? signer;
      else return { ok: false, code: "fs.unreadable" };
    }
  }
  if (!verified) return { ok: false, code: signer ? "fs.invalid" : "fs.signer-mismatch" };
  if (!signer || !sameBytes(new Uint8Array(signer.toSchema().toBER(false)), registeredDer)) return { ok: false, code: "fs.signer-mismatch" };
  if (now < registered.notBefore || now > registered.notAfter) return { ok: false, code: "fs.certificate-not-valid" };
  return { ok: true };
}
