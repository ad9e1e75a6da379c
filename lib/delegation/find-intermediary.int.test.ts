import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";
import { actorFor } from "@/lib/access/test-support";
import type { Db } from "@/lib/db/client";
import * as s from "@/lib/db/schema";
import { resetDemo } from "@/lib/db/seed/reset";
import { withDemoDatabase } from "@/lib/db/test-db";
import { lookUpIntermediary, technicalIntermediaries } from "./find-intermediary";

// Issue 13: the enterprise finds a technical intermediary by name as well as by number.

let db: Db;
let claireEnterprise: string;
let ivanEnterprise: string;

withDemoDatabase((ready) => (db = ready));
beforeEach(async () => {
  await resetDemo(db);
  claireEnterprise = (await actorFor(db, "claire")).ctx.enterpriseId;
  ivanEnterprise = (await actorFor(db, "ivan")).ctx.enterpriseId;
  // Two more intermediaries whose names share a word, to make a name ambiguous.
  await db.insert(s.enterprises).values([
    { number: "0111111124", name: "Alpha Services Informatiques", isTechnicalIntermediary: true },
    { number: "0999999922", name: "Beta Services 100%_Cloud", isTechnicalIntermediary: true },
  ]);
});

test("the suggestions list the technical intermediaries as « Name (0456.789.034) », never the enterprise itself", async () => {
  const labels = (await technicalIntermediaries(db, claireEnterprise)).map((i) => i.label);
  assert.ok(labels.includes("Digital Services SRL (0456.789.034)"), labels.join(" | "));
  assert.ok(!labels.some((l) => l.startsWith("Boulangerie")));
  assert.ok(!(await technicalIntermediaries(db, ivanEnterprise)).some((i) => i.label.startsWith("Digital Services")));
});

test("a number, a picked suggestion and a unique part of a name all give the number", async () => {
  assert.deepEqual(await lookUpIntermediary(db, "0456.789.034", claireEnterprise), { kind: "number", number: "0456.789.034" });
  assert.deepEqual(await lookUpIntermediary(db, "Digital Services SRL (0456.789.034)", claireEnterprise), { kind: "number", number: "0456.789.034" });
  assert.deepEqual(await lookUpIntermediary(db, "  digital ", claireEnterprise), { kind: "number", number: "0456789034" });
});

test("an unknown or ambiguous name is said, with the matching names", async () => {
  assert.deepEqual(await lookUpIntermediary(db, "Nobody", claireEnterprise), { kind: "unknown-name", name: "Nobody" });
  const ambiguous = await lookUpIntermediary(db, "services", claireEnterprise);
  assert.equal(ambiguous.kind, "ambiguous-name");
  assert.match(ambiguous.kind === "ambiguous-name" ? ambiguous.matches : "", /Alpha Services Informatiques \(0111\.111\.124\).*Digital Services SRL/);
  // LIKE wildcards typed by the user are literal: « % » matches only a real « % ».
  assert.deepEqual(await lookUpIntermediary(db, "%_Cloud", claireEnterprise), { kind: "number", number: "0999999922" });
  assert.deepEqual(await lookUpIntermediary(db, "s_rl", claireEnterprise), { kind: "unknown-name", name: "s_rl" });
  assert.deepEqual(await lookUpIntermediary(db, "%", claireEnterprise), { kind: "number", number: "0999999922" });
});
