// Issue 17: what an administrator may type as a batch permission's application code and as a web-service
// permission's OAuth scope. Pure and framework-free; the services (lib/admin/catalogue-codes.ts) translate
// the codes into messages « admin-changes.errors.* ».
import { APPLICATION_CODE_SOURCE } from "./batch-names";

export type CatalogueCodeFailure =
  | { ok: false; code: "applicationCodeRequired" }
  | { ok: false; code: "applicationCodeShape"; params: { found: string } }
  | { ok: false; code: "scopeShape"; params: { found: string; example: string } };

const APPLICATION_CODE = new RegExp(`^${APPLICATION_CODE_SOURCE}$`);

/** The scope names of seed 003 §6.1 follow this shape; new ones must too. */
export const SCOPE_EXAMPLE = "scope:sigedis:gestion:careerpro-federal-learning-account:employer";
/** `scope:` then 2 to 8 segments of lower-case letters and digits joined by single hyphens. */
const SCOPE = /^scope(?::[a-z0-9]+(?:-[a-z0-9]+)*){2,8}$/;
export const SCOPE_MAX_LENGTH = 200;

/**
 * Checks a batch application code as the FI/FS/GO file names carry it (seed 000 §3: `GO.DMFA.…`):
 * 1 to 20 upper-case letters or digits. Lower case is accepted and upper-cased, surrounding spaces
 * trimmed. Returns the code as stored, or the first failed rule.
 */
export function checkApplicationCode(raw: string): { ok: true; code: string } | CatalogueCodeFailure {
  const code = raw.trim().toUpperCase();
  if (code === "") return { ok: false, code: "applicationCodeRequired" };
  if (!APPLICATION_CODE.test(code)) return { ok: false, code: "applicationCodeShape", params: { found: raw.trim().slice(0, 40) } };
  return { ok: true, code };
}

/**
 * Checks an OAuth scope name (RFC 6749 §3.3 scope-token, narrowed to the shape of seed 003 §6.1, e.g.
 * `scope:sigedis:gestion:careerpro-federal-learning-account:employer`), at most 200 characters.
 * Empty means « no scope for this quality » (`scope: null`). Surrounding spaces are trimmed.
 */
export function checkScope(raw: string): { ok: true; scope: string | null } | CatalogueCodeFailure {
  const scope = raw.trim();
  if (scope === "") return { ok: true, scope: null };
  if (scope.length > SCOPE_MAX_LENGTH || !SCOPE.test(scope)) return { ok: false, code: "scopeShape", params: { found: scope.slice(0, 80), example: SCOPE_EXAMPLE } };
  return { ok: true, scope };
}
