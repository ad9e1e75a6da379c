import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { DESCRIBED_ACTIONS, describeEvent } from "./describe";
import { renderEvent, type Translator } from "./render";

// A minimal translator over the real message files: {name} placeholders only, as the journal uses.
function translator(locale: string, namespace: string, path: string[] = []): Translator {
  let node: unknown = JSON.parse(readFileSync(`messages/${locale}/${namespace}.json`, "utf8"));
  for (const key of path) node = (node as Record<string, unknown>)[key];
  const lookup = (key: string) => key.split(".").reduce<unknown>((n, k) => (n && typeof n === "object" ? (n as Record<string, unknown>)[k] : undefined), node);
  const t = ((key: string, values: Record<string, string> = {}) => {
    const message = lookup(key);
    if (typeof message !== "string") throw new Error(`missing ${locale} ${namespace}.${key}`);
    return message.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
  }) as Translator;
  t.has = (key) => typeof lookup(key) === "string";
  return t;
}

const render = (locale: string, event: Parameters<typeof renderEvent>[0]) =>
  renderEvent(event, translator(locale, "journal-events"), translator(locale, "common", ["roles"]), (code) => (code === "employeur-onss" ? "Employeur ONSS" : undefined));

test("issue 13: an account deletion reads as a sentence with the account's name kept at the time", () => {
  const event = { action: "account.delete", actorLabel: "Danny Janssens", targetLabel: "WK23FTP", summary: { before: { type: "FTP", name: "WK23FTP", username: "EXPWK23FTP" } } };
  assert.equal(render("fr", event).sentence, "Danny Janssens a supprimé le compte FTP « WK23FTP »");
  assert.equal(render("nl", event).sentence, "Danny Janssens heeft de FTP-account ‘WK23FTP’ verwijderd");
  assert.equal(render("en", event).sentence, "Danny Janssens deleted the FTP account “WK23FTP”");
  assert.equal(render("de", event).sentence, "Danny Janssens hat das FTP-Konto „WK23FTP“ gelöscht");
  assert.deepEqual(render("fr", event).changes, [
    { label: "Nom", before: "WK23FTP" },
    { label: "Type", before: "FTP" },
    { label: "Identifiant", before: "EXPWK23FTP" },
  ]);
});

test("a rename shows before → after as labelled values; unchanged fields and ids stay out", () => {
  const event = { action: "account.rename", actorLabel: "Claire Dupont", targetLabel: "Nouveau", summary: { before: { name: "Ancien", id: "x" }, after: { name: "Nouveau", id: "x" } } };
  assert.deepEqual(render("fr", event), { sentence: "Claire Dupont a renommé le compte « Nouveau »", changes: [{ label: "Nom", before: "Ancien", after: "Nouveau" }] });
});

test("old events without a stored label name their target from the summary; none at all says so", () => {
  const old = { action: "chaman-right.revoke", actorLabel: "Danny Janssens", targetLabel: null, summary: { before: { user: "Ann Peeters", right: "chaman-gestion-canaux-techniques" } } };
  assert.equal(render("fr", old).sentence, "Danny Janssens a retiré le droit Chaman à Ann Peeters");
  const bare = { action: "account.rename", actorLabel: "X", targetLabel: null, summary: null };
  assert.equal(render("en", bare).sentence, "X renamed the account “(name not kept)”");
});

test("roles, statuses, languages and qualities are translated; the password is never shown", () => {
  assert.equal(render("nl", { action: "role.assign", actorLabel: "A", targetLabel: "B", summary: { after: { role: "co-gestionnaire-local", person: "B" } } }).sentence, "A heeft B aangeduid als Co-lokale beheerder");
  const accepted = render("de", { action: "delegation.accept", actorLabel: "Ivan", targetLabel: "REST", summary: { before: { status: "pending" }, after: { status: "accepted", account: "REST" } } });
  assert.deepEqual(accepted.changes[0], { label: "Status", before: "Ausstehend", after: "Angenommen" });
  assert.equal(render("fr", { action: "quality.activate", actorLabel: "A", targetLabel: null, summary: { after: { quality: "employeur-onss" } } }).sentence, "A a activé la qualité « Employeur ONSS »");
  const credentials = render("fr", { action: "account.credentials", actorLabel: "A", targetLabel: "F", summary: { before: { username: "EXPA1234" }, after: { username: "EXPB1234", passwordChanged: true } } });
  assert.deepEqual(credentials.changes, [{ label: "Identifiant", before: "EXPA1234", after: "EXPB1234" }, { label: "Mot de passe", after: "•••" }]);
});

test("sign-ins read without a target; unknown codes still read as a sentence", () => {
  assert.equal(render("fr", { action: "auth.sign-in-failed", actorLabel: "bob", targetLabel: null, summary: null }).sentence, "Connexion refusée pour l'identifiant « bob »");
  assert.equal(render("en", { action: "tampered.thing", actorLabel: null, targetLabel: null, summary: null }).sentence, "Chaman: tampered.thing");
});

test("every described action has a sentence in the four languages", () => {
  for (const locale of ["fr", "nl", "en", "de"]) {
    const t = translator(locale, "journal-events");
    for (const action of DESCRIBED_ACTIONS) assert.ok(t.has(`sentences.${action}`), `${locale}: ${action}`);
    assert.equal(describeEvent({ action: "account.create", actorLabel: "a", targetLabel: "b", summary: null }).sentence, "account.create");
  }
});

test("OAuth token events read as sentences and never name the certificate (SPEC §5 on delegated accounts)", () => {
  const issued = render("fr", { action: "oauth.token-issued", actorLabel: "self_service_chaman_123", targetLabel: null, summary: { clientId: "self_service_chaman_123", scope: "fla", certificate: "cert-intermediaire", accessTokenJti: "j" } });
  assert.equal(issued.sentence, "Jeton OAuth émis pour le Client ID « self_service_chaman_123 »");
  assert.doesNotMatch(JSON.stringify(issued.changes), /cert-intermediaire|"j"/);
  assert.deepEqual(issued.changes, [{ label: "Client ID", after: "self_service_chaman_123" }, { label: "Portée (scope)", after: "fla" }]);
});
