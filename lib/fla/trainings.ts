import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/lib/db/client";
import { flaTrainings } from "@/lib/db/schema";
import { checkEnterpriseNumber, formatEnterpriseNumber } from "@/lib/rules/enterprise-number";
import { checkNiss } from "@/lib/rules/niss";
import { unsafeTextProblem } from "@/lib/oauth/safe-text";

// The FLA sample API of seed 003 §6.2 / §7.3.1 (PUT/GET employers/{bce}/employees/{niss}/calendarYears/{year}/
// trainings): a small validated declaration per employer, employee and calendar year, for demos and client tests.

export const FLA_PERMISSION = "ws.careerpro-fla";
export const FLA_BODY_MAX_BYTES = 64 * 1024;

const UNSAFE_TEXT = "a control character (such as NUL) or a lone UTF-16 surrogate is not allowed";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD").refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "an existing date");

const training = z.strictObject({
  // PostgreSQL refuses NUL in text and a lone surrogate is not UTF-8: refused here, before any query (400).
  title: z.string().trim().min(1).max(200).refine((v) => unsafeTextProblem(v) === null, UNSAFE_TEXT),
  startDate: isoDate,
  endDate: isoDate,
  /** Training hours, in steps of a quarter hour. */
  hours: z.number().positive().max(2000).multipleOf(0.25),
  /** Formal (recognised) training or informal (on the job). */
  formal: z.boolean(),
});

export const flaDeclarationSchema = z.strictObject({ trainings: z.array(training).max(200) });
export type FlaDeclaration = z.infer<typeof flaDeclarationSchema>;

export interface FlaProblem {
  status: number;
  code: string;
  detail: string;
  params?: Record<string, string | number>;
}

export type FlaPath = { employer: string; niss: string; year: number };

/** Checks the path segments with SPEC §1's rules; `accountEnterprise` is the token's enterprise number. */
export function checkFlaPath(raw: { bce: string; niss: string; year: string }, accountEnterprise: string): { ok: true; path: FlaPath } | { ok: false; problem: FlaProblem } {
  const bce = checkEnterpriseNumber(raw.bce);
  if (!bce.ok) return { ok: false, problem: { status: 400, code: bce.code, detail: `Employer ${raw.bce.slice(0, 20)} is not a valid enterprise number (SPEC §1: 10 digits, 97-modulus check).`, params: bce.params as Record<string, string> } };
  const niss = checkNiss(raw.niss);
  if (!niss.ok) return { ok: false, problem: { status: 400, code: niss.code, detail: `Employee ${raw.niss.slice(0, 20)} is not a valid NISS (SPEC §1: 11 digits, 97-modulus check).`, params: niss.params as Record<string, string> } };
  const thisYear = new Date().getUTCFullYear();
  if (!/^\d{4}$/.test(raw.year) || Number(raw.year) < 2020 || Number(raw.year) > thisYear + 1) {
    return { ok: false, problem: { status: 400, code: "fla.year", detail: `calendarYears/${raw.year.slice(0, 10)}: expected a year from 2020 to ${thisYear + 1}.` } };
  }
  if (bce.value !== accountEnterprise) {
    return { ok: false, problem: { status: 403, code: "fla.employer-not-account-enterprise", detail: `Employer ${formatEnterpriseNumber(bce.value)} is not the enterprise of this REST account (${formatEnterpriseNumber(accountEnterprise)}).` } };
  }
  return { ok: true, path: { employer: bce.value, niss: niss.value, year: Number(raw.year) } };
}

/** Validates a PUT body: the schema, then every date inside the calendar year and start ≤ end. */
export function checkFlaDeclaration(body: unknown, year: number): { ok: true; declaration: FlaDeclaration } | { ok: false; problem: FlaProblem } {
  const parsed = flaDeclarationSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join(".") || "(body)" : "(body)";
    return { ok: false, problem: { status: issue?.message === UNSAFE_TEXT ? 400 : 422, code: "fla.body", detail: `${where}: ${issue?.message ?? "invalid"}. Expected { "trainings": [{ "title", "startDate", "endDate", "hours", "formal" }] }.` } };
  }
  for (const [index, t] of parsed.data.trainings.entries()) {
    if (!t.startDate.startsWith(`${year}-`) || !t.endDate.startsWith(`${year}-`) || t.startDate > t.endDate) {
      return { ok: false, problem: { status: 422, code: "fla.dates", detail: `trainings.${index}: startDate and endDate must lie in ${year} with startDate ≤ endDate.` } };
    }
  }
  return { ok: true, declaration: parsed.data };
}

export async function readFlaDeclaration(q: Queryable, path: FlaPath): Promise<{ declaration: Record<string, unknown>; updatedAt: Date } | null> {
  const [row] = await q
    .select({ declaration: flaTrainings.declaration, updatedAt: flaTrainings.updatedAt })
    .from(flaTrainings)
    .where(and(eq(flaTrainings.employerNumber, path.employer), eq(flaTrainings.niss, path.niss), eq(flaTrainings.calendarYear, path.year)))
    .limit(1);
  return row ?? null;
}

/** Creates or replaces the declaration (PUT is idempotent); `created` tells 201 from 200. */
export async function writeFlaDeclaration(q: Queryable, path: FlaPath, declaration: FlaDeclaration, clientId: string): Promise<{ created: boolean; updatedAt: Date }> {
  const now = new Date();
  const [row] = await q
    .insert(flaTrainings)
    .values({ employerNumber: path.employer, niss: path.niss, calendarYear: path.year, declaration, clientId, updatedAt: now })
    .onConflictDoUpdate({ target: [flaTrainings.employerNumber, flaTrainings.niss, flaTrainings.calendarYear], set: { declaration, clientId, updatedAt: now } })
    .returning({ created: sql<boolean>`(xmax = 0)`, updatedAt: flaTrainings.updatedAt });
  return { created: row?.created ?? false, updatedAt: row?.updatedAt ?? now };
}
