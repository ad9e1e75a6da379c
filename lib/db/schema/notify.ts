// Issue 16: the mail outbox (written in the transaction of the action that causes a mail, delivered after
// commit by lib/notify/dispatcher.ts) and the certificate-expiry notices already given (idempotency).
import { sql } from "drizzle-orm";
import { bigint, bigserial, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { certificates } from "./channels";

// "simulated": written in the demo without SMTP_URL, shown on « Courriels envoyés » and never delivered later.
export const mailStatus = pgEnum("mail_status", ["pending", "sent", "failed", "simulated"]);

/** One e-mail to one recipient, already rendered in the recipient's language. */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    // What caused it, e.g. "certificate.expiry", "delegation.request" (lib/notify/templates.ts).
    kind: text("kind").notNull(),
    recipient: text("recipient").notNull(),
    locale: text("locale").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    link: text("link").notNull(),
    // Whose journal shows the delivery failures: the sender and enterprise the mail is about.
    senderId: uuid("sender_id"),
    enterpriseId: uuid("enterprise_id"),
    status: mailStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    // A dispatcher that claimed the row owns it until then; after a crash another one takes it over.
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    index("mail_outbox_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index("mail_outbox_created_idx").on(t.createdAt),
  ],
);

/**
 * Expiry thresholds already handled per certificate (60, 30, 7 and 0 days): the primary key makes
 * "once per certificate and threshold" hold even when several app instances run the job at once.
 */
export const certificateExpiryNotices = pgTable(
  "certificate_expiry_notices",
  {
    certificateId: uuid("certificate_id")
      .notNull()
      .references(() => certificates.id, { onDelete: "cascade" }),
    thresholdDays: integer("threshold_days").notNull(),
    // Null when a later threshold was already reached (catch-up after downtime): recorded, not mailed.
    mailId: bigint("mail_id", { mode: "number" }),
    handledAt: timestamp("handled_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.certificateId, t.thresholdDays] })],
);
