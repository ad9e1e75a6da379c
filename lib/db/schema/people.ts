// SPEC §1: people (NISS), their roles per enterprise/quality and the Chaman right.
import { sql } from "drizzle-orm";
import {
  boolean,
  char,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { enterprises, qualities } from "./organisation";

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  // Login name, stored lower-case; unique.
  username: text("username").notNull().unique(),
  niss: char("niss", { length: 11 }).notNull().unique(),
  firstName: text("first_name").notNull(),
  lastName: text("last_name").notNull(),
  email: text("email"),
  // argon2id hash; null for users who sign in only through OpenID Connect.
  passwordHash: text("password_hash"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Users who work for an enterprise (they can be found by the enterprise's managers). */
export const memberships = pgTable(
  "memberships",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    enterpriseId: uuid("enterprise_id")
      .notNull()
      .references(() => enterprises.id, { onDelete: "cascade" }),
    // Issue 19: true when the person came in only because a manager designated them (a co-manager from
    // another enterprise); removing their last role here then ends the membership too.
    viaDesignation: boolean("via_designation").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.userId, t.enterpriseId] })],
);

export const roleKind = pgEnum("role_kind", [
  "responsable-acces", // entity level: quality is null
  "co-responsable-acces", // entity level
  "gestionnaire-local", // per quality
  "co-gestionnaire-local", // per quality
  "gestionnaire-acces", // per quality (automatic Chaman access, FAQ)
]);

export const roleAssignments = pgTable(
  "role_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    enterpriseId: uuid("enterprise_id")
      .notNull()
      .references(() => enterprises.id, { onDelete: "cascade" }),
    qualityId: integer("quality_id").references(() => qualities.id),
    role: roleKind("role").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("role_assignments_uq").on(t.userId, t.enterpriseId, t.qualityId, t.role).nullsNotDistinct(),
    // Only one chief access manager per enterprise, one local manager per quality (SPEC §1).
    uniqueIndex("one_responsable_per_enterprise")
      .on(t.enterpriseId)
      .where(sql`${t.role} = 'responsable-acces'`),
    uniqueIndex("one_gestionnaire_per_quality")
      .on(t.enterpriseId, t.qualityId)
      .where(sql`${t.role} = 'gestionnaire-local'`),
    index("role_assignments_user_idx").on(t.userId),
  ],
);

/** « Chaman - Gestion des canaux techniques », granted by a local manager (SPEC §1). */
export const chamanRights = pgTable(
  "chaman_rights",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    enterpriseId: uuid("enterprise_id")
      .notNull()
      .references(() => enterprises.id, { onDelete: "cascade" }),
    qualityId: integer("quality_id")
      .notNull()
      .references(() => qualities.id),
    grantedBy: uuid("granted_by").references(() => users.id, { onDelete: "set null" }),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.enterpriseId, t.qualityId] })],
);
