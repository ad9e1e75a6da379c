import "server-only";
import { recordEvent } from "@/lib/audit/record";
import type { Queryable } from "@/lib/db/client";
import type { RestClient } from "./client-assertion";
import type { OAuthError } from "./errors";

// The journal of the token endpoint (issue 14): tokens issued and refused, with the reason, the Client ID and
// the client address, filed under the account's sender so its managers read them on « Journal ». The
// assertion itself is never recorded (it is a bearer credential until its exp).

export async function journalTokenIssued(q: Queryable, client: RestClient, ip: string, detail: { scope: string; certificate: string; jti: string }): Promise<void> {
  await recordEvent(q, {
    actorLabel: client.clientId,
    enterpriseId: client.enterpriseId,
    qualityId: client.qualityId,
    senderId: client.senderId,
    action: "oauth.token-issued",
    targetType: "account",
    targetId: client.accountId,
    summary: { clientId: client.clientId, scope: detail.scope, certificate: detail.certificate, accessTokenJti: detail.jti },
    ip,
  });
}

export async function journalTokenRefused(q: Queryable, refusal: { client: RestClient | null; clientId: string | null; error: OAuthError; ip: string; endpoint?: "token" | "introspect" }): Promise<void> {
  const { client, error } = refusal;
  await recordEvent(q, {
    actorLabel: (client?.clientId ?? refusal.clientId ?? "").slice(0, 200) || null,
    enterpriseId: client?.enterpriseId ?? null,
    qualityId: client?.qualityId ?? null,
    senderId: client?.senderId ?? null,
    action: refusal.endpoint === "introspect" ? "oauth.introspection-refused" : "oauth.token-refused",
    targetType: client ? "account" : undefined,
    targetId: client?.accountId,
    summary: { clientId: (client?.clientId ?? refusal.clientId ?? "").slice(0, 200), error: error.error, reason: error.reason, description: error.description.slice(0, 500) },
    ip: refusal.ip,
  });
}
