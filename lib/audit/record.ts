import "server-only";
import type { Queryable } from "@/lib/db/client";
import { auditEvents } from "@/lib/db/schema";
import type { AuditAction } from "./actions";

export interface AuditEvent {
  actorUserId?: string | null;
  actorLabel?: string | null;
  enterpriseId?: string | null;
  qualityId?: number | null;
  senderId?: string | null;
  /** One of AUDIT_ACTIONS (lib/audit/actions.ts): every code has a sentence in the journal. */
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  /** The target's name as the reader knows it, at the time of the event (account name, person's name). */
  targetLabel?: string | null;
  /** SPEC §5: the technical intermediary of the delegated account this event concerns (it sees the event too). */
  partyEnterpriseId?: string | null;
  /** Before/after summary. Never put secrets here (passwords, private keys). */
  summary?: Record<string, unknown>;
  ip?: string | null;
}

/** Appends one event; call it inside the transaction of the change it describes. */
export async function recordEvent(q: Queryable, event: AuditEvent): Promise<void> {
  await q.insert(auditEvents).values({
    actorUserId: event.actorUserId ?? null,
    actorLabel: event.actorLabel ?? null,
    enterpriseId: event.enterpriseId ?? null,
    qualityId: event.qualityId ?? null,
    senderId: event.senderId ?? null,
    action: event.action,
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    targetLabel: event.targetLabel ?? null,
    partyEnterpriseId: event.partyEnterpriseId ?? null,
    summary: event.summary ?? null,
    ip: event.ip ?? null,
  });
}
