import "server-only";
import { inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { serverSettings } from "@/lib/db/schema";

// QA 11b-A/C: mails are rendered (links) and marked (delivered or simulated) when they are queued, which
// may happen in `chaman notify run`, a process with its own environment. The server writes its
// configuration here at start; the command adopts it, so the mails it queues read as the server's would.

/** How queued mails are handled: delivered through SMTP_URL, or kept as a demo simulation. */
export type MailDelivery = "smtp" | "simulated";

let adopted: { publicUrl?: string; delivery?: MailDelivery } = {};

/** CHAMAN_PUBLIC_URL (no trailing slash), or the server's when adopted; http://localhost:3000 by default. */
export function publicBaseUrl(): string {
  return (adopted.publicUrl ?? (process.env.CHAMAN_PUBLIC_URL || "http://localhost:3000")).replace(/\/+$/, "");
}

/** "smtp" when SMTP_URL is set (or the server's, when adopted); else "simulated" (demo, never delivered). */
export function mailDelivery(): MailDelivery {
  return adopted.delivery ?? (process.env.SMTP_URL ? "smtp" : "simulated");
}

/** Server start: records this process's public URL and mail delivery for command-line runs. */
export async function recordServerSettings(q: Queryable): Promise<void> {
  const rows = [
    { key: "public_url", value: publicBaseUrl() },
    { key: "mail_delivery", value: mailDelivery() },
  ];
  await q
    .insert(serverSettings)
    .values(rows)
    .onConflictDoUpdate({ target: serverSettings.key, set: { value: sql`excluded.value`, updatedAt: sql`now()` } });
}

/**
 * Command line: adopts the configuration the server recorded (nothing if no server ever started on
 * this database). Returns what differed from this process's environment, for a warning.
 */
export async function adoptServerSettings(q: Queryable): Promise<string[]> {
  const rows = await q.select().from(serverSettings).where(inArray(serverSettings.key, ["public_url", "mail_delivery"]));
  const own = { publicUrl: publicBaseUrl(), delivery: mailDelivery() };
  const next: typeof adopted = {};
  for (const row of rows) {
    if (row.key === "public_url") next.publicUrl = row.value;
    if (row.key === "mail_delivery" && (row.value === "smtp" || row.value === "simulated")) next.delivery = row.value;
  }
  adopted = next;
  const differences: string[] = [];
  if (next.publicUrl !== undefined && next.publicUrl !== own.publicUrl) differences.push(`public URL ${next.publicUrl} (server's), not ${own.publicUrl}`);
  if (next.delivery !== undefined && next.delivery !== own.delivery) differences.push(`mail delivery ${next.delivery} (server's), not ${own.delivery}`);
  return differences;
}

/** Tests only: forget what was adopted. */
export function resetAdoptedServerSettings(): void {
  adopted = {};
}
