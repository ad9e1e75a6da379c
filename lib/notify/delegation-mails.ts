import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { delegations } from "@/lib/db/schema";
import { delegationWithParties } from "@/lib/delegation/queries";
import { formatEnterpriseNumber } from "@/lib/rules/enterprise-number";
import { enqueueMail } from "./outbox";
import { contactOfEnterpriseQuality, contactOfIntermediary } from "./recipients";
import { assembleMail, mailMessage } from "./render";
import { localizedName } from "@/lib/i18n/locales";
import { withElision } from "@/lib/i18n/elision";

// Issue 16 / SPEC §5: each transition of a delegation is told to the OTHER party's contact person.

export type DelegationEvent = "request" | "resend" | "refuse" | "accept" | "withdraw" | "end";

/**
 * Which side is told. The initiator requests, re-sends and withdraws (the other side is told); the
 * other side accepts or refuses (the initiator is told); only the enterprise ends (the intermediary is told).
 */
export function recipientSide(event: DelegationEvent, initiatedBy: "enterprise" | "intermediary"): "enterprise" | "intermediary" {
  const other = initiatedBy === "enterprise" ? "intermediary" : "enterprise";
  switch (event) {
    case "request":
    case "resend":
    case "withdraw":
      return other;
    case "refuse":
    case "accept":
      return initiatedBy;
    case "end":
      return "intermediary";
  }
}

/**
 * Queues the mail for `event` on delegation `delegationId`; call it inside the transition's transaction,
 * after the delegation row is updated. Returns the outbox id, or null when the party told has no contact
 * data yet (nothing to send; the app's « À faire » panel still shows waiting requests).
 */
export async function queueDelegationMail(q: Queryable, delegationId: string, event: DelegationEvent): Promise<number | null> {
  const [row] = await delegationWithParties(q).where(eq(delegations.id, delegationId)).limit(1);
  if (!row) return null;
  const side = recipientSide(event, row.initiatedBy);
  const to = side === "enterprise" ? await contactOfEnterpriseQuality(q, row.enterpriseId, row.qualityId) : await contactOfIntermediary(q, row.intermediaryId);
  if (!to) return null;
  const locale = to.locale;
  const values = withElision({
    counterpart: side === "enterprise" ? row.intermediaryName : row.enterpriseName,
    number: formatEnterpriseNumber(side === "enterprise" ? row.intermediaryNumber : row.enterpriseNumber),
    quality: localizedName(row, locale),
    hasAccount: row.accountName ? "yes" : "no",
    account: row.accountName ?? "",
  }, "counterpart");
  const mail = assembleMail({
    locale,
    subject: mailMessage(locale, `delegation.${event}.subject`, values),
    greetingName: to.name,
    paragraphs: [mailMessage(locale, `delegation.${event}.body`, values)],
    actionLabel: mailMessage(locale, "delegation.action"),
    path: "/delegations",
    footer: mailMessage(locale, "footer", { sender: to.senderNumber, enterprise: to.enterpriseName }),
  });
  return enqueueMail(q, { kind: `delegation.${event}`, recipient: to.email, senderId: to.senderId, enterpriseId: to.enterpriseId, mail });
}
