// Issue 14: every rule line and every assertion refusal reason of the checker has its message in fr, nl, en and
// de, with only the reason's placeholders as the English error_description, and each message compiles as ICU.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import compile from "icu-minify/compile";
import format from "icu-minify/format";
import { ASSERTION_RULES, checkClientAssertion } from "./client-assertion";
import { oauthUrls } from "./config";
import { REASONS, REFUSAL_REASONS } from "./reasons";

const locales = ["fr", "nl", "en", "de"] as const;
type Tree = { [key: string]: string | Tree };
const load = (locale: string) => JSON.parse(readFileSync(`messages/${locale}/oauth.json`, "utf8")) as Tree;
const at = (tree: Tree, path: string): string | undefined => {
  let node: string | Tree | undefined = tree;
  for (const part of path.split(".")) node = typeof node === "object" ? node[part] : undefined;
  return typeof node === "string" ? node : undefined;
};
const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test("each checker line and each assertion reason is translated in the four languages, with only the reason's placeholders", () => {
  const assertionReasons = REFUSAL_REASONS.filter((r) => r.startsWith("assertion."));
  for (const locale of locales) {
    const tree = load(locale);
    for (const rule of ASSERTION_RULES) assert.ok(at(tree, `rules.${rule}`), `${locale} rules.${rule}`);
    for (const reason of assertionReasons) {
      const message = at(tree, `reasons.${reason}`);
      assert.ok(message, `${locale} reasons.${reason}`);
      const english = REASONS[reason].describe(new Proxy({}, { get: (_t, key) => `{${String(key)}}` }));
      // A translation may leave a detail out, never use a parameter the reason does not have.
      const spec = REASONS[reason];
      const known = new Set([...placeholders(english), ...("uiParams" in spec ? spec.uiParams : [])]);
      assert.deepEqual(placeholders(message).filter((p) => !known.has(p)), [], `${locale} ${reason}`);
      assert.doesNotThrow(() => compile(message), `${locale} ${reason} compiles`);
    }
  }
});

test("« Intégrer un client REST » (docs/rest-client.<locale>.md) lists every reason (request, assertion, scope), and no other", () => {
  for (const locale of locales) {
    const doc = readFileSync(`docs/rest-client.${locale}.md`, "utf8");
    const mentioned = new Set([...doc.matchAll(/`((?:request|assertion|scope)\.[a-z0-9-]+)`/g)].map((m) => m[1]!));
    const documented = REFUSAL_REASONS;
    assert.deepEqual([...mentioned].sort(), [...documented].sort(), locale);
  }
});

test("SHA-256 under x5t: the checker's message is in the reader's language, with both thumbprints (no English « or »)", async () => {
  const { createCertificate } = await import("@/lib/pki/generate");
  const { resolveCertificateHint } = await import("./certificate-hints");
  const { createHash } = await import("node:crypto");
  const c = await createCertificate({ subject: { cn: "qa-x5t" }, keyUsage: ["digitalSignature"] });
  const hint = resolveCertificateHint({ x5t: createHash("sha256").update(c.der).digest("base64url") }, [{ id: "c1", name: "main", der: c.der }]);
  assert.ok(!hint.ok && hint.reason === "assertion.x5t-sha256");
  const expected = { fr: "(ou x5t = ", nl: "(of x5t = ", en: "(or x5t = ", de: "(oder x5t = " };
  for (const locale of locales) {
    const text = compile(at(load(locale), `reasons.${hint.reason}`)!);
    const rendered = String(format(text, locale, hint.params, { formatters: { getDateTimeFormat: (...a: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...a), getNumberFormat: (...a: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...a), getPluralRules: (...a: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...a) } }));
    assert.ok(rendered.includes(`x5t#S256 = ${createHash("sha256").update(c.der).digest("base64url")}`), locale);
    assert.ok(rendered.includes(`${expected[locale]}${createHash("sha1").update(c.der).digest("base64url")})`), `${locale}: ${rendered}`);
  }
});

test("a malformed or padded assertion is explained in the reader's language, a JWE named as such (no English « part(s) found »)", async () => {
  const ctx = { urls: oauthUrls("https://x.test"), now: new Date(), findClient: async () => null, isJtiUsed: async () => false };
  const formatters = { getDateTimeFormat: (...a: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...a), getNumberFormat: (...a: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...a), getPluralRules: (...a: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...a) };
  const line = async (jwt: string) => (await checkClientAssertion(jwt, ctx)).checks.find((c) => c.rule === "format")!;
  const cases = [
    { jwt: "not a jwt", fr: "1 partie(s) trouvée(s), 3 attendues" },
    { jwt: "a.b.c.d.e", fr: "c’est un JWT chiffré (JWE, 5 parties)" },
    { jwt: "x".repeat(9000), fr: "plus de 8192 caractères" },
    { jwt: "a.b.c", fr: "l’en-tête ou le contenu n’est pas du JSON" },
    { jwt: "a.b.c\n", fr: "retirez le saut de ligne final" },
    { jwt: " a.b.c", fr: "retirez les espaces au début et à la fin" },
  ];
  for (const { jwt, fr } of cases) {
    const { reason, params } = await line(jwt);
    for (const locale of locales) {
      const rendered = String(format(compile(at(load(locale), `reasons.${reason}`)!), locale, params, { formatters }));
      if (locale === "fr") assert.ok(rendered.includes(fr), rendered);
      if (locale !== "en") assert.doesNotMatch(rendered, /part\(s\) found|trailing newline|Invalid|JWS compact/, `${locale}: ${rendered}`);
    }
  }
  // The token endpoint's English description names the JWE too.
  assert.match((await checkClientAssertion("a.b.c.d.e", ctx)).failure!.description, /encrypted JWT \(JWE\)/);
});
