import "server-only";
import { headers } from "next/headers";
import type { SessionClient } from "./sessions";
import { userAgentSummary } from "./user-agent";

/**
 * The client address: the first X-Forwarded-For entry (set by the reverse proxy, README « Client address »),
 * or "local" without one. At most 100 characters.
 */
export function clientAddress(requestHeaders: Pick<Headers, "get">): string {
  return (requestHeaders.get("x-forwarded-for")?.split(",")[0]?.trim() || "local").slice(0, 100);
}

/** The current request's client address and browser summary, as kept with a session. */
export async function requestClient(): Promise<SessionClient> {
  const h = await headers();
  return { ip: clientAddress(h), userAgent: userAgentSummary(h.get("user-agent")) };
}
