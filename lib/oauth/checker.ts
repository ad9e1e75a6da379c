import "server-only";
import type { Queryable } from "@/lib/db/client";
import { checkClientAssertion, type AssertionRule, type RuleCheck } from "./client-assertion";
import { findRestClient } from "./clients";
import type { OAuthUrls } from "./config";
import { REASONS, type ReasonParams, type RefusalReason } from "./reasons";
import { isJtiUsed } from "./replay";

// The assertion checker (« Tester l'accès » and `chaman check assertion`): the token endpoint's own rules
// (lib/oauth/client-assertion.ts), every line reported, without issuing a token or spending the jti.

export interface CheckerLine {
  rule: AssertionRule;
  status: RuleCheck["status"];
  reason?: RefusalReason;
  params?: ReasonParams;
  /** English description with the fix (the token endpoint's error_description); failed lines only. */
  description?: string;
}

export interface CheckerReport {
  ok: boolean;
  clientId: string | null;
  lines: CheckerLine[];
}

/**
 * Checks a pasted assertion. `expectedClientId`: on an account's page, the assertion must be for that account
 * (another account's Client ID is reported and never looked up). Read-only.
 */
export async function checkAssertionReadOnly(q: Queryable, urls: OAuthUrls, assertion: string, expectedClientId?: string): Promise<CheckerReport> {
  const verdict = await checkClientAssertion(assertion, {
    urls,
    now: new Date(),
    findClient: (id) => findRestClient(q, id),
    isJtiUsed: (id, jti) => isJtiUsed(q, id, jti),
    ...(expectedClientId !== undefined ? { expectedClientId } : {}),
  });
  return {
    ok: verdict.failure === null,
    clientId: verdict.client?.clientId ?? null,
    lines: verdict.checks.map((c) => ({ ...c, ...(c.status === "failed" && c.reason ? { description: REASONS[c.reason].describe(c.params ?? {}) } : {}) })),
  };
}
