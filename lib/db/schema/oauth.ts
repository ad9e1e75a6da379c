// Issue 14: the REST channel's OAuth 2.0 server (SPEC §7) and the FLA sample API it protects.
import { sql } from "drizzle-orm";
import { char, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, unique, uniqueIndex } from "drizzle-orm/pg-core";
import { permissions } from "./channels";
import { qualities } from "./organisation";

/**
 * OAuth scopes as data (seed 003 §6.1): a scope name is granted to a REST account acting in `quality`
 * when the account holds `permission`. Seeded from lib/db/seed/catalogue.ts; editable by an administrator.
 */
export const oauthScopes = pgTable(
  "oauth_scopes",
  {
    scope: text("scope").notNull(),
    qualityId: integer("quality_id")
      .notNull()
      .references(() => qualities.id),
    permissionId: integer("permission_id")
      .notNull()
      .references(() => permissions.id),
  },
  // One scope per quality and permission (issue 17: the catalogue page edits one field per quality);
  // a scope name means one permission within a quality (primary key).
  (t) => [primaryKey({ columns: [t.scope, t.qualityId] }), unique("oauth_scopes_permission_quality_uq").on(t.permissionId, t.qualityId)],
);

/**
 * The server's access-token signing keys (JWK), shared by every app instance. Exactly one is active;
 * retired keys stay published in the JWKS until the tokens they signed have expired.
 */
export const oauthSigningKeys = pgTable(
  "oauth_signing_keys",
  {
    kid: text("kid").primaryKey(),
    alg: text("alg").notNull(),
    publicJwk: jsonb("public_jwk").$type<Record<string, unknown>>().notNull(),
    privateJwk: jsonb("private_jwk").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("oauth_signing_keys_one_active").on(sql`(true)`).where(sql`${t.retiredAt} is null`)],
);

/**
 * Client assertions already used (RFC 7523 §3 "jti"): the primary key makes an assertion single-use
 * even when 50 requests carry it at once or several app instances share the database.
 */
export const oauthUsedAssertions = pgTable(
  "oauth_used_assertions",
  {
    clientId: text("client_id").notNull(),
    jti: text("jti").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.jti] }), index("oauth_used_assertions_expiry_idx").on(t.expiresAt)],
);

/** The FLA sample API's declarations: one training list per employer, employee and calendar year. */
export const flaTrainings = pgTable(
  "fla_trainings",
  {
    employerNumber: char("employer_number", { length: 10 }).notNull(),
    niss: char("niss", { length: 11 }).notNull(),
    calendarYear: smallint("calendar_year").notNull(),
    declaration: jsonb("declaration").$type<Record<string, unknown>>().notNull(),
    clientId: text("client_id").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.employerNumber, t.niss, t.calendarYear] })],
);

/**
 * Demo data only: the private key of the trainer kit's self-signed REST sample (lib/channels/trainer-kit.ts), kept
 * so a certificate a trainer uploaded still matches the key pair downloaded after a restart. Empty in production.
 */
export const demoSampleKeys = pgTable("demo_sample_keys", {
  name: text("name").primaryKey(),
  privateKeyPem: text("private_key_pem").notNull(),
});
