CREATE TABLE "transfer_go_refusals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sender_id" uuid NOT NULL,
	"account_id" uuid,
	"channel" text NOT NULL,
	"kind" text NOT NULL,
	"folder" text NOT NULL,
	"go_file" text NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"answer_file" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "transfer_go_refusals" ADD CONSTRAINT "transfer_go_refusals_sender_id_senders_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."senders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_go_refusals" ADD CONSTRAINT "transfer_go_refusals_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_go_refusals_answer_uq" ON "transfer_go_refusals" USING btree ("sender_id","answer_file");--> statement-breakpoint
CREATE INDEX "transfer_go_refusals_sender_idx" ON "transfer_go_refusals" USING btree ("sender_id","received_at");