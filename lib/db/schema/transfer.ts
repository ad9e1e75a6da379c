// Issue 15, SPEC §6: batch declarations received over SFTP/FTP and the answer given to each.
import { bigint, char, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./channels";
import { senders } from "./organisation";

/** One problem of a refused declaration: a code from lib/transfer/reasons.ts and its parameters. */
export interface DeclarationReason {
  code: string;
  params?: Record<string, string | number>;
}

/**
 * A declaration closed by its GO file (seed 000 §3.2). The unique index on (sender, application,
 * date, sequence, environment) makes processing exactly-once: whichever process inserts the row
 * answers, a second GO or a second sandbox process finds the row and does nothing.
 */
export const transferDeclarations = pgTable(
  "transfer_declarations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    senderId: uuid("sender_id")
      .notNull()
      .references(() => senders.id, { onDelete: "cascade" }),
    accountId: uuid("account_id").references(() => accounts.id, { onDelete: "set null" }),
    channel: text("channel").$type<"FTP" | "SFTP">().notNull(),
    application: text("application").notNull(),
    declarationDate: char("declaration_date", { length: 8 }).notNull(),
    sequence: text("sequence").notNull(),
    environment: char("environment", { length: 1 }).$type<"R" | "T" | "S">().notNull(),
    parts: integer("parts").notNull(),
    /** `processing` until the answer is written to OUT, then `accepted` or `refused`. */
    state: text("state").$type<"processing" | "accepted" | "refused">().notNull().default("processing"),
    reasons: jsonb("reasons").$type<DeclarationReason[]>().notNull().default([]),
    /** Where the answer was stored, `<OUT folder>/<file>` (older rows: the bare file name). */
    answerFile: text("answer_file"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("transfer_declarations_once_uq").on(t.senderId, t.application, t.declarationDate, t.sequence, t.environment),
    index("transfer_declarations_sender_idx").on(t.senderId, t.receivedAt),
  ],
);

/**
 * A GO file answered with a refusal without closing a declaration (issue 15): its name is not a GO
 * name (`name-malformed`), or it re-sends a declaration that was already answered (`already-answered`).
 * One row per GO upload; the answer is `NOTIF.<GO file name>.<answer id>` in the OUT folder of the
 * IN folder the GO was put in. Exactly-once: the process that moves the GO out of IN writes the row.
 */
export const transferGoRefusals = pgTable(
  "transfer_go_refusals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    senderId: uuid("sender_id")
      .notNull()
      .references(() => senders.id, { onDelete: "cascade" }),
    accountId: uuid("account_id").references(() => accounts.id, { onDelete: "set null" }),
    channel: text("channel").$type<"FTP" | "SFTP">().notNull(),
    kind: text("kind").$type<"name-malformed" | "already-answered">().notNull(),
    /** The IN folder the GO was put in. */
    folder: text("folder").notNull(),
    goFile: text("go_file").notNull(),
    reasons: jsonb("reasons").$type<DeclarationReason[]>().notNull().default([]),
    /** `<OUT folder>/<file>`, unique: two refusals never share an answer file. */
    answerFile: text("answer_file").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("transfer_go_refusals_answer_uq").on(t.senderId, t.answerFile), index("transfer_go_refusals_sender_idx").on(t.senderId, t.receivedAt)],
);

/**
 * Bytes an upload in progress holds of its sender's quota (issue 15 leftover: the quota holds across
 * sandbox processes on one database). Complete files are counted on the storage; the bytes of uploads
 * not yet committed are only here. Rows are read and written under a transaction-level advisory lock per
 * sender (lib/transfer/quota.ts), so two processes never both grant the last bytes. A row whose process
 * died stops counting once `renewed_at` is older than the reservation lifetime (renewed while data flows).
 */
export const transferQuotaReservations = pgTable(
  "transfer_quota_reservations",
  {
    id: uuid("id").primaryKey(),
    senderId: uuid("sender_id")
      .notNull()
      .references(() => senders.id, { onDelete: "cascade" }),
    /** Bytes reserved: at least the highest offset the upload has written. */
    bytes: bigint("bytes", { mode: "number" }).notNull(),
    renewedAt: timestamp("renewed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("transfer_quota_reservations_sender_idx").on(t.senderId)],
);
