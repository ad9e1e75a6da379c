CREATE TABLE "transfer_declarations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sender_id" uuid NOT NULL,
	"account_id" uuid,
	"channel" text NOT NULL,
	"application" text NOT NULL,
	"declaration_date" char(8) NOT NULL,
	"sequence" text NOT NULL,
	"environment" char(1) NOT NULL,
	"parts" integer NOT NULL,
	"state" text DEFAULT 'processing' NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"answer_file" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "permissions" ADD COLUMN "application_code" text;--> statement-breakpoint
ALTER TABLE "transfer_declarations" ADD CONSTRAINT "transfer_declarations_sender_id_senders_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."senders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfer_declarations" ADD CONSTRAINT "transfer_declarations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "transfer_declarations_once_uq" ON "transfer_declarations" USING btree ("sender_id","application","declaration_date","sequence","environment");--> statement-breakpoint
CREATE INDEX "transfer_declarations_sender_idx" ON "transfer_declarations" USING btree ("sender_id","received_at");--> statement-breakpoint
ALTER TABLE "permissions" ADD CONSTRAINT "permissions_application_code_unique" UNIQUE("application_code");