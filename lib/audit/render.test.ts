import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import compile from "icu-minify/compile";
import format from "icu-minify/format";
import { DESCRIBED_ACTIONS, describeEvent } from "./describe";
import { renderEvent, type CatalogueNames, type Translator } from "./render";

const formatters = {
  getDateTimeFormat: (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args),
  getNumberFormat: (...args: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...args),
  getPluralRules: (...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args),
};

// A translator over the real message files, compiled and formatted with icu-minify as the app's
// next-intl does (lib/i18n/load-messages.ts): ICU select and quoting behave as on the page.
function translator(locale: string, namespace: string, path: string[] = []): Translator {
  let node: unknown = JSON.parse(readFileSync(`messages/${locale}/${namespace}.json`, "utf8"));
  for (const key of path) node = (node as Record<string, unknown>)[key];
  const lookup = (key: string) => key.split(".").reduce<unknown>((n, k) => (n && typeof n === "object" ? (n as Record<string, unknown>)[k] : undefined), node);
  const t = ((key: string, values: Record<string, string> = {}) => {
    const message = lookup(key);
    if (typeof message !== "string") throw new Error(`missing ${locale} ${namespace}.${key}`);
    return String(format(compile(message), locale, values, { formatters, timeZone: "Europe/Brussels" }));
  }) as Translator;
  t.has = (key) => typeof lookup(key) === "string";
  return t;
}

const names: CatalogueNames = {
  quality: (code) => (code === "employeur-onss" ? "Employeur ONSS" : undefined),
  permission: (code) => (code === "batch.pension-preload" ? "Base de données des pensions complémentaires - Preload" : code === "batch.dmfa" ? "DmfA" : undefined),
};

const render = (locale: string, event: Parameters<typeof renderEvent>[0]) =>
  renderEvent(event, translator(locale, "journal-events"), translator(locale, "common", ["roles"]), names);

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
  assert.equal(render("fr", { action: "auth.sign-in-failed", actorLabel: "bob", targetLabel: null, summary: null }).sentence, "Connexion refusée pour l’identifiant « bob »");
  assert.equal(render("en", { action: "tampered.thing", actorLabel: null, targetLabel: null, summary: null }).sentence, "Chaman: tampered.thing");
});

test("every described action has a sentence in the four languages", () => {
  for (const locale of ["fr", "nl", "en", "de"]) {
    const t = translator(locale, "journal-events");
    for (const action of DESCRIBED_ACTIONS) {
      assert.ok(t.has(`sentences.${action}`), `${locale}: ${action}`);
      // Formats without leaving a placeholder or a select unresolved.
      assert.doesNotMatch(render(locale, { action, actorLabel: "Ivan Petrov", targetLabel: "REST1", summary: null }).sentence, /[{}]/, `${locale}: ${action}`);
    }
    assert.equal(describeEvent({ action: "account.create", actorLabel: "a", targetLabel: "b", summary: null }).sentence, "account.create");
  }
});

test("OAuth token events read as sentences and never name the certificate (SPEC §5 on delegated accounts)", () => {
  const issued = render("fr", { action: "oauth.token-issued", actorLabel: "self_service_chaman_123", targetLabel: null, summary: { clientId: "self_service_chaman_123", scope: "fla", certificate: "cert-intermediaire", accessTokenJti: "j" } });
  assert.equal(issued.sentence, "Jeton OAuth émis pour le Client ID « self_service_chaman_123 »");
  assert.doesNotMatch(JSON.stringify(issued.changes), /cert-intermediaire|"j"/);
  assert.deepEqual(issued.changes, [{ label: "Client ID", after: "self_service_chaman_123" }, { label: "Portée (scope)", after: "fla" }]);
});

test("permission codes read as the catalogue's names in the reader's language", () => {
  const event = { action: "account.permissions", actorLabel: "Danny Janssens", targetLabel: "WK23FTP", summary: { before: { permissions: ["batch.dmfa"] }, after: { permissions: ["batch.dmfa", "batch.pension-preload"] } } };
  assert.deepEqual(render("fr", event).changes, [{ label: "Autorisations", before: "DmfA", after: "DmfA, Base de données des pensions complémentaires - Preload" }]);
  // A code the catalogue no longer knows is still shown rather than dropped.
  const unknown = render("en", { ...event, summary: { after: { permissions: ["batch.gone"] } } });
  assert.deepEqual(unknown.changes, [{ label: "Permissions", after: "batch.gone" }]);
});

