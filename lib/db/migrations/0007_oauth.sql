CREATE TABLE "demo_sample_keys" (
	"name" text PRIMARY KEY NOT NULL,
	"private_key_pem" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fla_trainings" (
	"employer_number" char(10) NOT NULL,
	"niss" char(11) NOT NULL,
	"calendar_year" smallint NOT NULL,
	"declaration" jsonb NOT NULL,
	"client_id" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fla_trainings_employer_number_niss_calendar_year_pk" PRIMARY KEY("employer_number","niss","calendar_year")
);
--> statement-breakpoint
CREATE TABLE "oauth_scopes" (
	"scope" text NOT NULL,
	"quality_id" integer NOT NULL,
	"permission_id" integer NOT NULL,
	CONSTRAINT "oauth_scopes_scope_quality_id_pk" PRIMARY KEY("scope","quality_id")
);
--> statement-breakpoint
CREATE TABLE "oauth_signing_keys" (
	"kid" text PRIMARY KEY NOT NULL,
	"alg" text NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"private_jwk" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "oauth_used_assertions" (
	"client_id" text NOT NULL,
	"jti" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "oauth_used_assertions_client_id_jti_pk" PRIMARY KEY("client_id","jti")
);
--> statement-breakpoint
ALTER TABLE "oauth_scopes" ADD CONSTRAINT "oauth_scopes_quality_id_qualities_id_fk" FOREIGN KEY ("quality_id") REFERENCES "public"."qualities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oauth_scopes" ADD CONSTRAINT "oauth_scopes_permission_id_permissions_id_fk" FOREIGN KEY ("permission_id") REFERENCES "public"."permissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "oauth_signing_keys_one_active" ON "oauth_signing_keys" USING btree ((true)) WHERE "oauth_signing_keys"."retired_at" is null;--> statement-breakpoint
CREATE INDEX "oauth_used_assertions_expiry_idx" ON "oauth_used_assertions" USING btree ("expires_at");