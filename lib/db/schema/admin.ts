// Issue 17: platform administration — who administers the platform, and the trainer's demo clock.
import { boolean, check, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { users } from "./people";

/**
 * Platform administrators (not an enterprise role, SPEC §3/§4.4 « managed by an administrator »):
 * they manage the trust store, the permission catalogue and the trainer controls.
 */
export const platformAdmins = pgTable("platform_admins", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  // Null when granted from the command line.
  grantedBy: uuid("granted_by").references(() => users.id, { onDelete: "set null" }),
  grantedAt: timestamp("granted_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The demonstration clock (« Date de démonstration »): at most one row; when present the app's notion
 * of today is moved to `demoDate` (plus the time elapsed since it was set). Stored in the database so
 * the web server, the CLI and the job runner agree.
 */
export const demoClock = pgTable(
  "demo_clock",
  {
    singleton: boolean("singleton").primaryKey().default(true),
    demoDate: timestamp("demo_date", { withTimezone: true }).notNull(),
    setAt: timestamp("set_at", { withTimezone: true }).notNull().defaultNow(),
    setBy: uuid("set_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [check("demo_clock_singleton", sql`${t.singleton}`)],
);
