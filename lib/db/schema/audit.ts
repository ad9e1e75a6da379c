// Issue 6: append-only audit trail and sign-in attempts (for throttling).
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid("actor_user_id"),
    actorLabel: text("actor_label"),
    enterpriseId: uuid("enterprise_id"),
    qualityId: integer("quality_id"),
    senderId: uuid("sender_id"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    // Before/after summary with secrets removed.
    summary: jsonb("summary").$type<Record<string, unknown>>(),
    ip: text("ip"),
  },
  (t) => [
    index("audit_events_sender_idx").on(t.senderId, t.at),
    index("audit_events_enterprise_idx").on(t.enterpriseId, t.at),
  ],
);

export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    username: text("username").notNull(),
    ip: text("ip").notNull(),
    succeeded: integer("succeeded").notNull(),
  },
  (t) => [index("sign_in_attempts_username_idx").on(t.username, t.at), index("sign_in_attempts_ip_idx").on(t.ip, t.at)],
);
