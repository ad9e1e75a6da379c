DROP INDEX "audit_events_sender_idx";--> statement-breakpoint
DROP INDEX "audit_events_enterprise_idx";--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "target_label" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "party_enterprise_id" uuid;--> statement-breakpoint
CREATE INDEX "audit_events_sender_id_idx" ON "audit_events" USING btree ("sender_id","id");--> statement-breakpoint
CREATE INDEX "audit_events_enterprise_id_idx" ON "audit_events" USING btree ("enterprise_id","id");--> statement-breakpoint
CREATE INDEX "audit_events_party_id_idx" ON "audit_events" USING btree ("party_enterprise_id","id");