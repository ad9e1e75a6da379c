-- QA 18-8: a session ended because its user was removed from an enterprise gets a journal event, like
-- every other way a session ends (lib/auth/sessions.ts journalEnded): action auth.session-revoked, filed
-- under the enterprise the user was removed from, so its managers see it. Same transaction as the removal.
CREATE OR REPLACE FUNCTION end_sessions_on_membership_removal() RETURNS trigger AS $$
BEGIN
  WITH ended AS (
    UPDATE "user_sessions" SET "ended_at" = now(), "end_reason" = 'membership-removed'
      WHERE "user_id" = OLD."user_id" AND "ended_at" IS NULL
      RETURNING "id", "user_id", "created_at", "last_seen_at", "ip", "user_agent"
  )
  INSERT INTO "audit_events" ("actor_user_id", "actor_label", "enterprise_id", "action", "target_type", "target_id", "summary")
  SELECT e."user_id", u."username", OLD."enterprise_id", 'auth.session-revoked', 'session', e."id"::text,
    jsonb_build_object(
      'startedAt', to_char(e."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'lastSeenAt', to_char(e."last_seen_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'address', e."ip", 'browser', e."user_agent", 'cause', 'membership-removed')
  FROM ended e LEFT JOIN "users" u ON u."id" = e."user_id";
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
