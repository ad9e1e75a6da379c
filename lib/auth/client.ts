import "server-only";
import { headers } from "next/headers";
import { clientAddressOf } from "@/lib/security/peer-address";
import type { SessionClient } from "./sessions";
import { userAgentSummary } from "./user-agent";

/**
 * The client address (issue 19): the socket's address, or with CHAMAN_TRUSTED_PROXIES = N the N-th
 * X-Forwarded-For entry from the right, kept only when it is a valid IP address (README « Behind a
 * reverse proxy », lib/security/client-address.ts); null when unknown.
 */
export function clientAddress(requestHeaders: Pick<Headers, "get">): string | null {
  return clientAddressOf(requestHeaders);
}

/** The current request's client address and browser summary, as kept with a session ("unknown" without address). */
export async function requestClient(): Promise<SessionClient> {
  const h = await headers();
  return { ip: clientAddress(h) ?? "unknown", userAgent: userAgentSummary(h.get("user-agent")) };
}
