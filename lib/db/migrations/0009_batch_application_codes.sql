-- Issue 15: the application codes of the batch permissions already in the catalogue (seed 000 §3).
-- New databases get them from the reference seed; this fills databases seeded before the column existed.
UPDATE "permissions" SET "application_code" = 'DB2P' WHERE "code" = 'batch.pension-preload' AND "application_code" IS NULL;--> statement-breakpoint
UPDATE "permissions" SET "application_code" = 'DMFA' WHERE "code" = 'batch.dmfa' AND "application_code" IS NULL;--> statement-breakpoint
UPDATE "permissions" SET "application_code" = 'DRS' WHERE "code" = 'batch.drs' AND "application_code" IS NULL;--> statement-breakpoint
UPDATE "permissions" SET "application_code" = 'DIMONA' WHERE "code" = 'batch.dimona' AND "application_code" IS NULL;--> statement-breakpoint
UPDATE "permissions" SET "application_code" = 'WECH' WHERE "code" = 'batch.temporary-unemployment' AND "application_code" IS NULL;--> statement-breakpoint
UPDATE "permissions" SET "application_code" = '30BIS' WHERE "code" = 'batch.worksite-declaration' AND "application_code" IS NULL;
