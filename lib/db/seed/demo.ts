import "server-only";
import { createHash } from "node:crypto";
import { count, eq, inArray } from "drizzle-orm";
import { hashSecret } from "@/lib/auth/password";
import { certificateRow } from "@/lib/channels/certificate-row";
import type { Db, Queryable } from "@/lib/db/client";
import * as s from "@/lib/db/schema";
import { createCertificate, type Issued } from "@/lib/pki/generate";
import { checkCertificate, type CertificateDetails, type TrustedCa } from "@/lib/rules/certificate";
import { generateClientId } from "@/lib/rules/client-id";
import { seedReferenceData } from "./reference";
import type { RoleKind } from "@/lib/auth/access";

// The demo world of issue 2 (README « Personas »). Every demo password is "demo".
export const DEMO_PASSWORD = "demo";

const demoEnterprises = {
  apk: { number: "0123456749", name: "APK Recycling", isTechnicalIntermediary: false },
  digital: { number: "0456789034", name: "Digital Services SRL", isTechnicalIntermediary: true },
  dupont: { number: "0876543270", name: "Boulangerie Dupont", isTechnicalIntermediary: false },
} as const;
type EnterpriseKey = keyof typeof demoEnterprises;

export const demoPersonas: Array<{
  username: string; niss: string; firstName: string; lastName: string; enterprise: EnterpriseKey;
  role?: RoleKind; quality?: string; chamanRight?: string;
}> = [
  { username: "steven", niss: "85073003328", firstName: "Steven", lastName: "Peeters", enterprise: "apk", role: "responsable-acces" },
  { username: "danny", niss: "90021514548", firstName: "Danny", lastName: "Janssens", enterprise: "apk", role: "gestionnaire-local", quality: "employeur-onss" },
  { username: "mery", niss: "78051226776", firstName: "Mery", lastName: "Dubois", enterprise: "apk", role: "co-gestionnaire-local", quality: "employeur-onss" },
  { username: "ann", niss: "92010138965", firstName: "Ann", lastName: "Maes", enterprise: "apk", chamanRight: "employeur-onss" },
  { username: "bob", niss: "88112341148", firstName: "Bob", lastName: "Lambert", enterprise: "apk" },
  { username: "ivan", niss: "01030452310", firstName: "Ivan", lastName: "Claes", enterprise: "digital", role: "gestionnaire-local", quality: "prestataire-services" },
  { username: "claire", niss: "83061963595", firstName: "Claire", lastName: "Dupont", enterprise: "dupont", role: "gestionnaire-local", quality: "employeur-onss" },
];

/** Issue 17: the platform administrator persona (no enterprise; « Administration » only). */
export const demoAdmin = { username: "admin", niss: "75120512328", firstName: "Alex", lastName: "Admin" };

const demoCaSubjects: Array<{ family: TrustedCa["family"]; cn: string; o: string }> = [
  { family: "eid", cn: "Demo Belgium eID Citizen CA", o: "Chaman Mirror demo" },
  { family: "globalsign-personalsign3pro", cn: "Demo GlobalSign PersonalSign 3 Pro CA", o: "Chaman Mirror demo" },
  { family: "other", cn: "Demo Other Issuing CA", o: "Chaman Mirror demo" },
];

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(s.users);
  return (row?.n ?? 0) === 0;
}

/** True when the database holds the demo world (its demo CAs' keys are only ever written by seedDemo). */
export async function isDemoDatabase(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(s.demoCaKeys);
  return (row?.n ?? 0) > 0;
}

async function storeCa(q: Queryable, family: TrustedCa["family"], ca: Issued): Promise<void> {
  const sha = createHash("sha256").update(ca.der).digest("hex").toUpperCase();
  const [row] = await q
    .insert(s.trustedCas)
    .values({ family, label: ca.cert.subjectName.getField("CN")[0] ?? ca.cert.subject, content: ca.der, sha256Fingerprint: sha, notAfter: ca.cert.notAfter })
    .returning({ id: s.trustedCas.id });
  if (row) await q.insert(s.demoCaKeys).values({ trustedCaId: row.id, privateKeyPem: ca.privateKeyPem });
}

