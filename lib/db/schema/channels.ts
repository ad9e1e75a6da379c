// SPEC §2–§4: contact data, accounts, their permissions and certificates, the trust store.
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  customType,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  unique,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { delegations } from "./delegation";
import { senders } from "./organisation";
import { users } from "./people";

export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (value) => value,
  fromDriver: (value) => new Uint8Array(value),
});

export const contactLanguage = pgEnum("contact_language", ["fr", "nl", "de", "en"]);

/** Exactly one contact person (and one e-mail address) per sender (SPEC §2). */
export const contacts = pgTable("contacts", {
  senderId: uuid("sender_id")
    .primaryKey()
    .references(() => senders.id, { onDelete: "cascade" }),
  name: text("name").notNull(),
  countryCode: text("country_code").notNull(),
  phone: text("phone").notNull(),
  phoneE164: text("phone_e164").notNull(),
  email: text("email").notNull(),
  language: contactLanguage("language").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
});

export const accountType = pgEnum("account_type", ["FTP", "SFTP", "SOAP", "REST"]);
export const permissionKind = pgEnum("permission_kind", ["batch", "webservice"]);
export const certificateManagement = pgEnum("certificate_management", ["internal", "intermediary"]);

/** The permission catalogue: data, editable by an administrator (SPEC §3). */
export const permissions = pgTable("permissions", {
  id: serial("id").primaryKey(),
  code: text("code").notNull().unique(),
  kind: permissionKind("kind").notNull(),
  nameFr: text("name_fr").notNull(),
  nameNl: text("name_nl").notNull(),
  nameEn: text("name_en").notNull(),
  nameDe: text("name_de").notNull(),
  active: boolean("active").notNull().default(true),
  /** Batch permissions: the application code of the FI/FS/GO file names (seed 000 §3, e.g. DMFA). */
  applicationCode: text("application_code").unique(),
  sortOrder: integer("sort_order").notNull().default(0),
});

/**
 * SPEC §4.1 (updated by issue 12, seed 001 §2.4 note **): a technical username belongs to ONE sender,
 * unique across senders case-insensitively; that sender's FTP and SFTP accounts may share it. The
 * claim is kept when the accounts go, so a login is never handed to another sender. Accounts point
 * here with a composite foreign key (username_normalized, sender_id), added by hand in migration
 * 0012 after the backfill: an account can only use a username its own sender holds.
 */
export const technicalUsernames = pgTable(
  "technical_usernames",
  {
    usernameNormalized: text("username_normalized").primaryKey(),
    senderId: uuid("sender_id")
      .notNull()
      .references(() => senders.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("technical_usernames_owner_uq").on(t.usernameNormalized, t.senderId)],
);

export const accounts = pgTable(
  "accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    senderId: uuid("sender_id")
      .notNull()
      .references(() => senders.id, { onDelete: "cascade" }),
    type: accountType("type").notNull(),
    name: text("name").notNull(),
    // FTP/SFTP login as typed (starts with EXP); uniqueness is on the upper-cased copy (SPEC §4.1).
    username: text("username"),
    usernameNormalized: text("username_normalized"),
    passwordHash: text("password_hash"),
    sshPublicKey: text("ssh_public_key"),
    sshKeyType: text("ssh_key_type"),
    sshKeyBits: integer("ssh_key_bits"),
    sshFingerprint: text("ssh_fingerprint"),
    clientId: text("client_id").unique(),
    certificateManagement: certificateManagement("certificate_management").notNull().default("internal"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One FTP, one SFTP and one SOAP account per sender, even under concurrent requests (SPEC §3).
    uniqueIndex("one_account_per_single_type")
      .on(t.senderId, t.type)
      .where(sql`${t.type} in ('FTP', 'SFTP', 'SOAP')`),
    // One account per (username, type): the sender's FTP and SFTP accounts may share their username.
    uniqueIndex("accounts_username_type_uq").on(t.usernameNormalized, t.type),
    index("accounts_sender_idx").on(t.senderId, t.createdAt),
  ],
);

export const accountPermissions = pgTable(
  "account_permissions",
  {
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    permissionId: integer("permission_id")
      .notNull()
      .references(() => permissions.id),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.permissionId] })],
);

export const certificates = pgTable(
  "certificates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    fileName: text("file_name").notNull(),
    // The uploaded file, byte for byte, so it can be downloaded unchanged (SPEC §4.4).
    content: bytea("content").notNull(),
    subjectCn: text("subject_cn"),
    subjectO: text("subject_o"),
    issuerCn: text("issuer_cn"),
    notBefore: timestamp("not_before", { withTimezone: true }).notNull(),
    notAfter: timestamp("not_after", { withTimezone: true }).notNull(),
    serialNumber: text("serial_number").notNull(),
    sha256Fingerprint: text("sha256_fingerprint").notNull(),
    keyDescription: text("key_description").notNull(),
    signatureAlgorithm: text("signature_algorithm").notNull(),
    selfSigned: boolean("self_signed").notNull(),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
    uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    // Issue 19: set when a technical intermediary added it during that delegation. Its private key is the
    // intermediary's, so the certificate is removed when the delegation ends (lib/delegation/decisions.ts).
    delegationId: uuid("delegation_id").references((): AnyPgColumn => delegations.id, { onDelete: "set null" }),
  },
  (t) => [
    index("certificates_account_idx").on(t.accountId, t.uploadedAt),
    index("certificates_delegation_idx").on(t.delegationId),
    // Issue 13: the same certificate (same SHA-256) at most once per account, whoever adds it.
    uniqueIndex("certificates_account_fingerprint_uq").on(t.accountId, t.sha256Fingerprint),
  ],
);

export const trustFamily = pgEnum("trust_family", ["eid", "globalsign-personalsign3pro", "other"]);

/** CA certificates that may issue channel certificates; configuration, not code (SPEC §4.4). */
export const trustedCas = pgTable("trusted_cas", {
  id: uuid("id").primaryKey().defaultRandom(),
  family: trustFamily("family").notNull(),
  label: text("label").notNull(),
  content: bytea("content").notNull(),
  sha256Fingerprint: text("sha256_fingerprint").notNull().unique(),
  notAfter: timestamp("not_after", { withTimezone: true }),
  addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  // Retired CAs stay for history (issue 17); they no longer vouch for any certificate.
  retiredAt: timestamp("retired_at", { withTimezone: true }),
  retiredBy: uuid("retired_by").references(() => users.id, { onDelete: "set null" }),
});

/**
 * Private keys of the demo CAs generated at seed time, so the trainer kit can issue sample
 * certificates. Only ever filled by the demo seed; a real deployment has no rows here.
 */
export const demoCaKeys = pgTable("demo_ca_keys", {
  trustedCaId: uuid("trusted_ca_id")
    .primaryKey()
    .references(() => trustedCas.id, { onDelete: "cascade" }),
  privateKeyPem: text("private_key_pem").notNull(),
});
