import assert from "node:assert/strict";
import { test } from "node:test";
import { demoAdmin, demoPersonas } from "@/lib/db/seed/demo";
import { loadMessages } from "@/lib/i18n/load-messages";
import { locales } from "@/lib/i18n/locales";

// The sign-in page's « Comptes de démonstration » line is how a trainer finds the personas: it must name
// every seeded one, the platform administrator of issue 17 included (it was missing).

test("the sign-in page's demo hint names every demo persona, admin included, in every language", () => {
  const usernames = [...demoPersonas.map((p) => p.username), demoAdmin.username];
  for (const locale of locales) {
    const login = (loadMessages(locale).common as { login: { demoHint: string } }).login;
    const named: string[] = login.demoHint.match(/[a-z]+/g) ?? [];
    for (const username of usernames) assert.ok(named.includes(username), `${locale}: ${username} missing from ${login.demoHint}`);
  }
});
