// Issue 14 in the benchmark, seeding: REST accounts that can get tokens (requests: bench/oauth-scenarios.ts). One Client ID per connection, so the per-Client-ID throttle (5 attempts verified at once) never
// counts one connection's requests against another's; one key pair shared by all (seeding stays quick).
import { eq } from "drizzle-orm";
import { certificateRow } from "@/lib/channels/certificate-row";
import { generateClientId } from "@/lib/rules/client-id";
import type { Db } from "@/lib/db/client";
import * as s from "@/lib/db/schema";
import { createCertificate } from "@/lib/pki/generate";
import { checkCertificate } from "@/lib/rules/certificate";

import type { OauthFixtures } from "./oauth-scenarios";

export const BENCH_OAUTH_CLIENTS = 16;

/** REST accounts with the FLA permission and one shared certificate, for the persona's sender. */
export async function seedOauthClients(db: Db, sender: { id: string; number: string }): Promise<OauthFixtures> {
  const [owner] = await db
    .select({ number: s.enterprises.number })
    .from(s.senders)
    .innerJoin(s.enterpriseQualities, eq(s.enterpriseQualities.id, s.senders.enterpriseQualityId))
    .innerJoin(s.enterprises, eq(s.enterprises.id, s.enterpriseQualities.enterpriseId))
    .where(eq(s.senders.id, sender.id));
  if (!owner) throw new Error("the persona's sender has no enterprise");
  const employer = owner.number;
  const issued = await createCertificate({ subject: { cn: "bench-oauth-client", o: "Chaman bench" }, keyUsage: ["digitalSignature"] });
  const checked = await checkCertificate({ fileName: "bench-oauth.cer", bytes: issued.der, channel: "REST", trustStore: [], now: new Date() });
  if (!checked.ok) throw new Error(`bench OAuth certificate refused: ${checked.code}`);
  const [fla] = await db.select({ id: s.permissions.id }).from(s.permissions).where(eq(s.permissions.code, "ws.careerpro-fla"));
  if (!fla) throw new Error("permission ws.careerpro-fla missing");
  const clientIds: string[] = [];
  await db.transaction(async (tx) => {
    for (let i = 0; i < BENCH_OAUTH_CLIENTS; i++) {
      const clientId = generateClientId(sender.number);
      const [account] = await tx.insert(s.accounts).values({ senderId: sender.id, type: "REST", name: `Bench OAuth ${i + 1}`, clientId }).returning({ id: s.accounts.id });
      await tx.insert(s.accountPermissions).values({ accountId: account!.id, permissionId: fla.id });
      await tx.insert(s.certificates).values(certificateRow({ accountId: account!.id, name: "bench-oauth", fileName: "bench-oauth.cer", content: issued.der, details: checked.details, uploadedBy: null }));
      clientIds.push(clientId);
    }
  });
  return { clientIds, privateKeyPem: issued.privateKeyPem, employer };
}
