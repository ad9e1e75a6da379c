// Seeds a fresh benchmark database: the demo world (so the personas exist), then the synthetic data of a
// scale, then ANALYZE. Runs in its own process and closes the database before the server opens it
// (PGlite: one process per data folder).
//
//   node --conditions=react-server --import tsx bench/seed-scale.ts --scale full --pglite bench/.data/pglite-full --fixtures f.json
//   node --conditions=react-server --import tsx bench/seed-scale.ts --scale small --url postgres://… --fixtures f.json
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { and, eq, sql } from "drizzle-orm";
import { hashSecret } from "@/lib/auth/password";
import { openDatabase, type Db } from "@/lib/db/client";
import * as s from "@/lib/db/schema";
import { DEMO_PASSWORD, isDatabaseEmpty, seedDemo } from "@/lib/db/seed/demo";
import { createCertificate } from "@/lib/pki/generate";
import { checkCertificate } from "@/lib/rules/certificate";
import { seedOauthClients } from "./oauth";
import { isScaleName, scales, type Fixtures, type Scale } from "./scale";
import { seedAuditEvents, seedChannels } from "./synthetic-channels";
import { seedOrganisations } from "./synthetic-organisations";

/** The persona of the signed-in pages: Boulangerie Dupont has contact data, an FTP and a REST account. */
export const BENCH_PERSONA = "claire";

async function sharedCertificate() {
  const issued = await createCertificate({ subject: { cn: "bench-rest-client", o: "Chaman bench" }, keyUsage: ["digitalSignature"] });
  const checked = await checkCertificate({ fileName: "bench.cer", bytes: issued.der, channel: "REST", trustStore: [], now: new Date() });
  if (!checked.ok) throw new Error(`bench certificate refused: ${checked.code}`);
  return { der: issued.der, details: checked.details };
}

async function seedSynthetic(db: Db, scale: Scale, log: (step: string) => void): Promise<void> {
  const [passwordHash, certificate] = await Promise.all([hashSecret(DEMO_PASSWORD), sharedCertificate()]);
  await db.transaction(async (tx) => {
    const qualities = await tx.select({ id: s.qualities.id, code: s.qualities.code }).from(s.qualities);
    const qualityId = (code: string) => qualities.find((q) => q.code === code)?.id ?? 0;
    const permissions = await tx.select({ id: s.permissions.id, kind: s.permissions.kind }).from(s.permissions).orderBy(s.permissions.id);
    const senders = await seedOrganisations(tx, scale, { employer: qualityId("employeur-onss"), secretariat: qualityId("secretariat-social") }, passwordHash);
    log(`organisations (${scale.enterprises} enterprises, ${senders.length} senders)`);
    const permissionIds = {
      batch: permissions.filter((p) => p.kind === "batch").map((p) => p.id),
      webservice: permissions.filter((p) => p.kind === "webservice").map((p) => p.id),
    };
    await seedChannels(tx, scale, senders, permissionIds, certificate, passwordHash);
    log(`channels (${scale.accounts} accounts, ${scale.certificates} certificates)`);
    await seedAuditEvents(tx, scale, senders);
    log(`audit events (${scale.auditEvents})`);
  });
}

async function fixturesOf(db: Db, scale: Scale, seedSeconds: number): Promise<Fixtures> {
  const [persona] = await db
    .select({ userId: s.users.id, senderId: s.senders.id, senderNumber: s.senders.senderNumber })
    .from(s.users)
    .innerJoin(s.roleAssignments, eq(s.roleAssignments.userId, s.users.id))
    .innerJoin(s.enterpriseQualities, and(eq(s.enterpriseQualities.enterpriseId, s.roleAssignments.enterpriseId), eq(s.enterpriseQualities.qualityId, s.roleAssignments.qualityId)))
    .innerJoin(s.senders, eq(s.senders.enterpriseQualityId, s.enterpriseQualities.id))
    .where(eq(s.users.username, BENCH_PERSONA));
  if (!persona) throw new Error(`persona ${BENCH_PERSONA} has no sender`);
  const accounts = await db.select({ id: s.accounts.id, type: s.accounts.type }).from(s.accounts).where(eq(s.accounts.senderId, persona.senderId));
  const rest = accounts.find((a) => a.type === "REST");
  const ftp = accounts.find((a) => a.type === "FTP");
  if (!rest || !ftp) throw new Error(`persona ${BENCH_PERSONA} lacks a REST or FTP account`);
  const [certificate] = await db.select({ id: s.certificates.id }).from(s.certificates).where(eq(s.certificates.accountId, rest.id));
  const tables = ["enterprises", "senders", "contacts", "users", "accounts", "certificates", "audit_events"] as const;
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const result = await db.execute(sql.raw(`select count(*)::int as n from "${table}"`));
    counts[table] = Number((result as unknown as { rows: Array<{ n: number }> }).rows[0]?.n ?? 0);
  }
  return {
    scale: scale.name,
    username: BENCH_PERSONA,
    password: DEMO_PASSWORD,
    userId: persona.userId,
    senderId: persona.senderId,
    senderNumber: persona.senderNumber,
    restAccountId: rest.id,
    ftpAccountId: ftp.id,
    restCertificateId: certificate?.id ?? "",
    counts,
    seedSeconds,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scale: { type: "string" }, pglite: { type: "string" }, url: { type: "string" }, fixtures: { type: "string" } } });
  const scaleName = values.scale ?? "";
  if (!isScaleName(scaleName) || (!values.pglite && !values.url) || !values.fixtures) {
    throw new Error("usage: seed-scale.ts --scale small|quick|full (--pglite <dir> | --url <postgres url>) --fixtures <file>");
  }
  const scale = scales[scaleName];
  const started = performance.now();
  const log = (step: string) => console.error(`[seed ${scale.name}] ${step}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const handle = await openDatabase(values.url ? { url: values.url } : { pglite: values.pglite });
  try {
    if (!(await isDatabaseEmpty(handle.db))) throw new Error("the benchmark seeds a fresh database only");
    await seedDemo(handle.db);
    log("demo world");
    await seedSynthetic(handle.db, scale, log);
    // Fresh planner statistics, as after any bulk import (PGlite runs no autovacuum daemon).
    await handle.db.execute(sql`analyze`);
    log("analyze");
    const fixtures = await fixturesOf(handle.db, scale, (performance.now() - started) / 1000);
    fixtures.oauth = await seedOauthClients(handle.db, { id: fixtures.senderId, number: fixtures.senderNumber });
    writeFileSync(values.fixtures, `${JSON.stringify(fixtures, null, 2)}\n`);
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error("[seed] failed:", error);
  process.exit(1);
});
