// Issue 19: credential-check attempts, counted before the secret is verified (lib/security/throttle.ts).
import { sql } from "drizzle-orm";
import { bigserial, boolean, check, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const throttleAttempts = pgTable(
  "throttle_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    // "sign-in" | "oauth-token" | "ftp" | "sftp" (lib/security/throttle-policy.ts).
    scope: text("scope").notNull(),
    // Normalised username, OAuth client id…; not necessarily an existing one.
    subject: text("subject").notNull(),
    // Client address (lib/security/peer-address.ts) or "unknown".
    address: text("address").notNull(),
    // "pending" while the secret is being verified, then "failed" or "succeeded".
    outcome: text("outcome").notNull().default("pending"),
    // A later success of the same subject forgives its already settled failures (never the address's).
    forgiven: boolean("forgiven").notNull().default(false),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    settledAt: timestamp("settled_at", { withTimezone: true }),
  },
  (t) => [
    index("throttle_attempts_subject_idx").on(t.scope, t.subject, t.at),
    index("throttle_attempts_address_idx").on(t.scope, t.address, t.at),
    check("throttle_attempts_outcome_check", sql`${t.outcome} in ('pending', 'failed', 'succeeded')`),
  ],
);
