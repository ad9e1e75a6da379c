-- Issue 19: certificates already added by a technical intermediary to a REST account under a live
-- (accepted) delegation are tagged with it, so ending that delegation removes them too. They are the
-- ones uploaded by a member of the intermediary's enterprise.
UPDATE "certificates" AS c
SET "delegation_id" = d."id"
FROM "delegations" AS d
WHERE d."account_id" = c."account_id"
  AND d."status" = 'accepted'
  AND c."delegation_id" IS NULL
  AND c."uploaded_by" IN (SELECT m."user_id" FROM "memberships" AS m WHERE m."enterprise_id" = d."intermediary_id");
