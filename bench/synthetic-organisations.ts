// Synthetic enterprises, their senders, contact data and people, bulk-inserted (issue 7).
// Valid identifiers throughout: BCE numbers from makeEnterpriseNumber, NISS from makeNiss.
import { randomUUID } from "node:crypto";
import type { Queryable } from "@/lib/db/client";
import { makeEnterpriseNumber } from "@/lib/rules/enterprise-number";
import { makeNiss } from "@/lib/rules/niss";
import { ColumnBatch, insertColumns } from "./bulk";
import type { Scale } from "./scale";

export interface SyntheticSender {
  id: string;
  senderNumber: string;
  enterpriseId: string;
  qualityId: number;
  /** Login of the enterprise's local manager: the actor of the sender's audit events. */
  managerUsername: string;
}

const languages = ["fr", "nl", "en", "de"] as const;

/** Birth date digits for person i: 900 people per day from 1 January 1960 (no demo persona is born then). */
function nissFor(i: number): string {
  const day = new Date(Date.UTC(1960, 0, 1 + Math.floor(i / 900)));
  const yymmdd = `${String(day.getUTCFullYear() % 100).padStart(2, "0")}${String(day.getUTCMonth() + 1).padStart(2, "0")}${String(day.getUTCDate()).padStart(2, "0")}`;
  return makeNiss(yymmdd, (i % 900) + 1, false);
}

/**
 * Enterprise i: BCE number 19xxxxxx + check digits (the demo numbers start 01/04/08), the quality
 * « Employeur ONSS » and, for every n-th one, « Secrétariat social » too; a local manager per
 * quality and a classic user holding the Chaman right; contact data for every sender.
 */
export async function seedOrganisations(
  q: Queryable,
  scale: Scale,
  qualityIds: { employer: number; secretariat: number },
  passwordHash: string,
): Promise<SyntheticSender[]> {
  const enterpriseIds: string[] = [];
  const numbers: string[] = [];
  const names: string[] = [];
  const intermediaries: string[] = [];
  const eq = { id: [] as string[], enterpriseId: [] as string[], qualityId: [] as string[], email: [] as string[] };
  const managerOf = new Map<string, string>();
  for (let i = 0; i < scale.enterprises; i++) {
    const id = randomUUID();
    enterpriseIds.push(id);
    numbers.push(makeEnterpriseNumber(`19${String(i).padStart(6, "0")}`));
    names.push(`Entreprise ${String(i).padStart(5, "0")} ${["SRL", "SA", "BV", "NV", "ASBL"][i % 5]}`);
    intermediaries.push(String(i % 50 === 0));
    const qualities = scale.secondQualityEvery > 0 && i % scale.secondQualityEvery === 0 ? [qualityIds.employer, qualityIds.secretariat] : [qualityIds.employer];
    for (const qualityId of qualities) {
      const eqId = randomUUID();
      eq.id.push(eqId);
      eq.enterpriseId.push(id);
      eq.qualityId.push(String(qualityId));
      eq.email.push(`contact${i}@entreprise${i}.example`);
      managerOf.set(eqId, `bench${i}`);
    }
  }
  for (let start = 0; start < enterpriseIds.length; start += 5_000) {
    const end = start + 5_000;
    await insertColumns(q, "enterprises", [
      { name: "id", cast: "uuid", values: enterpriseIds.slice(start, end) },
      { name: "number", cast: "char(10)", values: numbers.slice(start, end) },
      { name: "name", cast: "text", values: names.slice(start, end) },
      { name: "is_technical_intermediary", cast: "boolean", values: intermediaries.slice(start, end) },
    ]);
  }

  const senders: SyntheticSender[] = [];
  for (let start = 0; start < eq.id.length; start += 5_000) {
    const end = start + 5_000;
    await insertColumns(q, "enterprise_qualities", [
      { name: "id", cast: "uuid", values: eq.id.slice(start, end) },
      { name: "enterprise_id", cast: "uuid", values: eq.enterpriseId.slice(start, end) },
      { name: "quality_id", cast: "integer", values: eq.qualityId.slice(start, end) },
      { name: "contact_email", cast: "text", values: eq.email.slice(start, end) },
    ]);
    const ids = eq.id.slice(start, end).map(() => randomUUID());
    // Sender numbers come from the sequence (the column default), as for a sender created in the app.
    const rows = await insertColumns(
      q,
      "senders",
      [
        { name: "id", cast: "uuid", values: ids },
        { name: "enterprise_quality_id", cast: "uuid", values: eq.id.slice(start, end) },
      ],
      [],
      "id, sender_number",
    );
    const numberOf = new Map(rows.map((r) => [String(r.id), String(r.sender_number)]));
    ids.forEach((id, k) => {
      const at = start + k;
      senders.push({
        id,
        senderNumber: numberOf.get(id) ?? "",
        enterpriseId: eq.enterpriseId[at] ?? "",
        qualityId: Number(eq.qualityId[at]),
        managerUsername: managerOf.get(eq.id[at] ?? "") ?? "",
      });
    });
  }

  const contacts = new ColumnBatch("contacts", [
    { name: "sender_id", cast: "uuid" }, { name: "name", cast: "text" }, { name: "country_code", cast: "text" },
    { name: "phone", cast: "text" }, { name: "phone_e164", cast: "text" }, { name: "email", cast: "text" },
    { name: "language", cast: "contact_language" },
  ]);
  for (const [k, sender] of senders.entries()) {
    const phone = `0470${String(k % 1_000_000).padStart(6, "0")}`;
    contacts.push([sender.id, `Contact ${sender.senderNumber}`, "+32", phone, `+32${phone.slice(1)}`, `canaux@${sender.senderNumber}.example`, languages[k % 4] ?? "fr"]);
    await contacts.flush(q);
  }
  await contacts.flush(q, true);

  await seedPeople(q, scale, enterpriseIds, eq, qualityIds.employer, passwordHash);
  return senders;
}

