CREATE TABLE "transfer_quota_reservations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sender_id" uuid NOT NULL,
	"bytes" bigint NOT NULL,
	"renewed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "transfer_quota_reservations" ADD CONSTRAINT "transfer_quota_reservations_sender_id_senders_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."senders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "transfer_quota_reservations_sender_idx" ON "transfer_quota_reservations" USING btree ("sender_id");