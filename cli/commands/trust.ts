import { existsSync, readFileSync } from "node:fs";
import { asc } from "drizzle-orm";
import { cliActor } from "@/lib/admin/admins";
import { appNow } from "@/lib/admin/clock";
import { addTrustedCa, retireTrustedCa, TRUST_FAMILIES } from "@/lib/admin/trust-store";
import { getDbHandle } from "@/lib/db/client";
import { trustedCas } from "@/lib/db/schema";
import type { TrustedCa, TrustFamily } from "@/lib/rules/certificate";
import { existingDatabase } from "./db";

const usage = "Usage: trust add --family <eid|globalsign-personalsign3pro|other> <ca.cer> | trust retire <sha256> | trust list";

/**
 * `trust add --family <family> <ca.cer>`, `trust retire <sha256>` and `trust list` (SPEC §4.4 « Trust
 * store »): the same services as the « Administration » pages (lib/admin/trust-store.ts), journaled
 * with the actor "CLI". Exit 0 done (a CA already present: added false), 1 refused, 2 bad usage.
 */
export async function runTrust(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "list") {
    const handle = await getDbHandle();
    const rows = await handle.db
      .select({ family: trustedCas.family, label: trustedCas.label, sha256: trustedCas.sha256Fingerprint, notAfter: trustedCas.notAfter, retiredAt: trustedCas.retiredAt })
      .from(trustedCas)
      .orderBy(asc(trustedCas.family), asc(trustedCas.label));
    console.log(JSON.stringify(rows.map((r) => ({ ...r, notAfter: r.notAfter?.toISOString() ?? null, retiredAt: r.retiredAt?.toISOString() ?? null })), null, 2));
    return 0;
  }
  if (sub === "retire") {
    if (rest.length !== 1) {
      console.error(usage);
      return 2;
    }
    const handle = await getDbHandle();
    const retired = await retireTrustedCa(handle.db, cliActor, rest[0]!);
    if (!retired.ok) {
      console.error(`${rest[0]}: no active CA with this SHA-256 fingerprint`);
      return 1;
    }
    console.log(JSON.stringify({ retired: true, id: retired.id }));
    return 0;
  }
  if (sub === "add") {
    const familyIndex = rest.indexOf("--family");
    const family = rest[familyIndex + 1];
    const file = rest.filter((_, i) => i !== familyIndex && i !== familyIndex + 1)[0];
    if (familyIndex < 0 || !(TRUST_FAMILIES as readonly string[]).includes(family ?? "") || !file) {
      console.error(usage);
      return 2;
    }
    // QA 11b-G: a missing file is a usage error (exit 2), said as such.
    if (!existsSync(file)) {
      console.error(`file not found: ${file}`);
      return 2;
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(file));
    } catch {
      console.error(`${file}: cannot be read`);
      return 1;
    }
    const handle = await getDbHandle();
    const added = await addTrustedCa(handle.db, cliActor, { fileName: file, bytes, family: family as TrustFamily }, await appNow(handle.db));
    if (!added.ok && added.key === "admin.errors.caDuplicate") {
      console.log(JSON.stringify({ added: false, family, sha256: added.params?.sha256 }));
      return 0;
    }
    if (!added.ok) {
      console.error(`${file}: refused (${added.key.replace(/^(rules|admin\.errors)\./, "")}) ${JSON.stringify(added.params ?? {})}`);
      return 1;
    }
    console.log(JSON.stringify({ added: true, family, subject: added.subject, sha256: added.sha256 }));
    return 0;
  }
  console.error(usage);
  return 2;
}

/** The active CAs of the configured database, for `check cert`; none when there is no database yet. */
export async function loadTrustStore(): Promise<TrustedCa[]> {
  const handle = await existingDatabase();
  if (!handle) return [];
  const { loadTrustStore: load } = await import("@/lib/channels/trust-store");
  return load(handle.db);
}
