// Synthetic accounts, permissions, certificates and audit events, bulk-inserted (issue 7).
// One generated certificate DER serves every row (fingerprints and serials vary), usernames are
// unique EXP… logins (SPEC §4.1) and REST accounts get a real Client ID (SPEC §3).
import { createHash, randomUUID } from "node:crypto";
import type { Queryable } from "@/lib/db/client";
import type { CertificateDetails } from "@/lib/rules/certificate";
import { generateClientId } from "@/lib/rules/client-id";
import { ColumnBatch } from "./bulk";
import type { Scale } from "./scale";
import type { SyntheticSender } from "./synthetic-organisations";

type AccountType = "FTP" | "SFTP" | "SOAP" | "REST";

interface PlannedAccount {
  id: string;
  type: AccountType;
  sender: SyntheticSender;
}

/**
 * Which accounts each sender has: a REST account for everyone, FTP for every 2nd sender, SFTP for
 * every 3rd, SOAP for every 6th (at most one of each, SPEC §3), then more REST accounts in turn
 * until the scale's total.
 */
export function planAccounts(senders: SyntheticSender[], total: number): PlannedAccount[] {
  const planned: PlannedAccount[] = [];
  const rounds: Array<{ type: AccountType; every: number; offset: number }> = [
    { type: "REST", every: 1, offset: 0 },
    { type: "FTP", every: 2, offset: 0 },
    { type: "SFTP", every: 3, offset: 0 },
    { type: "SOAP", every: 6, offset: 1 },
  ];
  for (const round of rounds) {
    for (const [k, sender] of senders.entries()) {
      if (planned.length >= total) return planned;
      if (k % round.every === round.offset) planned.push({ id: randomUUID(), type: round.type, sender });
    }
  }
  for (let k = 0; planned.length < total && senders.length > 0; k++) {
    planned.push({ id: randomUUID(), type: "REST", sender: senders[k % senders.length]! });
  }
  return planned;
}

function fingerprint(der: Uint8Array, k: number): string {
  const digest = createHash("sha256").update(der).update(String(k)).digest("hex").toUpperCase();
  return digest.match(/../g)?.join(":") ?? digest;
}

