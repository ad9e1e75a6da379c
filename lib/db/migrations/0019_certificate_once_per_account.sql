-- Issue 13: one certificate (SHA-256) once per account. Installs from before this rule may hold the same
-- certificate twice on one account, which would make the index below fail and the server refuse to start.
-- The copies are the same certificate bytes, so the later copies are dropped and one is kept: the
-- enterprise's own (no delegation) before an intermediary's, then the oldest upload. Nothing else refers to
-- a copy except its expiry notices, which go with it (the kept one has its own).
DELETE FROM "certificates" AS c
USING (
  SELECT "id", row_number() OVER (
    PARTITION BY "account_id", "sha256_fingerprint"
    ORDER BY ("delegation_id" IS NOT NULL), "uploaded_at", "id"
  ) AS rank
  FROM "certificates"
) AS ranked
WHERE ranked."id" = c."id" AND ranked.rank > 1;--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_account_fingerprint_uq" ON "certificates" USING btree ("account_id","sha256_fingerprint");
