import assert from "node:assert/strict";
import { test } from "node:test";
import { createTranslator } from "use-intl/core";
import type { Translator } from "@/lib/audit/render";
import { loadMessages } from "@/lib/i18n/load-messages";
import { renderAdminEvent } from "./journal-render";

// Issue 17: the administration journal reads in words, with labelled values, in each language.

function contextFor(locale: "fr" | "nl" | "en" | "de") {
  const t = createTranslator({ locale, messages: loadMessages(locale), namespace: "admin-changes.journal" as never }) as unknown as Translator;
  return { t, qualityName: (code: string) => ({ "employeur-onss": locale === "nl" ? "RSZ-werkgever" : "Employeur ONSS" })[code], day: (iso: string) => iso.slice(0, 10) };
}

test("scopes: one labelled line per quality that changed, none for an absent scope", () => {
  const rendered = renderAdminEvent(
    { action: "admin.catalogue.scopes", actor: "Admin Demo", target: "ws.careerpro-fla", summary: { before: { scopes: { "employeur-onss": "scope:a:b", "prestataire-services": "scope:p:q" } }, after: { scopes: { "employeur-onss": "scope:a:c", "prestataire-services": "scope:p:q" } } } },
    contextFor("nl"),
  );
  assert.equal(rendered.sentence, "Admin Demo heeft de OAuth-scopes van ws.careerpro-fla gewijzigd.");
  assert.deepEqual(rendered.changes, [{ label: "Scope voor RSZ-werkgever", before: "scope:a:b", after: "scope:a:c" }]);
  const added = renderAdminEvent({ action: "admin.catalogue.scopes", actor: "A", target: "ws.x", summary: { before: { scopes: {} }, after: { scopes: { "employeur-onss": "scope:a:b" } } } }, contextFor("fr"));
  assert.deepEqual(added.changes, [{ label: "Scope pour Employeur ONSS", before: "aucun", after: "scope:a:b" }]);
});

test("every kind of administrative change has a sentence and no raw JSON, in every language", () => {
  const events = [
    { action: "admin.grant", summary: { before: { admin: false }, after: { admin: true, username: "claire" } } },
    { action: "admin.revoke", summary: { before: { admin: true, username: "claire" }, after: { admin: false } } },
    { action: "admin.trust.add", summary: { before: null, after: { family: "eid", subject: "CN=CA", sha256: "AB" } } },
    { action: "admin.trust.retire", summary: { before: { status: "active" }, after: { status: "retired" }, subject: "CN=CA", sha256: "AB" } },
    { action: "admin.clock", summary: { before: null, after: "2031-06-15T12:00:00.000Z" } },
    { action: "admin.reset", summary: { before: "modified", after: "initial" } },
    { action: "admin.catalogue.add", summary: { before: null, after: { kind: "batch", nameFr: "A", nameNl: "B", nameEn: "C", nameDe: "D" } } },
    { action: "admin.catalogue.rename", summary: { before: { nameFr: "A", nameNl: "B", nameEn: "C", nameDe: "D" }, after: { nameFr: "A", nameNl: "B2", nameEn: "C", nameDe: "D" } } },
    { action: "admin.catalogue.retire", summary: { before: { status: "active" }, after: { status: "retired" } } },
    { action: "admin.catalogue.application-code", summary: { before: { applicationCode: null }, after: { applicationCode: "DMFA2" } } },
  ];
  for (const locale of ["fr", "nl", "en", "de"] as const) {
    for (const event of events) {
      const rendered = renderAdminEvent({ ...event, actor: "Admin Demo", target: "t-1" }, contextFor(locale));
      assert.ok(rendered.sentence.startsWith("Admin Demo") && !rendered.sentence.includes("admin."), `${locale} ${event.action}: ${rendered.sentence}`);
      for (const change of rendered.changes) assert.ok(![change.before, change.after].some((v) => v?.includes("{")), `${locale} ${event.action}`);
    }
  }
  const fr = contextFor("fr");
  assert.deepEqual(renderAdminEvent({ ...events[7]!, actor: "A", target: "batch.dmfa" }, fr).changes, [{ label: "Libellé en néerlandais", before: "B", after: "B2" }]);
  assert.deepEqual(renderAdminEvent({ ...events[3]!, actor: "A", target: "x" }, fr), { sentence: "A a retiré l’AC CN=CA du magasin de confiance.", changes: [{ label: "Statut", before: "active", after: "retirée" }, { label: "Empreinte SHA-256", after: "AB" }] });
  assert.deepEqual(renderAdminEvent({ ...events[4]!, actor: "A", target: null }, fr).changes, [{ label: "Date de démonstration", before: "date réelle", after: "2031-06-15" }]);
  assert.deepEqual(renderAdminEvent({ ...events[1]!, actor: "A", target: "uuid" }, fr).sentence, "A a retiré le rôle d’administrateur de la plateforme à claire.");
  // A reset says what it reset (issue 17 QA); an unchanged count is not listed; rows of before had no details.
  const reset = { before: { accounts: 6, certificates: 5, delegations: 2, sessions: 3, demoDate: "2031-06-15T12:00:00.000Z" }, after: { accounts: 7, certificates: 5, delegations: 0, sessions: 0, demoDate: null } };
  assert.deepEqual(renderAdminEvent({ action: "admin.reset", actor: "A", target: null, summary: reset }, fr), {
    sentence: "A a réinitialisé la démo.",
    changes: [
      { label: "Comptes", before: "6", after: "7" },
      { label: "Délégations", before: "2", after: "0" },
      { label: "Sessions ouvertes", before: "3", after: "0" },
      { label: "Date de démonstration", before: "2031-06-15", after: "date réelle" },
    ],
  });
  assert.deepEqual(renderAdminEvent({ ...events[5]!, actor: "A", target: null }, fr).changes, []);
  assert.equal(renderAdminEvent({ action: "admin.future", actor: "A", target: "x", summary: null }, fr).sentence, "A : admin.future (x).");
});
