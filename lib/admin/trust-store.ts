import "server-only";
import { createHash } from "node:crypto";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { recordEvent } from "@/lib/audit/record";
import type { Db, Queryable } from "@/lib/db/client";
import { certificates, trustedCas } from "@/lib/db/schema";
import { BasicConstraintsExtension, X509Certificate } from "@/lib/pki/x509";
import { readCertificateDetails, type TrustFamily } from "@/lib/rules/certificate";
import { findTrustedIssuers } from "@/lib/rules/certificate-issuer";
import { checkKey, checkSignatureHash, describeSignature } from "@/lib/rules/certificate-key";
import { decodeCertificateFile } from "@/lib/rules/certificate-decode";
import { parseCertificate } from "@/lib/rules/certificate-parse";
import type { ErrorParams } from "@/lib/errors";
import { adminAudit, type AdminActor } from "./admins";

export const TRUST_FAMILIES = ["eid", "globalsign-personalsign3pro", "other"] as const satisfies readonly TrustFamily[];

/** A refusal: `key` is a message key ("rules.cert.*" for SPEC §4.4 rules, "admin.errors.*" otherwise). */
export type AdminFailure = { ok: false; key: string; params?: ErrorParams };

export interface TrustedCaView {
  id: string;
  family: TrustFamily;
  subject: string;
  notBefore: Date;
  notAfter: Date;
  sha256: string;
  addedAt: Date;
  retiredAt: Date | null;
  /** Stored channel certificates whose signature verifies with this CA's key (SPEC §4.4 step 6). */
  certificateCount: number;
}

/**
 * Checks a CA certificate an administrator adds to the trust store (issue 17): a `.cer` file holding
 * one X.509 certificate (SPEC §4.4 steps 1–2), basicConstraints cA set, key and signature hash within
 * SPEC §4.4 steps 3–4, valid at `now` (step 5). Returns the DER and what the list shows.
 */
export async function checkTrustAnchor(
  file: { fileName: string; bytes: Uint8Array },
  now: Date,
): Promise<{ ok: true; der: Uint8Array; subject: string; label: string; notAfter: Date; sha256: string } | AdminFailure> {
  const name = file.fileName.trim().split(/[\\/]/).pop() ?? "";
  if (!name.toLowerCase().endsWith(".cer")) {
    if (/\.(pfx|p12)$/i.test(name)) return { ok: false, key: "rules.cert.pkcs12", params: { fileName: name, reason: "name" } };
    return { ok: false, key: "rules.cert.extension", params: { fileName: name, found: name.includes(".") ? name.slice(name.lastIndexOf(".")) : "—", expected: ".cer" } };
  }
  const read = await readCertificateDetails(file.bytes, { fileName: name });
  if (!read.ok) return { ok: false, key: `rules.${read.code}`, params: read.params };
  const cert = parseCertificate(read.der);
  if (!cert) return { ok: false, key: "rules.cert.unreadable", params: { reason: "invalid" } };
  const keyFailure = checkKey(cert.key) ?? checkSignatureHash(describeSignature(cert.signatureOid, cert.signatureParams));
  if (keyFailure) return { ok: false, key: `rules.${keyFailure.code}`, params: keyFailure.params };
  if (now < cert.notBefore) return { ok: false, key: "rules.cert.not-yet-valid", params: { notBefore: cert.notBefore.toISOString(), notBeforeMs: cert.notBefore.getTime(), now: now.toISOString() } };
  if (now > cert.notAfter) return { ok: false, key: "rules.cert.expired", params: { notAfter: cert.notAfter.toISOString(), notAfterMs: cert.notAfter.getTime(), now: now.toISOString() } };
  const x509 = new X509Certificate(read.der.slice());
  if (!x509.getExtension(BasicConstraintsExtension)?.ca) return { ok: false, key: "admin.errors.notCa", params: { subject: cert.subject.display } };
  const sha256 = createHash("sha256").update(read.der).digest("hex").toUpperCase();
  return { ok: true, der: read.der, subject: cert.subject.display, label: cert.subject.cn ?? cert.subject.display, notAfter: cert.notAfter, sha256 };
}

/**
 * Adds a CA to the trust store with its family (SPEC §4.4), journaled as admin.trust.add. The same
 * CA twice (same SHA-256) is refused with admin.errors.caDuplicate, even under concurrent requests
 * (unique constraint on the fingerprint).
 */
