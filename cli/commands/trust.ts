import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { BasicConstraintsExtension, X509Certificate } from "@/lib/pki/x509";
import { asc } from "drizzle-orm";
import { getDbHandle } from "@/lib/db/client";
import { trustedCas } from "@/lib/db/schema";
import type { TrustedCa } from "@/lib/rules/certificate";
import { existingDatabase } from "./db";

const families = ["eid", "globalsign-personalsign3pro", "other"] as const;
type Family = (typeof families)[number];

function parseCa(bytes: Buffer): X509Certificate {
  const text = bytes.toString("latin1");
  return text.includes("-----BEGIN CERTIFICATE-----") ? new X509Certificate(text) : new X509Certificate(new Uint8Array(bytes));
}

/** `trust add --family <family> <ca.cer>` and `trust list` (SPEC §4.4 « Trust store »). */
export async function runTrust(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "list") {
    const handle = await getDbHandle();
    const rows = await handle.db
      .select({ family: trustedCas.family, label: trustedCas.label, sha256: trustedCas.sha256Fingerprint, notAfter: trustedCas.notAfter })
      .from(trustedCas)
      .orderBy(asc(trustedCas.family), asc(trustedCas.label));
    console.log(JSON.stringify(rows.map((r) => ({ ...r, notAfter: r.notAfter?.toISOString() ?? null })), null, 2));
    return 0;
  }
  if (sub === "add") {
    const familyIndex = rest.indexOf("--family");
    const family = rest[familyIndex + 1];
    const file = rest.filter((_, i) => i !== familyIndex && i !== familyIndex + 1)[0];
    if (familyIndex < 0 || !families.includes(family as Family) || !file) {
      console.error("Usage: trust add --family <eid|globalsign-personalsign3pro|other> <ca.cer>");
      return 2;
    }
    let cert: X509Certificate;
    let der: Uint8Array;
    try {
      cert = parseCa(readFileSync(file));
      der = new Uint8Array(cert.rawData);
    } catch {
      console.error(`${file}: not a readable X.509 certificate (DER or PEM)`);
      return 1;
    }
    const constraints = cert.getExtension(BasicConstraintsExtension);
    if (!constraints?.ca) {
      console.error(`${file}: not a CA certificate (basicConstraints cA is not set)`);
      return 1;
    }
    const sha = createHash("sha256").update(der).digest("hex").toUpperCase();
    const handle = await getDbHandle();
    const inserted = await handle.db
      .insert(trustedCas)
      .values({ family: family as Family, label: cert.subjectName.getField("CN")[0] ?? cert.subject, content: der, sha256Fingerprint: sha, notAfter: cert.notAfter })
      .onConflictDoNothing({ target: trustedCas.sha256Fingerprint })
      .returning({ id: trustedCas.id });
    console.log(JSON.stringify({ added: inserted.length === 1, family, subject: cert.subject, sha256: sha }));
    return 0;
  }
  console.error("Usage: trust add --family <family> <ca.cer> | trust list");
  return 2;
}

/** The CAs of the configured database, for `check cert`; none when there is no database yet. */
export async function loadTrustStore(): Promise<TrustedCa[]> {
  const handle = await existingDatabase();
  if (!handle) return [];
  const rows = await handle.db.select({ family: trustedCas.family, content: trustedCas.content, label: trustedCas.label }).from(trustedCas);
  return rows.map((r) => ({ family: r.family, der: r.content, label: r.label }));
}
