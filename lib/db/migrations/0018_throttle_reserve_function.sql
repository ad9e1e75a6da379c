-- Issue 14 (token endpoint budget): issue 19's attempt reservation (lib/security/throttle.ts reserveAttempt) in one
-- round trip instead of a transaction of seven statements. Same algorithm and same advisory-lock keys, so
-- instances running either version still exclude each other: lock the subject then the address, count the
-- attempts still counted for each, refuse when a budget is used, else prune stale rows and insert a pending
-- attempt. VOLATILE plpgsql takes a fresh snapshot per statement (READ COMMITTED), so the counts after the
-- locks see every reservation committed before them; the locks are released when the calling statement's
-- transaction commits, with the insert.
-- Returns one row: (attempt_id, null, null) when reserved, (null, 'subject' | 'address', age in seconds of
-- the oldest of the counted attempts of that budget) when refused.
CREATE OR REPLACE FUNCTION "throttle_reserve"(
  p_scope text, p_subject text, p_address text,
  p_per_subject integer, p_per_address integer, p_window_minutes integer, p_subject_counts_pending boolean
) RETURNS TABLE ("attempt_id" bigint, "locked" text, "oldest_age" double precision)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  subject_ages double precision[];
  address_ages double precision[];
  new_id bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('throttle:' || p_scope || ':subject:' || p_subject, 0));
  PERFORM pg_advisory_xact_lock(hashtextextended('throttle:' || p_scope || ':address:' || p_address, 0));
  subject_ages := ARRAY(
    SELECT extract(epoch FROM now() - t."at")::float8 FROM "throttle_attempts" t
    WHERE t."scope" = p_scope AND t."subject" = p_subject AND t."at" > now() - make_interval(mins => p_window_minutes)
      AND ((t."outcome" = 'failed' AND NOT t."forgiven") OR (p_subject_counts_pending AND t."outcome" = 'pending'))
    ORDER BY t."at" DESC LIMIT p_per_subject);
  IF cardinality(subject_ages) >= p_per_subject THEN
    RETURN QUERY SELECT NULL::bigint, 'subject'::text, subject_ages[cardinality(subject_ages)];
    RETURN;
  END IF;
  address_ages := ARRAY(
    SELECT extract(epoch FROM now() - t."at")::float8 FROM "throttle_attempts" t
    WHERE t."scope" = p_scope AND t."address" = p_address AND t."at" > now() - make_interval(mins => p_window_minutes)
      AND t."outcome" IN ('pending', 'failed')
    ORDER BY t."at" DESC LIMIT p_per_address);
  IF cardinality(address_ages) >= p_per_address THEN
    RETURN QUERY SELECT NULL::bigint, 'address'::text, address_ages[cardinality(address_ages)];
    RETURN;
  END IF;
  -- Old rows of this subject and address are of no use any more; pruning them here keeps the table small.
  DELETE FROM "throttle_attempts" t
  WHERE t."scope" = p_scope AND (t."subject" = p_subject OR t."address" = p_address)
    AND t."at" < now() - make_interval(mins => p_window_minutes * 4);
  INSERT INTO "throttle_attempts" ("scope", "subject", "address") VALUES (p_scope, p_subject, p_address) RETURNING "id" INTO new_id;
  RETURN QUERY SELECT new_id, NULL::text, NULL::float8;
END
$$;
