import "server-only";
import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { failure, type ServiceActor, type ServiceResult } from "@/lib/access/service";
import type { LocalizedName } from "@/lib/auth/contexts";
import type { Queryable } from "@/lib/db/client";
import { accounts, certificates, delegations, enterprises, qualities } from "@/lib/db/schema";
import { enterpriseSide, intermediarySide, MAX_INTERMEDIARY_RESENDS } from "./sides";

// What each side sees of its delegations (SPEC §5: « Counters and states are visible to both sides »).

export type DelegationStatus = (typeof delegations.$inferSelect)["status"];

export interface DelegationView {
  id: string;
  counterpartName: string;
  counterpartNumber: string;
  qualityName: LocalizedName;
  accountName: string | null;
  status: DelegationStatus;
  initiatedBy: "enterprise" | "intermediary";
  resendCount: number;
  /** For the intermediary's requests: re-sends left before it is blocked (SPEC §5); null otherwise. */
  resendsLeft: number | null;
  blocked: boolean;
  createdAt: Date;
  updatedAt: Date;
  can: { accept: boolean; refuse: boolean; resend: boolean; withdraw: boolean; end: boolean };
}

const intermediary = alias(enterprises, "intermediary");

/**
 * Delegations with both parties (the enterprise and the technical intermediary: name and number), the quality's
 * four names and the account's name (null before one is chosen), as a dynamic query: add `.where(…)`, `.orderBy(…)`,
 * `.limit(…)`. The one place these joins are written (the pages, the « À faire » panel, the delegation mails).
 */
export function delegationWithParties(q: Queryable) {
  return q
    .select({
      id: delegations.id,
      status: delegations.status,
      initiatedBy: delegations.initiatedBy,
      resendCount: delegations.resendCount,
      createdAt: delegations.createdAt,
      updatedAt: delegations.updatedAt,
      enterpriseId: delegations.enterpriseId,
      qualityId: delegations.qualityId,
      intermediaryId: delegations.intermediaryId,
      enterpriseName: enterprises.name,
      enterpriseNumber: enterprises.number,
      intermediaryName: intermediary.name,
      intermediaryNumber: intermediary.number,
      nameFr: qualities.nameFr,
      nameNl: qualities.nameNl,
      nameEn: qualities.nameEn,
      nameDe: qualities.nameDe,
      accountName: accounts.name,
    })
    .from(delegations)
    .innerJoin(enterprises, eq(enterprises.id, delegations.enterpriseId))
    .innerJoin(intermediary, eq(intermediary.id, delegations.intermediaryId))
    .innerJoin(qualities, eq(qualities.id, delegations.qualityId))
    .leftJoin(accounts, eq(accounts.id, delegations.accountId))
    .$dynamic();
}

async function rowsFor(q: Queryable, where: ReturnType<typeof enterpriseSide>) {
  if (!where) return [];
  return delegationWithParties(q).where(where).orderBy(desc(delegations.updatedAt));
}

function view(row: Awaited<ReturnType<typeof rowsFor>>[number], side: "enterprise" | "intermediary"): DelegationView {
  const mine = row.initiatedBy === side;
  const limited = row.initiatedBy === "intermediary";
  const blocked = limited && row.status === "refused" && row.resendCount >= MAX_INTERMEDIARY_RESENDS;
  return {
    id: row.id,
    counterpartName: side === "enterprise" ? row.intermediaryName : row.enterpriseName,
    counterpartNumber: side === "enterprise" ? row.intermediaryNumber : row.enterpriseNumber,
    qualityName: { fr: row.nameFr, nl: row.nameNl, en: row.nameEn, de: row.nameDe },
    accountName: row.accountName,
    status: row.status,
    initiatedBy: row.initiatedBy,
    resendCount: row.resendCount,
    resendsLeft: limited ? Math.max(0, MAX_INTERMEDIARY_RESENDS - row.resendCount) : null,
    blocked,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    can: {
      accept: !mine && row.status === "pending",
      refuse: !mine && row.status === "pending",
      // Shown even when blocked, so the intermediary reads why it cannot (the service refuses it).
      resend: mine && row.status === "refused",
      withdraw: mine && (row.status === "pending" || row.status === "refused"),
      end: side === "enterprise" && row.status === "accepted",
    },
  };
}

