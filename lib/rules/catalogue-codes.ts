// Issue 17: what an administrator may type as a batch permission's application code and as a web-service
// permission's OAuth scope. Pure and framework-free; the services (lib/admin/catalogue-codes.ts) translate
// the codes into messages « admin-changes.errors.* ».
import { APPLICATION_CODE_SOURCE } from "./batch-names";

export type CatalogueCodeFailure =
  | { ok: false; code: "applicationCodeRequired" }
  | { ok: false; code: "applicationCodeTooLong"; params: { max: number; found: number } }
  | { ok: false; code: "applicationCodeShape"; params: { found: string } }
  | { ok: false; code: "scopeTooLong"; params: { max: number; found: number } }
  | { ok: false; code: "scopeShape"; params: { found: string; example: string } }
  | { ok: false; code: "permissionCodeRequired" }
  | { ok: false; code: "permissionCodeTooLong"; params: { max: number; found: number } }
  | { ok: false; code: "permissionCodeShape"; params: { found: string } };

export const APPLICATION_CODE_MAX_LENGTH = 20;
const APPLICATION_CODE = new RegExp(`^${APPLICATION_CODE_SOURCE}$`);

/** The scope names of seed 003 §6.1 follow this shape; new ones must too. */
export const SCOPE_EXAMPLE = "scope:sigedis:gestion:careerpro-federal-learning-account:employer";
/** `scope:` then 2 to 8 segments of lower-case letters and digits joined by single hyphens. */
const SCOPE = /^scope(?::[a-z0-9]+(?:-[a-z0-9]+)*){2,8}$/;
export const SCOPE_MAX_LENGTH = 200;

/**
 * Checks a batch application code as the FI/FS/GO file names carry it (seed 000 §3: `GO.DMFA.…`):
 * 1 to 20 upper-case letters or digits. Lower case is accepted and upper-cased, surrounding spaces
 * trimmed. Returns the code as stored, or the first failed rule (too long: with the maximum and the length).
 */
export function checkApplicationCode(raw: string): { ok: true; code: string } | CatalogueCodeFailure {
  const code = raw.trim().toUpperCase();
  if (code === "") return { ok: false, code: "applicationCodeRequired" };
  if (code.length > APPLICATION_CODE_MAX_LENGTH) return { ok: false, code: "applicationCodeTooLong", params: { max: APPLICATION_CODE_MAX_LENGTH, found: code.length } };
  if (!APPLICATION_CODE.test(code)) return { ok: false, code: "applicationCodeShape", params: { found: raw.trim().slice(0, 40) } };
  return { ok: true, code };
}

/**
 * Checks an OAuth scope name (RFC 6749 §3.3 scope-token, narrowed to the shape of seed 003 §6.1, e.g.
 * `scope:sigedis:gestion:careerpro-federal-learning-account:employer`), at most 200 characters.
 * Empty means « no scope for this quality » (`scope: null`). Surrounding spaces are trimmed. Too long is
 * reported as such (scopeTooLong, with the maximum and the length), before the shape.
 */
export function checkScope(raw: string): { ok: true; scope: string | null } | CatalogueCodeFailure {
  const scope = raw.trim();
  if (scope === "") return { ok: true, scope: null };
  if (scope.length > SCOPE_MAX_LENGTH) return { ok: false, code: "scopeTooLong", params: { max: SCOPE_MAX_LENGTH, found: scope.length } };
  if (!SCOPE.test(scope)) return { ok: false, code: "scopeShape", params: { found: scope.slice(0, 80), example: SCOPE_EXAMPLE } };
  return { ok: true, scope };
}

/** Longest part after `batch.` / `ws.` of a new permission's code. */
export const PERMISSION_CODE_MAX_LENGTH = 41;
const PERMISSION_CODE = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Checks the part typed after `batch.` / `ws.` for a new catalogue entry's stable code (issue 17): 2 to 41
 * lower-case letters (a–z), digits and hyphens, starting with a letter or digit. Surrounding spaces are
 * trimmed; no other change (a code is never rewritten behind the administrator's back). Returns the code
 * part, or the failed rule: required, too long (maximum and length), or the allowed characters (`found`:
 * what was typed, cut to 60 characters).
 */
export function checkPermissionCode(raw: string): { ok: true; slug: string } | CatalogueCodeFailure {
  const slug = raw.trim();
  if (slug === "") return { ok: false, code: "permissionCodeRequired" };
  if (slug.length > PERMISSION_CODE_MAX_LENGTH) return { ok: false, code: "permissionCodeTooLong", params: { max: PERMISSION_CODE_MAX_LENGTH, found: slug.length } };
  if (slug.length < 2 || !PERMISSION_CODE.test(slug)) return { ok: false, code: "permissionCodeShape", params: { found: slug.slice(0, 60) } };
  return { ok: true, slug };
}
