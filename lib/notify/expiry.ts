import "server-only";
import { and, eq, gte, inArray, lte } from "drizzle-orm";
import type { Db, Queryable } from "@/lib/db/client";
import { accounts, certificateExpiryNotices, certificates, delegations } from "@/lib/db/schema";
import { delegationWithParties } from "@/lib/delegation/queries";
import { formatEnterpriseNumber } from "@/lib/rules/enterprise-number";
import { enqueueMail } from "./outbox";
import { contactOfIntermediary, contactOfSender, type ContactRecipient } from "./recipients";
import { assembleMail, mailDate, mailMessage } from "./render";
import { daysUntil, EXPIRY_THRESHOLDS, expiryPlan, type ExpiryThreshold } from "./thresholds";

// Issue 16: the sender's contact person is told 60, 30 and 7 days before a certificate of one of its
// accounts expires, and on the day (all channels). Idempotent: each (certificate, threshold) is handled
// once, by whichever run inserts its certificate_expiry_notices row first — so the job may run on every
// instance, at every start (catch-up after downtime) and by hand, and still send each mail once.

export interface ExpiryRunResult {
  /** Certificates looked at (expiring within the largest threshold, not yet past their expiry day). */
  examined: number;
  mailed: number;
  /** Thresholds recorded without a mail: a later one was already reached, or there is no contact. */
  recordedOnly: number;
  /** Dry run only (QA 11b-B): the mails that would be queued; nothing was written. */
  wouldMail?: Array<{ certificate: string; account: string; daysLeft: number; threshold: number }>;
}

const DAY_MS = 86_400_000;

type Candidate = { id: string; name: string; notAfter: Date; accountId: string; accountName: string; accountType: string; senderId: string; delegated: boolean };

async function candidates(q: Queryable, now: Date): Promise<Candidate[]> {
  const rows = await q
    .select({
      id: certificates.id,
      name: certificates.name,
      notAfter: certificates.notAfter,
      accountId: accounts.id,
      accountName: accounts.name,
      accountType: accounts.type,
      senderId: accounts.senderId,
      management: accounts.certificateManagement,
    })
    .from(certificates)
    .innerJoin(accounts, eq(accounts.id, certificates.accountId))
    // A day of margin on both sides; daysUntil() decides with Belgian calendar days.
    .where(and(gte(certificates.notAfter, new Date(now.getTime() - DAY_MS)), lte(certificates.notAfter, new Date(now.getTime() + (EXPIRY_THRESHOLDS[0] + 1) * DAY_MS))));
  return rows.map(({ management, ...r }) => ({ ...r, delegated: management === "intermediary" }));
}

/** Who is told, and where the link points: the intermediary's contact for a delegated REST account (SPEC §5). */
async function audience(q: Queryable, cert: Candidate): Promise<{ to: ContactRecipient; path: string; delegatedBy?: { name: string; number: string } } | null> {
  if (cert.delegated) {
    const [delegation] = await delegationWithParties(q)
      .where(and(eq(delegations.accountId, cert.accountId), eq(delegations.status, "accepted")))
      .limit(1);
    if (delegation) {
      const to = await contactOfIntermediary(q, delegation.intermediaryId);
      return to ? { to, path: `/delegations/accounts/${cert.accountId}`, delegatedBy: { name: delegation.enterpriseName, number: formatEnterpriseNumber(delegation.enterpriseNumber) } } : null;
    }
  }
  const to = await contactOfSender(q, cert.senderId);
  return to ? { to, path: `/accounts/${cert.accountId}` } : null;
}

async function queueExpiryMail(q: Queryable, cert: Candidate, threshold: ExpiryThreshold, daysLeft: number): Promise<number | null> {
  const target = await audience(q, cert);
  if (!target) return null;
  const { to } = target;
  const locale = to.locale;
  const kind = threshold === 0 ? "expired" : "expiring";
  const values = { certificate: cert.name, account: cert.accountName, type: cert.accountType, date: mailDate(locale, cert.notAfter), days: daysLeft };
  const paragraphs = [mailMessage(locale, `certificate.${kind}.body`, values)];
  if (target.delegatedBy) paragraphs.push(mailMessage(locale, "certificate.delegated", { enterprise: target.delegatedBy.name, number: target.delegatedBy.number }));
  const mail = assembleMail({
    locale,
    subject: mailMessage(locale, `certificate.${kind}.subject`, values),
    greetingName: to.name,
    paragraphs,
    actionLabel: mailMessage(locale, `certificate.${kind}.action`),
    path: target.path,
    footer: mailMessage(locale, "footer", { sender: to.senderNumber, enterprise: to.enterpriseName }),
  });
  return enqueueMail(q, { kind: `certificate.${kind}`, recipient: to.email, senderId: to.senderId, enterpriseId: to.enterpriseId, mail });
}

/**
 * The daily expiry job at instant `now` (pass it explicitly in tests and `notify run --now`). For each
 * certificate, one short transaction inserts the thresholds reached (ON CONFLICT DO NOTHING: a concurrent
 * run waits for the other's row, then skips it) and queues the mail only if it inserted the most urgent one.
 * `dryRun`: writes nothing and lists the mails it would queue in `wouldMail`.
 */
export async function runExpiryNotices(db: Db, now: Date = new Date(), options: { dryRun?: boolean } = {}): Promise<ExpiryRunResult> {
  const result: ExpiryRunResult = { examined: 0, mailed: 0, recordedOnly: 0, ...(options.dryRun ? { wouldMail: [] } : {}) };
  const certs = await candidates(db, now);
  const handled = certs.length
    ? await db
        .select({ certificateId: certificateExpiryNotices.certificateId, threshold: certificateExpiryNotices.thresholdDays })
        .from(certificateExpiryNotices)
        .where(inArray(certificateExpiryNotices.certificateId, certs.map((c) => c.id)))
    : [];
  for (const cert of certs) {
    const daysLeft = daysUntil(cert.notAfter, now);
    const plan = expiryPlan(daysLeft, handled.filter((h) => h.certificateId === cert.id).map((h) => h.threshold));
    if (daysLeft < 0) continue;
    result.examined++;
    if (plan.record.length === 0) continue;
    if (result.wouldMail) {
      if (plan.mail !== null) result.wouldMail.push({ certificate: cert.name, account: cert.accountName, daysLeft, threshold: plan.mail });
      continue;
    }
    const outcome = await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(certificateExpiryNotices)
        .values(plan.record.map((thresholdDays) => ({ certificateId: cert.id, thresholdDays, handledAt: now })))
        .onConflictDoNothing()
        .returning({ threshold: certificateExpiryNotices.thresholdDays });
      const mine = inserted.map((r) => r.threshold);
      let mailId: number | null = null;
      if (plan.mail !== null && mine.includes(plan.mail)) {
        mailId = await queueExpiryMail(tx, cert, plan.mail, daysLeft);
        if (mailId !== null) {
          await tx
            .update(certificateExpiryNotices)
            .set({ mailId })
            .where(and(eq(certificateExpiryNotices.certificateId, cert.id), eq(certificateExpiryNotices.thresholdDays, plan.mail)));
        }
      }
      return { recorded: mine.length, mailed: mailId !== null };
    });
    if (outcome.mailed) result.mailed++;
    result.recordedOnly += outcome.recorded - (outcome.mailed ? 1 : 0);
  }
  return result;
}

