// Texts that reach the database (Client ID, jti, scope, grant type…) must be well-formed: PostgreSQL refuses
// NUL in text, and a lone UTF-16 surrogate cannot be encoded as UTF-8. Checked before any database use, so
// such input gets a specific 400 instead of a failed query (issue 14 QA).

/** Why `value` cannot be stored as text, or null when it can: a control character (C0, DEL, C1) or a lone surrogate. */
export function unsafeTextProblem(value: string): "control-character" | "lone-surrogate" | null {
  if (/[\u0000-\u001f\u007f-\u009f]/.test(value)) return "control-character";
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value)) return "lone-surrogate";
  return null;
}

/**
 * The first of `fields` (name → value) whose value cannot be stored as text, with the problem. The
 * client_assertion is not stored: checkClientAssertion names its mistakes (whitespace around, malformed).
 */
export function firstUnsafeField(fields: Iterable<[string, unknown]>): { name: string; problem: "control-character" | "lone-surrogate" } | null {
  for (const [name, value] of fields) {
    if (typeof value !== "string" || name === "client_assertion") continue;
    const problem = unsafeTextProblem(value);
    if (problem) return { name: name.slice(0, 60).replace(/[^\x20-\x7e]/g, "?"), problem };
  }
  return null;
}
