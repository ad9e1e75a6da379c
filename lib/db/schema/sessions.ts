// Issue 18: one server-side record per sign-in. The session cookie carries only this record's id (inside
// Auth.js's encrypted JWE); the record decides whether the session is still open, on every request.
import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./people";

export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // Written at most once per throttle interval (lib/auth/sessions.ts), so reads stay cheap.
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    // Absolute end: sign-in time + CHAMAN_SESSION_MAX_HOURS, whatever the activity.
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    // Set once when the session ends (sign-out, closed, expired, membership removed); never reopened.
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endReason: text("end_reason"),
    // Client address and a short browser/OS summary at sign-in, shown in « Mes sessions ».
    ip: text("ip").notNull(),
    userAgent: text("user_agent").notNull(),
  },
  (t) => [
    // « Mes sessions » and "end all sessions of this user" read only the open ones.
    index("user_sessions_open_by_user_idx").on(t.userId, t.createdAt).where(sql`${t.endedAt} is null`),
    check("user_sessions_end_reason", sql`(${t.endedAt} is null) = (${t.endReason} is null) and ${t.endReason} in ('sign-out', 'closed', 'expired', 'membership-removed')`),
  ],
);
