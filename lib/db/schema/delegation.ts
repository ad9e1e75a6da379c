// SPEC §5: delegation of a REST account to a technical intermediary.
import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./channels";
import { enterprises, qualities } from "./organisation";
import { users } from "./people";

export const delegationSide = pgEnum("delegation_side", ["enterprise", "intermediary"]);
export const delegationStatus = pgEnum("delegation_status", ["pending", "accepted", "refused", "ended", "cancelled"]);

export const delegations = pgTable(
  "delegations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    enterpriseId: uuid("enterprise_id")
      .notNull()
      .references(() => enterprises.id, { onDelete: "cascade" }),
    qualityId: integer("quality_id")
      .notNull()
      .references(() => qualities.id),
    intermediaryId: uuid("intermediary_id")
      .notNull()
      .references(() => enterprises.id, { onDelete: "cascade" }),
    // The REST account concerned; may be chosen by the enterprise when it accepts an intermediary's request.
    accountId: uuid("account_id").references(() => accounts.id, { onDelete: "set null" }),
    initiatedBy: delegationSide("initiated_by").notNull(),
    status: delegationStatus("status").notNull().default("pending"),
    // Re-sends after a refusal by the enterprise; the intermediary is limited to 20 (SPEC §5).
    resendCount: integer("resend_count").notNull().default(0),
    message: text("message"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [
    // At most one live (pending or accepted) delegation per REST account.
    uniqueIndex("one_live_delegation_per_account")
      .on(t.accountId)
      .where(sql`${t.status} in ('pending', 'accepted') and ${t.accountId} is not null`),
    index("delegations_enterprise_idx").on(t.enterpriseId, t.qualityId),
    index("delegations_intermediary_idx").on(t.intermediaryId),
  ],
);
