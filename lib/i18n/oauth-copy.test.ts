import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { permissionCatalogue } from "@/lib/db/seed/catalogue";

// Found in QA (issue 13, « four languages that agree »): « Tester l'accès » in English named the FLA
// permission by its French name and cited our internal « seed 003 » where the other languages say
// « manuel CareerPro ». The hint must name the permission as the reader's permission list does.

const LOCALES = ["fr", "nl", "en", "de"] as const;
const NAME_FIELD = { fr: "nameFr", nl: "nameNl", en: "nameEn", de: "nameDe" } as const;

function oauthAccess(locale: string): Record<string, string> {
  return (JSON.parse(readFileSync(`messages/${locale}/oauth.json`, "utf8")) as { access: Record<string, string> }).access;
}

test("« Tester l’accès » names the FLA permission in the reader's language and cites the CareerPro manual, not a seed", () => {
  const fla = permissionCatalogue.find((p) => p.code === "ws.careerpro-fla");
  assert.ok(fla, "the catalogue has the FLA permission");
  for (const locale of LOCALES) {
    const access = oauthAccess(locale);
    assert.ok(access.noScopes?.includes(fla[NAME_FIELD[locale]]), `${locale}: noScopes names « ${fla[NAME_FIELD[locale]]} »`);
    assert.ok(!/\bseed\b/i.test(access.intro ?? ""), `${locale}: intro cites no internal seed`);
    assert.ok(access.intro?.includes("CareerPro"), `${locale}: intro cites the CareerPro manual`);
  }
});
