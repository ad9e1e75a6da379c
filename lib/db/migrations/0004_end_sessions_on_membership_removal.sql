-- Issue 18: removing a user from an enterprise ends all of that user's open sessions at once, wherever the
-- membership is removed (a service, the CLI, a cascade from a deleted enterprise), in the same transaction.
CREATE OR REPLACE FUNCTION end_sessions_on_membership_removal() RETURNS trigger AS $$
BEGIN
  UPDATE "user_sessions" SET "ended_at" = now(), "end_reason" = 'membership-removed'
    WHERE "user_id" = OLD."user_id" AND "ended_at" IS NULL;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER memberships_end_sessions AFTER DELETE ON "memberships"
  FOR EACH ROW EXECUTE FUNCTION end_sessions_on_membership_removal();
