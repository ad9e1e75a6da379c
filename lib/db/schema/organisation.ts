// SPEC §1: enterprises, their qualities (data, not code) and one sender per activated quality.
import { sql } from "drizzle-orm";
import {
  boolean,
  char,
  integer,
  pgSequence,
  pgTable,
  serial,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";

export const enterprises = pgTable("enterprises", {
  id: uuid("id").primaryKey().defaultRandom(),
  // BCE/KBO number, 10 digits without separators (SPEC §1).
  number: char("number", { length: 10 }).notNull().unique(),
  name: text("name").notNull(),
  // A technical intermediary may receive delegations of REST accounts (SPEC §5).
  isTechnicalIntermediary: boolean("is_technical_intermediary").notNull().default(false),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const qualities = pgTable("qualities", {
  id: serial("id").primaryKey(),
  code: text("code").notNull().unique(),
  nameFr: text("name_fr").notNull(),
  nameNl: text("name_nl").notNull(),
  nameEn: text("name_en").notNull(),
  nameDe: text("name_de").notNull(),
  sortOrder: integer("sort_order").notNull().default(0),
});

/** A quality activated for an enterprise by its responsable d'accès entité. */
export const enterpriseQualities = pgTable(
  "enterprise_qualities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    enterpriseId: uuid("enterprise_id")
      .notNull()
      .references(() => enterprises.id, { onDelete: "cascade" }),
    qualityId: integer("quality_id")
      .notNull()
      .references(() => qualities.id),
    contactEmail: text("contact_email"),
    activatedAt: timestamp("activated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("enterprise_qualities_enterprise_quality_uq").on(t.enterpriseId, t.qualityId)],
);

// Sender numbers are assigned once, in order, and never reused (SPEC §1).
export const senderNumberSeq = pgSequence("sender_number_seq", {
  startWith: 300001,
  minValue: 100000,
  maxValue: 999999,
  increment: 1,
});

export const senders = pgTable("senders", {
  id: uuid("id").primaryKey().defaultRandom(),
  enterpriseQualityId: uuid("enterprise_quality_id")
    .notNull()
    .unique()
    .references(() => enterpriseQualities.id, { onDelete: "cascade" }),
  senderNumber: char("sender_number", { length: 6 })
    .notNull()
    .unique()
    .default(sql`nextval('sender_number_seq')::text`),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