async function detailsOf(issued: Issued, channel: "FTP" | "REST", trustStore: TrustedCa[]): Promise<CertificateDetails> {
  const result = await checkCertificate({ fileName: "demo.cer", bytes: issued.der, channel, trustStore, now: new Date() });
  if (!result.ok) throw new Error(`demo certificate refused by its own rule: ${result.code}`);
  return result.details;
}

/** Writes the demo world into an empty database, in one transaction. */
export async function seedDemo(db: Db): Promise<void> {
  const now = new Date();
  const inTwoYears = new Date(now.getTime() + 2 * 365 * 24 * 3600 * 1000);
  const cas = await Promise.all(
    demoCaSubjects.map(async (subject) => ({
      ...subject,
      issued: await createCertificate({ subject: { cn: subject.cn, o: subject.o, c: "BE" }, key: { kind: "RSA", bits: 2048 }, isCa: true, notAfter: new Date(now.getTime() + 10 * 365 * 24 * 3600 * 1000) }),
    })),
  );
  const trustStore: TrustedCa[] = cas.map((ca) => ({ family: ca.family, der: ca.issued.der, label: ca.cn }));
  const eidCa = cas[0]!.issued;
  const ftpCert = await createCertificate({ subject: { cn: "Claire Dupont", o: "Boulangerie Dupont", c: "BE" }, issuer: eidCa, notAfter: inTwoYears });
  const restCert = await createCertificate({ subject: { cn: "dupont-rest-client", o: "Boulangerie Dupont" }, notAfter: inTwoYears, keyUsage: ["digitalSignature"] });
  const [ftpDetails, restDetails] = await Promise.all([detailsOf(ftpCert, "FTP", trustStore), detailsOf(restCert, "REST", trustStore)]);
  const passwordHash = await hashSecret(DEMO_PASSWORD);
  const ftpPasswordHash = await hashSecret("Pain#2024");

  await db.transaction(async (tx) => {
    await seedReferenceData(tx);
    for (const ca of cas) await storeCa(tx, ca.family, ca.issued);

    const qualityRows = await tx.select().from(s.qualities);
    const qualityId = (code: string) => {
      const row = qualityRows.find((q) => q.code === code);
      if (!row) throw new Error(`unknown quality ${code}`);
      return row.id;
    };
    const enterpriseIds = {} as Record<EnterpriseKey, string>;
    for (const [key, value] of Object.entries(demoEnterprises) as Array<[EnterpriseKey, (typeof demoEnterprises)[EnterpriseKey]]>) {
      const [row] = await tx.insert(s.enterprises).values(value).returning({ id: s.enterprises.id });
      enterpriseIds[key] = row!.id;
    }
    const activate = async (enterprise: EnterpriseKey, quality: string, email: string) => {
      const [eq_] = await tx.insert(s.enterpriseQualities).values({ enterpriseId: enterpriseIds[enterprise], qualityId: qualityId(quality), contactEmail: email }).returning();
      const [sender] = await tx.insert(s.senders).values({ enterpriseQualityId: eq_!.id }).returning();
      return sender!;
    };
    // APK Recycling: Employeur ONSS without contact data (first-connection walkthrough); Prestataire de formation not activated.
    await activate("apk", "employeur-onss", "rh@apk-recycling.be");
    const digitalSender = await activate("digital", "prestataire-services", "contact@digital-services.be");
    const dupontSender = await activate("dupont", "employeur-onss", "info@boulangerie-dupont.be");

    const userIds: Record<string, string> = {};
    for (const p of demoPersonas) {
      const [user] = await tx
        .insert(s.users)
        .values({ username: p.username, niss: p.niss, firstName: p.firstName, lastName: p.lastName, email: `${p.username}@demo.chaman.test`, passwordHash })
        .returning({ id: s.users.id });
      userIds[p.username] = user!.id;
      await tx.insert(s.memberships).values({ userId: user!.id, enterpriseId: enterpriseIds[p.enterprise] });
      if (p.role) await tx.insert(s.roleAssignments).values({ userId: user!.id, enterpriseId: enterpriseIds[p.enterprise], qualityId: p.quality ? qualityId(p.quality) : null, role: p.role });
      if (p.chamanRight) await tx.insert(s.chamanRights).values({ userId: user!.id, enterpriseId: enterpriseIds[p.enterprise], qualityId: qualityId(p.chamanRight) });
    }

    const [admin] = await tx
      .insert(s.users)
      .values({ ...demoAdmin, email: `${demoAdmin.username}@demo.chaman.test`, passwordHash })
      .returning({ id: s.users.id });
    await tx.insert(s.platformAdmins).values({ userId: admin!.id });

    await tx.insert(s.contacts).values([
      { senderId: digitalSender.id, name: "Ivan Claes", countryCode: "+32", phone: "0470123456", phoneE164: "+32470123456", email: "ivan@digital-services.be", language: "nl" },
      { senderId: dupontSender.id, name: "Claire Dupont", countryCode: "+32", phone: "0486531619", phoneE164: "+32486531619", email: "claire@boulangerie-dupont.be", language: "fr" },
    ]);

    const perms = await tx.select({ id: s.permissions.id, code: s.permissions.code }).from(s.permissions).where(inArray(s.permissions.code, ["batch.dmfa", "batch.dimona", "ws.dimona-declare", "ws.dimona-consult"]));
    const perm = (code: string) => perms.find((p) => p.code === code)!.id;
    // The sender holds its technical username (SPEC §4.1; accounts_username_owner_fk).
    await tx.insert(s.technicalUsernames).values({ usernameNormalized: "EXPDUPONT1", senderId: dupontSender.id });
    const [ftp] = await tx
      .insert(s.accounts)
      .values({ senderId: dupontSender.id, type: "FTP", name: "Dupont FTP", username: "EXPDUPONT1", usernameNormalized: "EXPDUPONT1", passwordHash: ftpPasswordHash })
      .returning({ id: s.accounts.id });
    const [rest] = await tx
      .insert(s.accounts)
      .values({ senderId: dupontSender.id, type: "REST", name: "Dupont Dimona REST", clientId: generateClientId(dupontSender.senderNumber) })
      .returning({ id: s.accounts.id });
    await tx.insert(s.accountPermissions).values([
      { accountId: ftp!.id, permissionId: perm("batch.dmfa") },
      { accountId: ftp!.id, permissionId: perm("batch.dimona") },
      { accountId: rest!.id, permissionId: perm("ws.dimona-declare") },
      { accountId: rest!.id, permissionId: perm("ws.dimona-consult") },
    ]);
    await tx.insert(s.certificates).values([
      certificateRow({ accountId: ftp!.id, name: "certificat-ftp", fileName: "dupont-ftp.cer", content: ftpCert.der, details: ftpDetails, uploadedBy: userIds.claire ?? null }),
      certificateRow({ accountId: rest!.id, name: "certificat-rest", fileName: "dupont-rest.cer", content: restCert.der, details: restDetails, uploadedBy: userIds.claire ?? null }),
    ]);
  });
}

/** Used at start-up: the demo world when the database is empty, unless CHAMAN_SEED=none. */
export async function seedIfEmpty(db: Db): Promise<"seeded" | "kept" | "reference-only"> {
  if (process.env.CHAMAN_SEED === "none") {
    await seedReferenceData(db);
    return "reference-only";
  }
  if (!(await isDatabaseEmpty(db))) {
    // Reference data added by later versions (e.g. OAuth scopes, issue 14) reaches existing databases too.
    await seedReferenceData(db);
    return "kept";
  }
  await seedDemo(db);
  return "seeded";
}

export async function findUserId(db: Db, username: string): Promise<string | undefined> {
  const [row] = await db.select({ id: s.users.id }).from(s.users).where(eq(s.users.username, username));
  return row?.id;
}
