-- Issue 12 / SPEC §4.1: every existing FTP/SFTP username becomes its sender's claim (they were unique
-- across all accounts until now, so no two senders can collide here), then accounts may only use a
-- username their own sender holds. Hand-written: drizzle-kit cannot order a backfill before a foreign key.
INSERT INTO "technical_usernames" ("username_normalized", "sender_id")
SELECT DISTINCT "username_normalized", "sender_id" FROM "accounts" WHERE "username_normalized" IS NOT NULL
ON CONFLICT DO NOTHING;
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_username_owner_fk"
  FOREIGN KEY ("username_normalized", "sender_id")
  REFERENCES "technical_usernames" ("username_normalized", "sender_id")
  ON DELETE NO ACTION ON UPDATE NO ACTION;