export async function addTrustedCa(
  db: Db,
  actor: AdminActor,
  input: { fileName: string; bytes: Uint8Array; family: TrustFamily },
  now: Date,
): Promise<{ ok: true; id: string; sha256: string; subject: string } | AdminFailure> {
  const checked = await checkTrustAnchor(input, now);
  if (!checked.ok) return checked;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(trustedCas)
      .values({ family: input.family, label: checked.label, content: checked.der, sha256Fingerprint: checked.sha256, notAfter: checked.notAfter })
      .onConflictDoNothing({ target: trustedCas.sha256Fingerprint })
      .returning({ id: trustedCas.id });
    if (!row) return { ok: false, key: "admin.errors.caDuplicate", params: { sha256: checked.sha256 } } as const;
    await recordEvent(tx, {
      ...adminAudit(actor), action: "admin.trust.add", targetType: "trusted-ca", targetId: row.id,
      summary: { before: null, after: { family: input.family, subject: checked.subject, sha256: checked.sha256 } },
    });
    return { ok: true, id: row.id, sha256: checked.sha256, subject: checked.subject } as const;
  });
}

/**
 * Retires a CA (issue 17): kept for history, no longer in the trust store used by the checks, so
 * certificates it issued are flagged on their accounts' pages (lib/channels/trust-store.ts). Nothing
 * is deleted. `ca` is the row id or the SHA-256 fingerprint (CLI). Journaled as admin.trust.retire.
 */
export async function retireTrustedCa(db: Db, actor: AdminActor, ca: string): Promise<{ ok: true; id: string } | AdminFailure> {
  const bySha = /^[0-9A-Fa-f:]{64,95}$/.test(ca);
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ca);
  if (!bySha && !isUuid) return { ok: false, key: "errors.not-found" };
  return db.transaction(async (tx) => {
    const where = bySha ? eq(trustedCas.sha256Fingerprint, ca.replace(/:/g, "").toUpperCase()) : eq(trustedCas.id, ca);
    const [row] = await tx
      .update(trustedCas)
      .set({ retiredAt: new Date(), retiredBy: actor.userId })
      .where(and(where, isNull(trustedCas.retiredAt)))
      .returning({ id: trustedCas.id, family: trustedCas.family, label: trustedCas.label, sha256: trustedCas.sha256Fingerprint });
    if (!row) return { ok: false, key: "errors.not-found" } as const;
    await recordEvent(tx, {
      ...adminAudit(actor), action: "admin.trust.retire", targetType: "trusted-ca", targetId: row.id,
      summary: { before: { status: "active" }, after: { status: "retired" }, family: row.family, subject: row.label, sha256: row.sha256 },
    });
    return { ok: true, id: row.id } as const;
  });
}

/**
 * Every CA of the trust store, active and retired, by family then subject, with how many stored
 * certificates chain to each. Only certificates whose issuer CN is one of the CAs' CNs are verified.
 */
export async function listTrustedCas(q: Queryable): Promise<TrustedCaView[]> {
  const rows = await q
    .select({ id: trustedCas.id, family: trustedCas.family, label: trustedCas.label, der: trustedCas.content, sha256: trustedCas.sha256Fingerprint, addedAt: trustedCas.addedAt, retiredAt: trustedCas.retiredAt })
    .from(trustedCas)
    .orderBy(asc(trustedCas.family), asc(trustedCas.label), asc(trustedCas.addedAt));
  const labels = [...new Set(rows.map((r) => r.label))];
  const stored = labels.length
    ? await q.select({ der: certificates.content }).from(certificates).where(and(eq(certificates.selfSigned, false), inArray(certificates.issuerCn, labels)))
    : [];
  const counts = new Map<string, number>();
  const store = rows.map((r) => ({ family: r.family, der: r.der, label: r.id }));
  for (const { der } of stored) {
    // Stored byte for byte as uploaded: DER or PEM.
    const decoded = decodeCertificateFile(der);
    const cert = decoded.ok ? parseCertificate(decoded.der) : undefined;
    if (!cert) continue;
    for (const match of await findTrustedIssuers(cert, describeSignature(cert.signatureOid, cert.signatureParams), store)) {
      const id = match.ca.label ?? "";
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return rows.map((r) => {
    const cert = parseCertificate(r.der.slice());
    return {
      id: r.id, family: r.family, subject: cert?.subject.display ?? r.label, notBefore: cert?.notBefore ?? new Date(0), notAfter: cert?.notAfter ?? new Date(0),
      sha256: r.sha256, addedAt: r.addedAt, retiredAt: r.retiredAt, certificateCount: counts.get(r.id) ?? 0,
    };
  });
}
