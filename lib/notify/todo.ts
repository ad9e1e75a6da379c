import "server-only";
import { and, asc, count, eq, gt, inArray, lte, max, or, sql, type SQL } from "drizzle-orm";
import { loadTrustStore, untrustedAmong } from "@/lib/channels/trust-store";
import type { Queryable } from "@/lib/db/client";
import { accounts, certificates, delegations } from "@/lib/db/schema";
import { delegationWithParties } from "@/lib/delegation/queries";
import { decidingSide, intermediarySide } from "@/lib/delegation/sides";
import { formatEnterpriseNumber } from "@/lib/rules/enterprise-number";
import type { ServiceActor } from "@/lib/services/result";
import { daysUntil, EXPIRY_THRESHOLDS } from "./thresholds";

// Issue 16, in the app: what waits for the signed-in user — delegation requests to decide (also the menu's
// counter), certificates expiring within 60 days and accounts left without a valid certificate — expired,
// or (issue 17) whose unexpired certificates' issuing CA was retired from the trust store. Scoped
// like the pages: the acting sender's own accounts (not those whose certificates an intermediary manages,
// SPEC §5) and, for a technical intermediary, the REST accounts delegated to it.

export interface TodoAccount {
  accountId: string;
  accountName: string;
  accountType: string;
  /** The page where the certificates are managed. */
  href: string;
}

export interface TodoList {
  /** counterpartNumber formatted as 0123.456.749. */
  decisions: Array<{ id: string; counterpartName: string; counterpartNumber: string }>;
  expiring: Array<TodoAccount & { certificateName: string; notAfter: Date; daysLeft: number }>;
  expired: TodoAccount[];
  /**
   * Accounts with unexpired certificates none of which the trust store still vouches for (their CA was
   * retired; the account page flags them « Émetteur plus reconnu »): the channel no longer works either.
   */
  untrusted: TodoAccount[];
}

/** Delegation requests started by the other side and waiting for this actor's decision (the menu's counter). */
export async function countDecisionsWaiting(q: Queryable, actor: ServiceActor): Promise<number> {
  const side = decidingSide(actor);
  if (!side) return 0;
  const [row] = await q.select({ n: count() }).from(delegations).where(and(side, eq(delegations.status, "pending")));
  return Number(row?.n ?? 0);
}

async function decisions(q: Queryable, actor: ServiceActor): Promise<TodoList["decisions"]> {
  const side = decidingSide(actor);
  if (!side) return [];
  const rows = await delegationWithParties(q).where(and(side, eq(delegations.status, "pending"))).orderBy(asc(delegations.updatedAt));
  // The initiator is the counterpart: the actor decides on requests started by the other side.
  return rows.map((r) =>
    r.initiatedBy === "intermediary"
      ? { id: r.id, counterpartName: r.intermediaryName, counterpartNumber: formatEnterpriseNumber(r.intermediaryNumber) }
      : { id: r.id, counterpartName: r.enterpriseName, counterpartNumber: formatEnterpriseNumber(r.enterpriseNumber) },
  );
}

/** The accounts whose certificates concern the actor, and whether each is one delegated to it. */
function accountScope(actor: ServiceActor): { where: SQL; delegatedToActor: SQL } | null {
  const { ctx } = actor;
  if (!ctx.chamanAccess) return null;
  const delegatedToActor = intermediarySide(actor)
    ? sql<boolean>`${accounts.id} in (select ${delegations.accountId} from ${delegations} where ${delegations.intermediaryId} = ${ctx.enterpriseId} and ${delegations.status} = 'accepted')`
    : sql<boolean>`false`;
  const own = ctx.senderId ? and(eq(accounts.senderId, ctx.senderId), eq(accounts.certificateManagement, "internal")) : undefined;
  const where = or(own, delegatedToActor);
  return where ? { where, delegatedToActor } : null;
}