test("French elides « de » before a vowel or h: « Connexion d’Ivan Petrov », « Connexion de Danny Janssens »", () => {
  const signIn = (actorLabel: string) => ({ action: "auth.sign-in", actorLabel, targetLabel: null, summary: null });
  assert.equal(render("fr", signIn("Ivan Petrov")).sentence, "Connexion d’Ivan Petrov");
  assert.equal(render("fr", signIn("ann")).sentence, "Connexion d’ann");
  assert.equal(render("fr", signIn("Hélène Dubois")).sentence, "Connexion d’Hélène Dubois");
  assert.equal(render("fr", signIn("Danny Janssens")).sentence, "Connexion de Danny Janssens");
  assert.equal(render("fr", { ...signIn("Émile Zola"), action: "auth.session-expired" }).sentence, "Session d’Émile Zola expirée");
  assert.equal(render("nl", signIn("Ivan Petrov")).sentence, "Aanmelding van Ivan Petrov");
});

test("FTP/SFTP events name the channel, the username, the file and the folder", () => {
  const upload = { action: "transfer.upload", actorLabel: "EXPWK23FTP", targetId: "FI.DMFA.123456.20261130.00001.R.1.1", targetLabel: null, summary: { channel: "SFTP", folder: "IN", file: "FI.DMFA.123456.20261130.00001.R.1.1", size: 2048 } };
  assert.equal(render("fr", upload).sentence, "Fichier « FI.DMFA.123456.20261130.00001.R.1.1 » déposé dans le dossier IN par « EXPWK23FTP » (SFTP)");
  assert.equal(render("de", upload).sentence, "Datei „FI.DMFA.123456.20261130.00001.R.1.1“ von „EXPWK23FTP“ im Ordner IN abgelegt (SFTP)");
  assert.deepEqual(render("en", upload).changes, [{ label: "Channel", after: "SFTP" }, { label: "Folder", after: "IN" }, { label: "Size (bytes)", after: "2048" }]);
  const refused = { action: "transfer.declaration-refused", actorLabel: "EXPWK23FTP", targetId: "DMFA.123456.20261130.00001.R", targetLabel: null, summary: { channel: "FTP", folder: "IN", answer: "NO.DMFA.123456.20261130.00001.R", reasons: ["fs.missing"] } };
  assert.equal(render("nl", refused).sentence, "Aangifte ‘DMFA.123456.20261130.00001.R’ geweigerd: antwoord met de redenen van de weigering geplaatst");
  assert.equal(render("fr", { action: "transfer.login-failed", actorLabel: "EXPWK23", targetLabel: null, summary: { channel: "FTP" } }).sentence, "Connexion FTP refusée pour l’identifiant « EXPWK23 »");
});

test("administration events read in words: catalogue names, CA subjects, the demo clock's day", () => {
  assert.equal(render("fr", { action: "admin.catalogue.retire", actorLabel: "Admin", targetId: "batch.dmfa", targetLabel: null, summary: { before: { status: "active" }, after: { status: "retired" } } }).sentence, "Admin a retiré l’autorisation « DmfA » du catalogue");
  const retired = render("en", { action: "admin.trust.retire", actorLabel: "Admin", targetLabel: null, summary: { before: { status: "active" }, after: { status: "retired" }, family: "eid", subject: "Citizen CA", sha256: "AB" } });
  assert.equal(retired.sentence, "Admin retired the certification authority “Citizen CA” from the trust store");
  assert.deepEqual(retired.changes.find((c) => c.label === "Family"), { label: "Family", after: "Belgian eID" });
  const clock = render("de", { action: "admin.clock", actorLabel: "Admin", targetLabel: null, summary: { before: null, after: "2026-12-24T09:00:00.000Z" } });
  assert.deepEqual(clock.changes, [{ label: "Demonstrationsdatum", after: "2026-12-24" }]);
  assert.equal(render("nl", { action: "admin.grant", actorLabel: "Admin", targetLabel: null, summary: { before: { admin: false }, after: { admin: true, username: "steven" } } }).sentence, "Admin heeft steven aangeduid als platformbeheerder");
});

