CREATE TABLE "technical_usernames" (
	"username_normalized" text PRIMARY KEY NOT NULL,
	"sender_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "technical_usernames_owner_uq" UNIQUE("username_normalized","sender_id")
);
--> statement-breakpoint
DROP INDEX "accounts_username_normalized_uq";--> statement-breakpoint
ALTER TABLE "technical_usernames" ADD CONSTRAINT "technical_usernames_sender_id_senders_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."senders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_username_type_uq" ON "accounts" USING btree ("username_normalized","type");