/** Two people per enterprise: the local manager of each quality, and a classic user with the Chaman right. */
async function seedPeople(
  q: Queryable,
  scale: Scale,
  enterpriseIds: string[],
  eq: { enterpriseId: string[]; qualityId: string[] },
  employerQualityId: number,
  passwordHash: string,
): Promise<void> {
  const users = new ColumnBatch("users", [
    { name: "id", cast: "uuid" }, { name: "username", cast: "text" }, { name: "niss", cast: "char(11)" },
    { name: "first_name", cast: "text" }, { name: "last_name", cast: "text" }, { name: "email", cast: "text" },
    { name: "password_hash", cast: "text" },
  ]);
  const members = new ColumnBatch("memberships", [{ name: "user_id", cast: "uuid" }, { name: "enterprise_id", cast: "uuid" }]);
  const roles = new ColumnBatch("role_assignments", [
    { name: "user_id", cast: "uuid" }, { name: "enterprise_id", cast: "uuid" }, { name: "quality_id", cast: "integer" }, { name: "role", cast: "role_kind" },
  ]);
  const rights = new ColumnBatch("chaman_rights", [{ name: "user_id", cast: "uuid" }, { name: "enterprise_id", cast: "uuid" }, { name: "quality_id", cast: "integer" }]);
  const managerIds = enterpriseIds.map(() => randomUUID());
  for (let i = 0; i < scale.enterprises; i++) {
    const enterpriseId = enterpriseIds[i] ?? "";
    const manager = managerIds[i] ?? "";
    const classic = randomUUID();
    users.push([manager, `bench${i}`, nissFor(2 * i), "Gestionnaire", `Entreprise ${i}`, `bench${i}@entreprise${i}.example`, passwordHash]);
    users.push([classic, `bench${i}-user`, nissFor(2 * i + 1), "Utilisateur", `Entreprise ${i}`, null, passwordHash]);
    members.push([manager, enterpriseId]);
    members.push([classic, enterpriseId]);
    rights.push([classic, enterpriseId, String(employerQualityId)]);
    // Users first: the other rows reference them.
    for (const batch of [users, members, rights]) await batch.flush(q);
  }
  for (const batch of [users, members, rights]) await batch.flush(q, true);
  const managerOf = new Map(enterpriseIds.map((id, i) => [id, managerIds[i] ?? ""]));
  for (const [k, enterpriseId] of eq.enterpriseId.entries()) {
    const manager = managerOf.get(enterpriseId) ?? "";
    roles.push([manager, enterpriseId, eq.qualityId[k] ?? null, "gestionnaire-local"]);
    await roles.flush(q);
  }
  await roles.flush(q, true);
}
