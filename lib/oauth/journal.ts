import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { recordEvent, type AuditEvent } from "@/lib/audit/record";
import { auditEvents } from "@/lib/db/schema";
import { throttlePolicies } from "@/lib/security/throttle-policy";
import type { Queryable } from "@/lib/db/client";
import type { RestClient } from "./client-assertion";
import type { OAuthError } from "./errors";

// The journal of the token endpoint (issue 14): tokens issued and refused, with the reason, the Client ID and
// the client address, filed under the account's sender so its managers read them on « Journal ». The
// assertion itself is never recorded (it is a bearer credential until its exp).

/** The journal event of an issued token (appended by lib/oauth/replay.ts spendJtiSettleAndJournal, in the statement that spends the jti). */
export function tokenIssuedEvent(client: RestClient, ip: string, detail: { scope: string; certificate: string; jti: string }): AuditEvent {
  return {
    actorLabel: client.clientId,
    enterpriseId: client.enterpriseId,
    qualityId: client.qualityId,
    senderId: client.senderId,
    action: "oauth.token-issued",
    targetType: "account",
    targetId: client.accountId,
    summary: { clientId: client.clientId, scope: detail.scope, certificate: detail.certificate, accessTokenJti: detail.jti },
    ip,
  };
}

/**
 * Journals a refused request under the account's sender when the Client ID exists (its managers see it). A
 * throttled refusal (HTTP 429) is journaled at most once per throttle window for one Client ID and address,
 * so anonymous junk cannot grow the journal without bound.
 */
export async function journalTokenRefused(q: Queryable, refusal: { client: RestClient | null; clientId: string | null; error: OAuthError; ip: string; endpoint?: "token" | "introspect" }): Promise<void> {
  const { client, error } = refusal;
  const action = refusal.endpoint === "introspect" ? "oauth.introspection-refused" : "oauth.token-refused";
  const actorLabel = (client?.clientId ?? refusal.clientId ?? "").slice(0, 200) || null;
  if (error.reason.startsWith("request.throttled")) {
    const a = auditEvents;
    const [already] = await q
      .select({ id: a.id })
      .from(a)
      .where(
        and(
          eq(a.action, action),
          actorLabel === null ? isNull(a.actorLabel) : eq(a.actorLabel, actorLabel),
          eq(a.ip, refusal.ip),
          sql`${a.summary}->>'reason' = ${error.reason}`,
          gt(a.at, sql`now() - make_interval(mins => ${throttlePolicies["oauth-token"].windowMinutes})`),
        ),
      )
      .limit(1);
    if (already) return;
  }
  await recordEvent(q, {
    actorLabel,
    enterpriseId: client?.enterpriseId ?? null,
    qualityId: client?.qualityId ?? null,
    senderId: client?.senderId ?? null,
    action,
    targetType: client ? "account" : undefined,
    targetId: client?.accountId,
    summary: { clientId: (client?.clientId ?? refusal.clientId ?? "").slice(0, 200), error: error.error, reason: error.reason, description: error.description.slice(0, 500) },
    ip: refusal.ip,
  });
}
