import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { recordEvent } from "@/lib/audit/record";
import type { LocalizedName } from "@/lib/auth/contexts";
import type { Db, Queryable } from "@/lib/db/client";
import { enterpriseQualities, qualities, roleAssignments, senders, users } from "@/lib/db/schema";
import { ensureMembership, findUserByNiss, type PersonRef } from "./people";
import { failure, uniqueViolation, type ServiceActor, type ServiceResult } from "./service";
import { auditActor } from "@/lib/services/result";

// SPEC §1 and seed 003 §5: the responsable d'accès entité (and co-responsables) activates a quality,
// gives its contact e-mail and designates its gestionnaire local; a sender with its own number follows.

export interface ActiveQuality {
  qualityId: number;
  name: LocalizedName;
  senderNumber: string | null;
  contactEmail: string | null;
  activatedAt: Date;
  localManagers: string[];
}

export interface QualityOverview {
  active: ActiveQuality[];
  /** Qualities of the catalogue not yet activated for the enterprise. */
  available: Array<{ id: number; name: LocalizedName }>;
}

const nameOf = (r: { nameFr: string; nameNl: string; nameEn: string; nameDe: string }): LocalizedName => ({
  fr: r.nameFr,
  nl: r.nameNl,
  en: r.nameEn,
  de: r.nameDe,
});

export async function listQualities(q: Queryable, actor: ServiceActor): Promise<ServiceResult<{ overview: QualityOverview }>> {
  const { ctx } = actor;
  if (!ctx.canManageQualities) return failure("access.denied");
  const catalogue = await q.select().from(qualities).orderBy(asc(qualities.sortOrder));
  const rows = await q
    .select({
      qualityId: enterpriseQualities.qualityId,
      contactEmail: enterpriseQualities.contactEmail,
      activatedAt: enterpriseQualities.activatedAt,
      senderNumber: senders.senderNumber,
    })
    .from(enterpriseQualities)
    .leftJoin(senders, eq(senders.enterpriseQualityId, enterpriseQualities.id))
    .where(eq(enterpriseQualities.enterpriseId, ctx.enterpriseId));
  const managers = await q
    .select({ qualityId: roleAssignments.qualityId, firstName: users.firstName, lastName: users.lastName, role: roleAssignments.role })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.enterpriseId, ctx.enterpriseId), inArray(roleAssignments.role, ["gestionnaire-local", "co-gestionnaire-local"])));
  const active: ActiveQuality[] = [];
  const available: QualityOverview["available"] = [];
  for (const quality of catalogue) {
    const row = rows.find((r) => r.qualityId === quality.id);
    if (!row) {
      available.push({ id: quality.id, name: nameOf(quality) });
      continue;
    }
    active.push({
      qualityId: quality.id,
      name: nameOf(quality),
      senderNumber: row.senderNumber,
      contactEmail: row.contactEmail,
      activatedAt: row.activatedAt,
      localManagers: managers
        .filter((m) => m.qualityId === quality.id)
        .sort((a, b) => (a.role === b.role ? 0 : a.role === "gestionnaire-local" ? -1 : 1))
        .map((m) => `${m.firstName} ${m.lastName}`),
    });
  }
  return { ok: true, overview: { active, available } };
}

export interface ActivateQualityInput {
  qualityId: number;
  contactEmail: string;
  /** « Je désire assurer moi-même la gestion de la qualité » or « Je veux désigner un Gestionnaire local ». */
  manager: { kind: "self" } | { kind: "designate"; niss: string };
}

export async function activateQuality(
  db: Db,
  actor: ServiceActor,
  input: ActivateQualityInput,
): Promise<ServiceResult<{ senderNumber: string; manager: string }>> {
  const { ctx } = actor;
  if (!ctx.canManageQualities) return failure("access.denied");
  const [quality] = await db.select().from(qualities).where(eq(qualities.id, input.qualityId)).limit(1);
  if (!quality) return failure("not-found", undefined, "qualityId");
  let manager: PersonRef | { id: string; name: string };
  if (input.manager.kind === "designate") {
    const found = await findUserByNiss(db, input.manager.niss);
    if (!found.ok) return found;
    manager = found.person;
  } else {
    manager = { id: actor.userId, name: actor.label };
  }
  try {
    const senderNumber = await db.transaction(async (tx) => {
      // The unique (enterprise, quality) constraint decides between two concurrent activations.
      const [activated] = await tx
        .insert(enterpriseQualities)
        .values({ enterpriseId: ctx.enterpriseId, qualityId: quality.id, contactEmail: input.contactEmail })
        .returning({ id: enterpriseQualities.id });
      // The sender number comes from the sequence (column default): assigned once, never reused (SPEC §1).
      const [sender] = await tx
        .insert(senders)
        .values({ enterpriseQualityId: activated!.id })
        .returning({ id: senders.id, senderNumber: senders.senderNumber });
      await tx.insert(roleAssignments).values({ userId: manager.id, enterpriseId: ctx.enterpriseId, qualityId: quality.id, role: "gestionnaire-local" });
      await ensureMembership(tx, manager.id, ctx.enterpriseId);
      await recordEvent(tx, {
        ...auditActor(actor),
        qualityId: quality.id,
        senderId: sender!.id,
        action: "quality.activate",
        targetType: "quality",
        targetId: quality.code,
        summary: { after: { quality: quality.code, contactEmail: input.contactEmail, senderNumber: sender!.senderNumber, gestionnaireLocal: manager.name } },
      });
      return sender!.senderNumber;
    });
    return { ok: true, senderNumber, manager: manager.name };
  } catch (error) {
    if (uniqueViolation(error) !== null) return failure("access.quality-already-active", { quality: quality.nameFr }, "qualityId");
    throw error;
  }
}
