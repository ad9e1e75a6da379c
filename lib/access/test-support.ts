// Helpers for the issue-5 integration tests: a ServiceActor for a demo persona, and the message a
// code shows in a given language (the same ICU messages as the UI).
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import { createTranslator } from "use-intl/core";
import { loadContexts } from "@/lib/auth/contexts";
import type { Queryable } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { loadMessages } from "@/lib/i18n/load-messages";
import type { Locale } from "@/lib/i18n/locales";
import { messageKey, type Failure, type ServiceActor } from "./service";

/** The persona acting for one of its contexts (by quality code; the first one by default). */
export async function actorFor(q: Queryable, username: string, qualityCode?: string, enterpriseName?: string): Promise<ServiceActor> {
  const [user] = await q.select({ id: users.id }).from(users).where(eq(users.username, username));
  assert.ok(user, `persona ${username}`);
  const loaded = await loadContexts(q, user.id);
  assert.ok(loaded);
  const ctx = loaded.contexts.find(
    (c) => (!qualityCode || c.qualityCode === qualityCode) && (!enterpriseName || c.enterpriseName === enterpriseName),
  );
  assert.ok(ctx, `${username} acts for ${qualityCode ?? "a context"}`);
  return { userId: user.id, ip: "127.0.0.1", label: `${loaded.user.firstName} ${loaded.user.lastName}`, ctx };
}

/** The text a refusal shows in the given language. */
export function messageOf(result: { ok: boolean } | Failure, locale: Locale): string {
  assert.equal(result.ok, false, "expected a refusal");
  const refusal = result as Failure;
  const t = createTranslator({ locale, messages: loadMessages(locale), timeZone: "Europe/Brussels" }) as unknown as (
    key: string,
    params?: Record<string, string | number>,
  ) => string;
  return t(messageKey(refusal.code), refusal.params);
}

export function assertRefused(result: { ok: boolean } | Failure, code: Failure["code"], field?: string): void {
  assert.equal(result.ok, false, `expected ${code}`);
  const refusal = result as Failure;
  assert.equal(refusal.code, code);
  if (field !== undefined) assert.equal(refusal.field, field);
}