export async function seedChannels(
  q: Queryable,
  scale: Scale,
  senders: SyntheticSender[],
  permissionIds: { batch: number[]; webservice: number[] },
  certificate: { der: Uint8Array; details: CertificateDetails },
  passwordHash: string,
): Promise<void> {
  const planned = planAccounts(senders, scale.accounts);
  const accounts = new ColumnBatch("accounts", [
    { name: "id", cast: "uuid" }, { name: "sender_id", cast: "uuid" }, { name: "type", cast: "account_type" },
    { name: "name", cast: "text" }, { name: "username", cast: "text" }, { name: "username_normalized", cast: "text" },
    { name: "password_hash", cast: "text" }, { name: "ssh_public_key", cast: "text" }, { name: "ssh_key_type", cast: "text" },
    { name: "ssh_key_bits", cast: "integer" }, { name: "ssh_fingerprint", cast: "text" }, { name: "client_id", cast: "text" },
    { name: "certificate_management", cast: "certificate_management" },
  ]);
  // Each FTP/SFTP login is its sender's claim first (accounts_username_owner_fk, SPEC §4.1).
  const login = (k: number, type: string) => (type === "FTP" || type === "SFTP" ? `EXPB${String(k).padStart(7, "0")}` : null);
  const claims = new ColumnBatch("technical_usernames", [{ name: "username_normalized", cast: "text" }, { name: "sender_id", cast: "uuid" }]);
  for (const [k, account] of planned.entries()) {
    const name = login(k, account.type);
    if (name === null) continue;
    claims.push([name.toUpperCase(), account.sender.id]);
    await claims.flush(q);
  }
  await claims.flush(q, true);
  const links = new ColumnBatch("account_permissions", [{ name: "account_id", cast: "uuid" }, { name: "permission_id", cast: "integer" }]);
  for (const [k, account] of planned.entries()) {
    const username = login(k, account.type);
    const sftp = account.type === "SFTP";
    accounts.push([
      account.id, account.sender.id, account.type, `${account.type} ${account.sender.senderNumber} ${k}`,
      username, username?.toUpperCase() ?? null,
      account.type === "FTP" ? passwordHash : null,
      sftp ? `ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ bench-${k}` : null, sftp ? "ssh-rsa" : null, sftp ? "2048" : null,
      sftp ? `SHA256:${createHash("sha256").update(String(k)).digest("base64").replace(/=+$/, "")}` : null,
      account.type === "REST" ? generateClientId(account.sender.senderNumber) : null,
      account.type === "REST" && k % 10 === 0 ? "intermediary" : "internal",
    ]);
    const pool = account.type === "REST" ? permissionIds.webservice : account.type === "SOAP" ? [] : permissionIds.batch;
    const chosen = new Set(pool.length > 0 ? [pool[k % pool.length]!, pool[(k * 7 + 3) % pool.length]!] : []);
    await accounts.flush(q);
    for (const permissionId of chosen) links.push([account.id, String(permissionId)]);
    if (accounts.size === 0) await links.flush(q, true); // its accounts are stored: the links may follow
  }
  await accounts.flush(q, true);
  await links.flush(q, true);

  const { details, der } = certificate;
  const certificates = new ColumnBatch(
    "certificates",
    [
      { name: "account_id", cast: "uuid" }, { name: "name", cast: "text" }, { name: "file_name", cast: "text" },
      { name: "serial_number", cast: "text" }, { name: "sha256_fingerprint", cast: "text" }, { name: "uploaded_at", cast: "timestamptz" },
    ],
    [
      { name: "content", cast: "bytea", value: der },
      { name: "subject_cn", cast: "text", value: details.subjectCn },
      { name: "subject_o", cast: "text", value: details.subjectO },
      { name: "issuer_cn", cast: "text", value: details.issuerCn },
      { name: "not_before", cast: "timestamptz", value: details.notBefore },
      { name: "not_after", cast: "timestamptz", value: details.notAfter },
      { name: "key_description", cast: "text", value: details.keyDescription },
      { name: "signature_algorithm", cast: "text", value: details.signatureAlgorithm },
      { name: "self_signed", cast: "boolean", value: String(details.selfSigned) },
    ],
  );
  // One certificate per account, then the remaining ones on REST accounts (SPEC §3: REST has one or more).
  const rest = planned.filter((a) => a.type === "REST");
  const now = Date.now();
  for (let k = 0; k < scale.certificates; k++) {
    const account = k < planned.length ? planned[k] : rest[(k - planned.length) % Math.max(rest.length, 1)];
    if (!account) break;
    const uploadedAt = new Date(now - (scale.certificates - k) * 60_000).toISOString();
    certificates.push([account.id, `certificat-${k}`, `bench-${k}.cer`, String(10n ** 20n + BigInt(k)), fingerprint(der, k), uploadedAt]);
    await certificates.flush(q);
  }
  await certificates.flush(q, true);
}

const auditActions = ["auth.sign-in", "account.create", "account.update", "certificate.add", "certificate.delete", "contact.update", "rights.grant"] as const;

/** Events spread evenly over the synthetic senders and the last two years, oldest first (ids grow with time). */
export async function seedAuditEvents(q: Queryable, scale: Scale, senders: SyntheticSender[]): Promise<void> {
  const events = new ColumnBatch("audit_events", [
    { name: "at", cast: "timestamptz" }, { name: "actor_label", cast: "text" }, { name: "enterprise_id", cast: "uuid" },
    { name: "quality_id", cast: "integer" }, { name: "sender_id", cast: "uuid" }, { name: "action", cast: "text" },
    { name: "target_type", cast: "text" }, { name: "target_id", cast: "text" }, { name: "summary", cast: "jsonb" }, { name: "ip", cast: "text" },
  ]);
  const span = 2 * 365 * 24 * 3600 * 1000;
  const now = Date.now();
  for (let k = 0; k < scale.auditEvents && senders.length > 0; k++) {
    const sender = senders[k % senders.length]!;
    const action = auditActions[k % auditActions.length]!;
    const signIn = action === "auth.sign-in";
    events.push([
      new Date(now - span + Math.floor((span * k) / scale.auditEvents)).toISOString(),
      sender.managerUsername,
      sender.enterpriseId,
      signIn ? null : String(sender.qualityId),
      signIn ? null : sender.id,
      action,
      signIn ? "user" : "account",
      signIn ? sender.managerUsername : `bench-${k}`,
      signIn ? null : JSON.stringify({ after: { name: `compte ${k}` } }),
      `198.51.100.${k % 250}`,
    ]);
    await events.flush(q);
  }
  await events.flush(q, true);
}
