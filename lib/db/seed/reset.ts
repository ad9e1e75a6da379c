import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { seedDemo } from "./demo";

// Every table but the append-only audit trail, which keeps its history across resets.
const tables = [
  "delegations", "certificates", "account_permissions", "accounts", "technical_usernames", "contacts", "demo_ca_keys", "trusted_cas",
  "permissions", "chaman_rights", "role_assignments", "memberships", "users", "senders", "enterprise_qualities",
  "qualities", "enterprises", "throttle_attempts", "user_sessions", "mail_outbox", "certificate_expiry_notices",
  // Issue 14 (the server's signing keys are kept: tokens in flight stay verifiable).
  "oauth_scopes", "oauth_used_assertions", "fla_trainings",
  "platform_admins", "demo_clock",
];

/** Puts the demo world back as it was first written (end-to-end tests and trainers). */
export async function resetDemo(db: Db): Promise<void> {
  await db.execute(sql.raw(`truncate table ${tables.map((t) => `"${t}"`).join(", ")} restart identity cascade`));
  await seedDemo(db);
}
