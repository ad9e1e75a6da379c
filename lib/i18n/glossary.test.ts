import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";

// Issue 13: one term per role everywhere in NL, EN and DE, kept in messages/glossary.json. The role
// labels (common.roles, « Vos responsables ») use the glossary's terms, and no message uses a synonym
// the glossary lists (« Toegangsverantwoordelijke » for « Hoofdtoegangsbeheerder », « Co-local manager »…).

type Forms = { one: string; other: string };
interface Glossary {
  roles: Record<string, Record<string, Forms>>;
  synonyms: Record<string, string[]>;
}

const glossary = JSON.parse(readFileSync("messages/glossary.json", "utf8")) as Glossary;
const CHECKED = ["nl", "en", "de"] as const;

function read(locale: string, namespace: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`messages/${locale}/${namespace}.json`, "utf8")) as Record<string, unknown>;
}

function leaves(node: unknown, prefix: string): [string, string][] {
  if (typeof node === "string") return [[prefix, node]];
  if (node && typeof node === "object") return Object.entries(node).flatMap(([key, value]) => leaves(value, `${prefix}.${key}`));
  return [];
}

test("the role labels are the glossary's terms", () => {
  // « Vos responsables »: which glossary form each label is.
  const managersPage: Record<string, [string, keyof Forms]> = {
    local: ["gestionnaire-local", "one"],
    coLocal: ["co-gestionnaire-local", "other"],
    accessManagers: ["gestionnaire-acces", "other"],
    responsable: ["responsable-acces", "one"],
    coResponsables: ["co-responsable-acces", "other"],
  };
  for (const locale of CHECKED) {
    const roles = read(locale, "common").roles as Record<string, string>;
    assert.deepEqual(Object.keys(roles).sort(), Object.keys(glossary.roles).sort(), `${locale}: common.roles and the glossary list the same roles`);
    for (const [code, forms] of Object.entries(glossary.roles)) assert.equal(roles[code], forms[locale]?.one, `${locale}: common.roles.${code}`);
    const managers = read(locale, "managers") as Record<string, string>;
    for (const [key, [code, form]] of Object.entries(managersPage)) assert.equal(managers[key], glossary.roles[code]?.[locale]?.[form], `${locale}: managers.${key}`);
  }
});

test("no NL, EN or DE message names a role with a synonym outside the glossary", () => {
  const offenders: string[] = [];
  for (const locale of CHECKED) {
    const synonyms = glossary.synonyms[locale] ?? [];
    assert.ok(synonyms.length > 0, `${locale}: the glossary lists the synonyms to refuse`);
    for (const file of readdirSync(`messages/${locale}`).filter((f) => f.endsWith(".json"))) {
      for (const [key, text] of leaves(read(locale, file.slice(0, -5)), file.slice(0, -5))) {
        const found = synonyms.find((synonym) => text.toLowerCase().includes(synonym.toLowerCase()));
        if (found) offenders.push(`${locale} ${key}: « ${found} » in « ${text} »`);
      }
    }
  }
  assert.deepEqual(offenders, []);
});

test("EN calls « qualité » a capacity everywhere (access, delegations), never a quality", () => {
  // Found in QA: the journal, errors, mails and the « Agir pour » chooser said "quality" while the access
  // and delegation screens say "capacity" for the same thing.
  const offenders: string[] = [];
  for (const file of readdirSync("messages/en").filter((f) => f.endsWith(".json"))) {
    for (const [key, text] of leaves(read("en", file.slice(0, -5)), file.slice(0, -5))) {
      const words = text.replace(/\{\s*\w+/g, "{").replace(/\w+\s*\{/g, "{"); // argument names and select cases are code
      if (/\bqualit(y|ies)\b/i.test(words)) offenders.push(`${key}: « ${text} »`);
    }
  }
  assert.deepEqual(offenders, []);
});