export async function listDelegations(
  q: Queryable,
  actor: ServiceActor,
): Promise<{ asEnterprise: DelegationView[] | null; asIntermediary: DelegationView[] | null }> {
  const asEnterprise = enterpriseSide(actor);
  const asIntermediary = intermediarySide(actor);
  const [e, i] = await Promise.all([rowsFor(q, asEnterprise), rowsFor(q, asIntermediary)]);
  return {
    asEnterprise: asEnterprise ? e.map((r) => view(r, "enterprise")) : null,
    asIntermediary: asIntermediary ? i.map((r) => view(r, "intermediary")) : null,
  };
}

/** The enterprise's REST accounts, to delegate one or to choose one when accepting. */
export async function restAccountsOf(q: Queryable, actor: ServiceActor): Promise<Array<{ id: string; name: string; delegated: boolean }>> {
  const { ctx } = actor;
  if (!enterpriseSide(actor) || !ctx.senderId) return [];
  const rows = await q
    .select({ id: accounts.id, name: accounts.name })
    .from(accounts)
    .where(and(eq(accounts.senderId, ctx.senderId), eq(accounts.type, "REST")))
    .orderBy(asc(accounts.name));
  const live = rows.length
    ? await q
        .select({ accountId: delegations.accountId })
        .from(delegations)
        .where(and(inArray(delegations.accountId, rows.map((r) => r.id)), inArray(delegations.status, ["pending", "accepted"])))
    : [];
  return rows.map((r) => ({ ...r, delegated: live.some((l) => l.accountId === r.id) }));
}

export async function qualityCatalogue(q: Queryable): Promise<Array<{ id: number; name: LocalizedName }>> {
  const rows = await q.select().from(qualities).orderBy(asc(qualities.sortOrder));
  return rows.map((r) => ({ id: r.id, name: { fr: r.nameFr, nl: r.nameNl, en: r.nameEn, de: r.nameDe } }));
}

/** « Comptes délégués »: REST accounts whose delegation to the actor's enterprise is accepted. */
export async function listDelegatedAccounts(q: Queryable, actor: ServiceActor): Promise<ServiceResult<{
  accounts: Array<{ id: string; name: string; clientId: string | null; enterpriseName: string; enterpriseNumber: string; qualityName: LocalizedName; certificates: number }>;
}>> {
  const side = intermediarySide(actor);
  if (!side) return failure("access.denied");
  const rows = await q
    .select({
      id: accounts.id,
      name: accounts.name,
      clientId: accounts.clientId,
      enterpriseName: enterprises.name,
      enterpriseNumber: enterprises.number,
      qualityFr: qualities.nameFr,
      qualityNl: qualities.nameNl,
      qualityEn: qualities.nameEn,
      qualityDe: qualities.nameDe,
      certificates: count(certificates.id),
    })
    .from(delegations)
    .innerJoin(accounts, eq(accounts.id, delegations.accountId))
    .innerJoin(enterprises, eq(enterprises.id, delegations.enterpriseId))
    .innerJoin(qualities, eq(qualities.id, delegations.qualityId))
    .leftJoin(certificates, eq(certificates.accountId, accounts.id))
    .where(and(side, eq(delegations.status, "accepted")))
    .groupBy(accounts.id, enterprises.id, qualities.id)
    .orderBy(asc(enterprises.name), asc(accounts.name));
  return {
    ok: true,
    accounts: rows.map(({ qualityFr, qualityNl, qualityEn, qualityDe, ...r }) => ({
      ...r,
      qualityName: { fr: qualityFr, nl: qualityNl, en: qualityEn, de: qualityDe },
    })),
  };
}
