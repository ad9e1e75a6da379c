// QA 11b-A/C: what the running server was configured with and that a command-line run must follow
// (the CLI's own environment may differ): the public URL of mail links, whether mails are delivered.
import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** One setting written by the server at start (key → value); read by `chaman notify run`. */
export const serverSettings = pgTable("server_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
