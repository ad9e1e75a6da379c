import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { appErrorCodes } from "@/lib/errors";
import { failureState, problemKey } from "./form-state";
import { permissionKindFor } from "./permissions";
import { expiryStatus } from "./queries";

test("rule codes map to rules.*, app codes to errors.*", () => {
  assert.equal(problemKey("cert.key-size"), "rules.cert.key-size");
  assert.equal(problemKey("account.single-type-exists"), "errors.account.single-type-exists");
  assert.equal(problemKey("not-found"), "errors.not-found");
});

test("a refusal shows each field's first problem at the field, or one form error", () => {
  assert.deepEqual(failureState({ ok: false, code: "account.last-certificate" }), {
    status: "error", formError: { key: "errors.account.last-certificate" }, fieldErrors: {},
  });
  assert.deepEqual(
    failureState({
      ok: false, code: "username.prefix", field: "username",
      fields: [
        { field: "username", code: "username.prefix", params: { found: "abc", expected: "EXP" } },
        { field: "password", code: "password.length", params: { found: 0, min: 1, max: 15 } },
      ],
    }),
    {
      status: "error",
      fieldErrors: {
        username: { key: "rules.username.prefix", params: { found: "abc", expected: "EXP" } },
        password: { key: "rules.password.length", params: { found: 0, min: 1, max: 15 } },
      },
    },
  );
});

test("SPEC §3: permission kinds per account type", () => {
  assert.equal(permissionKindFor("FTP"), "batch");
  assert.equal(permissionKindFor("SFTP"), "batch");
  assert.equal(permissionKindFor("REST"), "webservice");
  assert.equal(permissionKindFor("SOAP"), null);
});

test("certificate badge: expired, expiring within 30 days, valid", () => {
  const now = new Date("2026-02-01T00:00:00Z");
  assert.equal(expiryStatus(new Date("2026-01-31T23:59:59Z"), now), "expired");
  assert.equal(expiryStatus(new Date("2026-03-03T00:00:00Z"), now), "expiring");
  assert.equal(expiryStatus(new Date("2026-03-03T00:00:01Z"), now), "valid");
});

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
const read = (locale: string, ns: string) => JSON.parse(readFileSync(path.join(process.cwd(), "messages", locale, `${ns}.json`), "utf8")) as unknown;

test("channels, contact, trainer and errors messages exist in FR, NL, EN and DE alike", () => {
  for (const ns of ["channels", "contact", "trainer", "errors"]) {
    const fr = keys(read("fr", ns)).sort();
    for (const locale of ["nl", "en", "de"]) assert.deepEqual(keys(read(locale, ns)).sort(), fr, `${locale}/${ns}.json`);
  }
  const errorKeys = new Set(keys(read("fr", "errors")));
  for (const code of appErrorCodes) assert.ok(errorKeys.has(code), `errors.${code}`);
});
