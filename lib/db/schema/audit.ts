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
    // The target's name when the event happened (account name, person…), so a deleted or renamed
    // target still reads well in the journal (issue 13). Null for events recorded before it existed.
    targetLabel: text("target_label"),
    // SPEC §5: the technical intermediary a delegated account's event also concerns; its own journal
    // shows the event (its delegation and certificate actions) next to the enterprise's.
    partyEnterpriseId: uuid("party_enterprise_id"),
    // Before/after summary with secrets removed.
    summary: jsonb("summary").$type<Record<string, unknown>>(),
    ip: text("ip"),
  },
  (t) => [
    // The journal pages newest first by id within each visibility scope (lib/audit/journal.ts): one
    // index per scope, so a page of 50 reads 50 index entries even with 500,000 events.
    index("audit_events_sender_id_idx").on(t.senderId, t.id),
    index("audit_events_enterprise_id_idx").on(t.enterpriseId, t.id),
    index("audit_events_party_id_idx").on(t.partyEnterpriseId, t.id),
  ],
);
