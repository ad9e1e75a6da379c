import assert from "node:assert/strict";
import { test } from "node:test";
import compile from "icu-minify/compile";
import { loadMessages } from "@/lib/i18n/load-messages";
import { locales } from "@/lib/i18n/locales";
import { mailDate, mailMessage } from "./render";
import { EXPIRY_THRESHOLDS } from "./thresholds";

// Issue 16: every mail and in-app notice exists in FR, NL, EN and DE, and every mail template renders in
// every language with the values the code passes (a broken ICU message would fail here, not in a mail).

function keys(node: unknown, prefix = ""): string[] {
  if (!node || typeof node !== "object") return [prefix];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

test("the mail and notify namespaces have the same keys in every language, all valid ICU", () => {
  for (const namespace of ["mail", "notify"]) {
    const reference = keys(loadMessages("fr")[namespace]).sort();
    assert.ok(reference.length > 10);
    for (const locale of locales) {
      const tree = loadMessages(locale)[namespace];
      assert.deepEqual(keys(tree).sort(), reference, `${locale}/${namespace}`);
      for (const key of reference) {
        const value = key.split(".").reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], tree);
        assert.doesNotThrow(() => compile(String(value)), `${locale}/${namespace}.${key}`);
      }
    }
  }
});

test("every mail template renders in every language", () => {
  const delegation = { counterpart: "Digital Services SRL", number: "0456.789.034", quality: "Q", hasAccount: "yes", account: "Compte REST" };
  for (const locale of locales) {
    for (const event of ["request", "resend", "refuse", "accept", "withdraw", "end"]) {
      for (const part of ["subject", "body"]) {
        const text = mailMessage(locale, `delegation.${event}.${part}`, delegation);
        assert.ok(text.includes("Digital Services SRL"), `${locale} ${event} ${part}`);
        assert.ok(!/[{}]/.test(text), `${locale} ${event} ${part}: ${text}`);
      }
      assert.ok(mailMessage(locale, `delegation.${event}.body`, delegation).includes("Compte REST"));
      assert.ok(!mailMessage(locale, `delegation.${event}.body`, { ...delegation, hasAccount: "no" }).includes("Compte REST"));
    }
    for (const days of EXPIRY_THRESHOLDS) {
      const kind = days === 0 ? "expired" : "expiring";
      const values = { certificate: "cert-a", account: "Compte", type: "SFTP", date: "1 janvier 2027", days };
      for (const part of ["subject", "body", "action"]) assert.ok(!/[{}]/.test(mailMessage(locale, `certificate.${kind}.${part}`, values)), `${locale} ${kind} ${part}`);
      if (days > 0) assert.ok(mailMessage(locale, "certificate.expiring.subject", values).includes(String(days)));
    }
  }
});

test("mails write the first of the month « 1er » in French (issue 17 QA), as the other languages write it", () => {
  const march1 = new Date("2027-03-01T10:00:00Z");
  assert.deepEqual(locales.map((l) => mailDate(l, march1)), locales.map((l) => ({ fr: "1er mars 2027", nl: "1 maart 2027", en: "1 March 2027", de: "1. März 2027" })[l]));
});