test("a lock-out shows its failure counts as counts, not as a username or an address", () => {
  const locked = render("fr", { action: "transfer.locked-out", actorLabel: "EXPWK23", targetLabel: null, summary: { channel: "SFTP", minutes: 15, limit: "subject", subject: 5, address: 5 } });
  assert.equal(locked.sentence, "Identifiant « EXPWK23 » verrouillé en SFTP après trop d’échecs");
  assert.deepEqual(locked.changes, [
    { label: "Durée (minutes)", after: "15" },
    { label: "Canal", after: "SFTP" },
    { label: "Échecs pour cet identifiant", after: "5" },
    { label: "Échecs depuis cette adresse IP", after: "5" },
  ]);
  const web = render("en", { action: "auth.locked-out", actorLabel: "bob", targetLabel: null, summary: { minutes: 15, limit: "username", username: 5, address: 2 } });
  assert.deepEqual(web.changes.map((c) => c.label), ["Duration (minutes)", "Failures for this username", "Failures from this IP address"]);
});

test("a refused GO and an expired IN file name their file and folder", () => {
  const refused = render("fr", { action: "transfer.go-refused", actorLabel: "EXPWK23", targetId: "GO.DMFA.X", targetLabel: null, summary: { channel: "FTP", folder: "IN", kind: "name-malformed", answer: "NOTIF.GO.DMFA.X.1a2b3c4d", reasons: ["go.name"] } });
  assert.equal(refused.sentence, "Fichier GO « GO.DMFA.X » refusé dans le dossier IN (« EXPWK23 », FTP) : réponse déposée avec les motifs du refus");
  assert.deepEqual(refused.changes.find((c) => c.label === "Nature"), { label: "Nature", after: "Nom de fichier GO mal formé" });
  const expired = render("en", { action: "transfer.expired", actorLabel: "system", targetId: "FI.DMFA.1", targetLabel: null, summary: { folder: "INTEST", size: 10, modifiedAt: "2026-11-01T00:00:00.000Z", maxAgeHours: 168 } });
  assert.equal(expired.sentence, "File “FI.DMFA.1” removed from the INTEST folder: it had waited there too long without a complete declaration");
  assert.deepEqual(expired.changes.find((c) => c.label === "Retention period (hours)"), { label: "Retention period (hours)", after: "168" });
});

test("issue 13 (QA): enterprise numbers in a delegation's changes read 0456.789.034, as everywhere else, not the stored 0456789034", () => {
  const event = {
    action: "delegation.request",
    actorLabel: "Ivan Claes",
    targetLabel: "Boulangerie Dupont",
    summary: { after: { status: "pending", intermediary: "0456789034", enterprise: "0876543270", quality: "employeur-onss" } },
  };
  const changes = render("fr", event).changes;
  assert.equal(changes.find((c) => c.label === "Intermédiaire technique")?.after, "0456.789.034");
  assert.equal(changes.find((c) => c.label === "Entreprise")?.after, "0876.543.270");
});

test("a refused OAuth token names its documented reason code, never its description (it may name a certificate)", () => {
  const refused = render("fr", { action: "oauth.token-refused", actorLabel: "self_service_chaman_123", targetLabel: null, summary: { clientId: "self_service_chaman_123", error: "invalid_client", reason: "assertion.jti-replayed", description: "jti x was already used; certificate cert-intermediaire" } });
  assert.deepEqual(refused.changes, [{ label: "Client ID", after: "self_service_chaman_123" }, { label: "Erreur", after: "invalid_client" }, { label: "Motif (reason)", after: "assertion.jti-replayed" }]);
  assert.doesNotMatch(JSON.stringify(refused.changes), /cert-intermediaire/);
  const introspection = render("en", { action: "oauth.introspection-refused", actorLabel: "c", targetLabel: null, summary: { clientId: "c", error: "invalid_client", reason: "assertion.expired", description: "d" } });
  assert.deepEqual(introspection.changes.at(-1), { label: "Reason", after: "assertion.expired" });
});

test("the quality's e-mail reads in the journal as « Activer une qualité » labels it (seed 004), in every language", () => {
  const event = {
    action: "quality.activate",
    actorLabel: "Steven Peeters",
    targetLabel: "Employeur ONSS",
    summary: { after: { quality: "employeur-onss", contactEmail: "rh@example.be", senderNumber: "123456" } },
  };
  for (const locale of ["fr", "nl", "en", "de"]) {
    const formLabel = (JSON.parse(readFileSync(`messages/${locale}/access.json`, "utf8")) as { activate: { email: string } }).activate.email;
    const change = render(locale, event).changes.find((c) => c.after === "rh@example.be");
    assert.equal(change?.label, formLabel, locale);
  }
  assert.equal(render("fr", event).changes.find((c) => c.after === "rh@example.be")?.label, "Adresse e-mail de la qualité");
});
