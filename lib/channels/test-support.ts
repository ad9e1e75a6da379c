// Helpers for the integration tests of lib/channels and lib/contact (not shipped in pages).
import { eq } from "drizzle-orm";
import { loadContexts } from "@/lib/auth/contexts";
import type { Db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { createCertificate, generateSshKeyPair, type CreateCertificateOptions } from "@/lib/pki/generate";
import type { TrustFamily } from "@/lib/rules/certificate";
import { loadDemoCas } from "./demo-cas";
import type { ServiceActor } from "./service";
import type { UploadedFile } from "./trust-store";

/** The persona's first acting context, read from the database as a request would. */
export async function actorFor(db: Db, username: string): Promise<ServiceActor> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!user) throw new Error(`no persona ${username}`);
  const loaded = await loadContexts(db, user.id);
  const ctx = loaded?.contexts[0];
  if (!ctx) throw new Error(`${username} has no context`);
  return { userId: user.id, label: username, ip: "127.0.0.1", ctx };
}

/** A certificate issued by the demo CA of a family (or self-signed), as an uploaded .cer file. */
export async function certFile(
  db: Db,
  issuer: TrustFamily | "self",
  options: Partial<CreateCertificateOptions> & { fileName?: string } = {},
): Promise<UploadedFile> {
  const ca = issuer === "self" ? undefined : (await loadDemoCas(db)).find((c) => c.family === issuer)?.issued;
  if (issuer !== "self" && !ca) throw new Error(`no demo CA ${issuer}`);
  const issued = await createCertificate({ subject: { cn: "Test User", o: "APK Recycling" }, ...options, ...(ca ? { issuer: ca } : {}) });
  return { fileName: options.fileName ?? "test.cer", bytes: issued.der };
}

let sshKey: string | undefined;
/** One valid RSA 2048 OpenSSH public key per test process (key generation is slow). */
export function sshPublicKey(): string {
  sshKey ??= generateSshKeyPair({ bits: 2048 }).openssh;
  return sshKey;
}
