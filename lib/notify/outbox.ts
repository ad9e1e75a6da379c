import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { mailOutbox } from "@/lib/db/schema";
import type { RenderedMail } from "./render";
import { mailDelivery } from "./server-settings";

// Issue 16: side effects after commit. A mail is only ever WRITTEN here, inside the transaction of the
// action that causes it (a delegation decision, an expiry notice); lib/notify/dispatcher.ts delivers it
// once that transaction has committed. A rolled-back action therefore sends nothing, and a committed one
// cannot lose its mail when the SMTP server is down or the process dies.

export interface OutboxMail {
  /** What caused it, e.g. "certificate.expiring", "delegation.accept". */
  kind: string;
  recipient: string;
  /** The recipient's sender and enterprise: their journal shows delivery failures, their « Courriels envoyés » page the mail. */
  senderId: string | null;
  enterpriseId: string | null;
  mail: RenderedMail;
}

/** Queues one mail in the outbox; call it with the transaction of the change it reports. Returns its id. */
export async function enqueueMail(q: Queryable, input: OutboxMail): Promise<number> {
  const [row] = await q
    .insert(mailOutbox)
    .values({
      kind: input.kind,
      recipient: input.recipient,
      locale: input.mail.locale,
      subject: input.mail.subject,
      textBody: input.mail.text,
      htmlBody: input.mail.html,
      link: input.mail.link,
      senderId: input.senderId,
      enterpriseId: input.enterpriseId,
      // Demo without SMTP (QA 11b-C): shown as simulated, never delivered if SMTP_URL is set later.
      status: mailDelivery() === "smtp" ? "pending" : "simulated",
    })
    .returning({ id: mailOutbox.id });
  return row!.id;
}

/** One mail as the demo page « Courriels envoyés » shows it (no internal columns). */
export interface OutboxView {
  id: number;
  createdAt: Date;
  recipient: string;
  locale: string;
  subject: string;
  textBody: string;
  status: "pending" | "sent" | "failed" | "simulated";
}

/** The latest mails to the contact persons of one enterprise (the acting one: never another's), newest first. */
export async function listOutbox(q: Queryable, enterpriseId: string, limit = 100): Promise<OutboxView[]> {
  return q
    .select({
      id: mailOutbox.id,
      createdAt: mailOutbox.createdAt,
      recipient: mailOutbox.recipient,
      locale: mailOutbox.locale,
      subject: mailOutbox.subject,
      textBody: mailOutbox.textBody,
      status: mailOutbox.status,
    })
    .from(mailOutbox)
    .where(eq(mailOutbox.enterpriseId, enterpriseId))
    .orderBy(desc(mailOutbox.id))
    .limit(limit);
}
