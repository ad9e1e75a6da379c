// Issue 6: append-only audit trail (attempts for throttling: ./security.ts).
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