/** The columns of a TodoAccount (without its link) and whether it is delegated to the actor. */
function scopedAccountColumns(scope: { delegatedToActor: SQL }) {
  return { accountId: accounts.id, accountName: accounts.name, accountType: accounts.type, delegated: sql<boolean>`${scope.delegatedToActor}` };
}

/** Everything for the « À faire » panel, as of `now`. */
export async function todoFor(q: Queryable, actor: ServiceActor, now: Date = new Date()): Promise<TodoList> {
  const scope = accountScope(actor);
  if (!scope) return { decisions: [], expiring: [], expired: [], untrusted: [] };
  const horizon = new Date(now.getTime() + (EXPIRY_THRESHOLDS[0] + 1) * 86_400_000);
  const base = scopedAccountColumns(scope);
  const [waiting, soon, lastExpired, untrusted] = await Promise.all([
    decisions(q, actor),
    q
      .select({ ...base, certificateName: certificates.name, notAfter: certificates.notAfter })
      .from(certificates)
      .innerJoin(accounts, eq(accounts.id, certificates.accountId))
      .where(and(scope.where, gt(certificates.notAfter, now), lte(certificates.notAfter, horizon)))
      .orderBy(asc(certificates.notAfter)),
    // Accounts none of whose certificates is still valid: the channel no longer works.
    q
      .select(base)
      .from(accounts)
      .innerJoin(certificates, eq(certificates.accountId, accounts.id))
      .where(scope.where)
      .groupBy(accounts.id)
      .having(lte(max(certificates.notAfter), now))
      .orderBy(asc(accounts.name)),
    withoutTrustedCertificate(q, scope, now),
  ]);
  const href = (r: { accountId: string; delegated: boolean }) => (r.delegated ? `/delegations/accounts/${r.accountId}` : `/accounts/${r.accountId}`);
  const linked = ({ delegated, ...r }: ScopedAccount) => ({ ...r, href: href({ accountId: r.accountId, delegated }) });
  return {
    decisions: waiting,
    expiring: soon
      .map(({ delegated, ...r }) => ({ ...r, href: href({ accountId: r.accountId, delegated }), daysLeft: daysUntil(r.notAfter, now) }))
      .filter((r) => r.daysLeft <= EXPIRY_THRESHOLDS[0]),
    expired: lastExpired.map(linked),
    untrusted: untrusted.map(linked),
  };
}

type ScopedAccount = Omit<TodoAccount, "href"> & { delegated: boolean };

/**
 * The accounts in scope that still have unexpired certificates, none of which today's trust store vouches
 * for (the account page's rule, untrustedAmong in lib/channels/trust-store.ts), by name. Accounts whose
 * certificates all expired are in `expired` instead; REST accounts accept any issuer and never appear.
 */
async function withoutTrustedCertificate(q: Queryable, scope: { where: SQL; delegatedToActor: SQL }, now: Date): Promise<ScopedAccount[]> {
  const rows = await q
    .select({ ...scopedAccountColumns(scope), id: certificates.id, content: certificates.content })
    .from(certificates)
    .innerJoin(accounts, eq(accounts.id, certificates.accountId))
    .where(and(scope.where, inArray(accounts.type, ["FTP", "SFTP", "SOAP"]), gt(certificates.notAfter, now)))
    .orderBy(asc(accounts.name), asc(accounts.id));
  if (rows.length === 0) return [];
  const store = await loadTrustStore(q);
  const byAccount = new Map<string, typeof rows>();
  for (const row of rows) {
    const certs = byAccount.get(row.accountId);
    if (certs) certs.push(row);
    else byAccount.set(row.accountId, [row]);
  }
  const result: ScopedAccount[] = [];
  for (const certs of byAccount.values()) {
    const first = certs[0];
    if (!first) continue;
    const flagged = await untrustedAmong(store, first.accountType, certs);
    if (flagged.size === certs.length) result.push({ accountId: first.accountId, accountName: first.accountName, accountType: first.accountType, delegated: first.delegated });
  }
  return result;
}
