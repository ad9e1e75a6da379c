CREATE TABLE "throttle_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"subject" text NOT NULL,
	"address" text NOT NULL,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"forgiven" boolean DEFAULT false NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "throttle_attempts_outcome_check" CHECK ("throttle_attempts"."outcome" in ('pending', 'failed', 'succeeded'))
);
--> statement-breakpoint
DROP TABLE "sign_in_attempts" CASCADE;--> statement-breakpoint
CREATE INDEX "throttle_attempts_subject_idx" ON "throttle_attempts" USING btree ("scope","subject","at");--> statement-breakpoint
CREATE INDEX "throttle_attempts_address_idx" ON "throttle_attempts" USING btree ("scope","address","at");