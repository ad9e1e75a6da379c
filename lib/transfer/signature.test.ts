import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import type { Issued } from "@/lib/pki/generate";
import { createLeaf } from "@/lib/pki/sample";
import { canonicalText, verifyDeclarationSignature } from "./signature";
import { opensslSign, opensslSignTwice } from "./testing/openssl";

const fi = new Uint8Array(Buffer.from("<DmfA>\n  <Employer>0123456749</Employer>\n</DmfA>\n"));
const DAY = 86_400_000;

describe("FS verification (seed 000 §3.1, SPEC §6)", () => {
  let signer: Issued;
  let other: Issued;
  const registered = (issued: Issued) => ({ content: issued.der, notBefore: issued.cert.notBefore, notAfter: issued.cert.notAfter });
  before(async () => {
    [signer, other] = await Promise.all([createLeaf({ cn: "Jean Dupont" }), createLeaf({ cn: "Someone Else" })]);
  });

  for (const style of ["seed", "with-headers", "binary", "blank-lines"] as const) {
    it(`accepts an FS made with openssl smime -sign (${style})`, async () => {
      const fs = opensslSign(fi, signer.pem, signer.privateKeyPem, style);
      assert.deepEqual(await verifyDeclarationSignature(fs, fi, registered(signer)), { ok: true });
    });
  }

  // Seed 000 §3.1 step 10 has the sender delete the header lines in Notepad or WordPad, which may save
  // the FS as UTF-8 with a byte-order mark or as « Unicode » (UTF-16LE with BOM), with CRLF line ends.
  for (const [label, encode] of [
    ["UTF-8 with BOM", (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "latin1")])],
    ["UTF-16LE with BOM (Notepad « Unicode »)", (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])],
    ["UTF-16BE with BOM", (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()])],
  ] as const) {
    it(`accepts an FS saved by a Windows editor as ${label}`, async () => {
      const text = Buffer.from(opensslSign(fi, signer.pem, signer.privateKeyPem, "blank-lines")).toString("latin1");
      const fs = new Uint8Array(encode(text));
      assert.deepEqual(await verifyDeclarationSignature(fs, fi, registered(signer)), { ok: true });
    });
  }

  it("accepts the registered certificate stored as PEM", async () => {
    const fs = opensslSign(fi, signer.pem, signer.privateKeyPem);
    const stored = { ...registered(signer), content: new Uint8Array(Buffer.from(signer.pem)) };
    assert.deepEqual(await verifyDeclarationSignature(fs, fi, stored), { ok: true });
  });

  it("refuses a signature of other content", async () => {
    const fs = opensslSign(fi, signer.pem, signer.privateKeyPem);
    const changed = new Uint8Array(Buffer.from("<DmfA>\n  <Employer>0999999999</Employer>\n</DmfA>\n"));
    assert.deepEqual(await verifyDeclarationSignature(fs, changed, registered(signer)), { ok: false, code: "fs.invalid" });
  });

  it("refuses a signer that is not the account's certificate", async () => {
    const fs = opensslSign(fi, other.pem, other.privateKeyPem);
    assert.deepEqual(await verifyDeclarationSignature(fs, fi, registered(signer)), { ok: false, code: "fs.signer-mismatch" });
  });

  it("refuses when the registered certificate is not valid now", async () => {
    const fs = opensslSign(fi, signer.pem, signer.privateKeyPem);
    const later = new Date(signer.cert.notAfter.getTime() + DAY);
    assert.deepEqual(await verifyDeclarationSignature(fs, fi, registered(signer), later), { ok: false, code: "fs.certificate-not-valid" });
  });

  it("refuses an FS with embedded content (-nodetach) over other content, whatever the FI", async () => {
    const otherContent = new Uint8Array(Buffer.from("<DmfA>\n  <Employer>0999999999</Employer>\n</DmfA>\n"));
    const fs = opensslSign(otherContent, signer.pem, signer.privateKeyPem, "nodetach");
    assert.deepEqual(await verifyDeclarationSignature(fs, fi, registered(signer)), { ok: false, code: "fs.not-detached" });
    // The same FS reused for another declaration is refused too.
    const another = new Uint8Array(Buffer.from("<DmfA>\n  <Employer>0111111111</Employer>\n</DmfA>\n"));
    assert.deepEqual(await verifyDeclarationSignature(fs, another, registered(signer)), { ok: false, code: "fs.not-detached" });
  });

  it("refuses an FS with embedded content even over the FI itself", async () => {
    const fs = opensslSign(fi, signer.pem, signer.privateKeyPem, "nodetach");
    assert.deepEqual(await verifyDeclarationSignature(fs, fi, registered(signer)), { ok: false, code: "fs.not-detached" });
  });

  it("refuses an FS with two signers with its own reason", async () => {
    const fs = opensslSignTwice(fi, [signer, other]);
    assert.deepEqual(await verifyDeclarationSignature(fs, fi, registered(signer)), { ok: false, code: "fs.several-signers" });
  });

  it("refuses files that are not signatures", async () => {
    for (const text of ["", "hello world", "AAAA", "-----BEGIN PKCS7-----\nMIIB\n-----END PKCS7-----\n"]) {
      const verdict = await verifyDeclarationSignature(new Uint8Array(Buffer.from(text)), fi, registered(signer));
      assert.deepEqual(verdict, { ok: false, code: "fs.unreadable" }, text);
    }
  });

  it("canonicalises line ends to CRLF", () => {
    assert.equal(Buffer.from(canonicalText(new Uint8Array(Buffer.from("a\nb\r\nc")))).toString(), "a\r\nb\r\nc");
  });
});
