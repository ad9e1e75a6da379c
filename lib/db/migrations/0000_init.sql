CREATE TYPE "public"."role_kind" AS ENUM('responsable-acces', 'co-responsable-acces', 'gestionnaire-local', 'co-gestionnaire-local', 'gestionnaire-acces');--> statement-breakpoint
CREATE TYPE "public"."account_type" AS ENUM('FTP', 'SFTP', 'SOAP', 'REST');--> statement-breakpoint
CREATE TYPE "public"."certificate_management" AS ENUM('internal', 'intermediary');--> statement-breakpoint
CREATE TYPE "public"."contact_language" AS ENUM('fr', 'nl', 'de', 'en');--> statement-breakpoint
CREATE TYPE "public"."permission_kind" AS ENUM('batch', 'webservice');--> statement-breakpoint
CREATE TYPE "public"."trust_family" AS ENUM('eid', 'globalsign-personalsign3pro', 'other');--> statement-breakpoint
CREATE TYPE "public"."delegation_side" AS ENUM('enterprise', 'intermediary');--> statement-breakpoint
CREATE TYPE "public"."delegation_status" AS ENUM('pending', 'accepted', 'refused', 'ended', 'cancelled');--> statement-breakpoint
CREATE SEQUENCE "public"."sender_number_seq" INCREMENT BY 1 MINVALUE 100000 MAXVALUE 999999 START WITH 300001 CACHE 1;--> statement-breakpoint
CREATE TABLE "enterprise_qualities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"quality_id" integer NOT NULL,
	"contact_email" text,
	"activated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprise_qualities_enterprise_quality_uq" UNIQUE("enterprise_id","quality_id")
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" char(10) NOT NULL,
	"name" text NOT NULL,
	"is_technical_intermediary" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprises_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "qualities" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL,
	"name_de" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "qualities_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "senders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_quality_id" uuid NOT NULL,
	"sender_number" char(6) DEFAULT nextval('sender_number_seq')::text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "senders_enterprise_quality_id_unique" UNIQUE("enterprise_quality_id"),
	CONSTRAINT "senders_sender_number_unique" UNIQUE("sender_number")
);
--> statement-breakpoint
CREATE TABLE "chaman_rights" (
	"user_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"quality_id" integer NOT NULL,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chaman_rights_user_id_enterprise_id_quality_id_pk" PRIMARY KEY("user_id","enterprise_id","quality_id")
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"user_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	CONSTRAINT "memberships_user_id_enterprise_id_pk" PRIMARY KEY("user_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "role_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"quality_id" integer,
	"role" "role_kind" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_assignments_uq" UNIQUE NULLS NOT DISTINCT("user_id","enterprise_id","quality_id","role")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"niss" char(11) NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text,
	"password_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username"),
	CONSTRAINT "users_niss_unique" UNIQUE("niss")
);
--> statement-breakpoint
CREATE TABLE "account_permissions" (
	"account_id" uuid NOT NULL,
	"permission_id" integer NOT NULL,
	CONSTRAINT "account_permissions_account_id_permission_id_pk" PRIMARY KEY("account_id","permission_id")
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sender_id" uuid NOT NULL,
	"type" "account_type" NOT NULL,
	"name" text NOT NULL,
	"username" text,
	"username_normalized" text,
	"password_hash" text,
	"ssh_public_key" text,
	"ssh_key_type" text,
	"ssh_key_bits" integer,
	"ssh_fingerprint" text,
	"client_id" text,
	"certificate_management" "certificate_management" DEFAULT 'internal' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_client_id_unique" UNIQUE("client_id")
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"file_name" text NOT NULL,
	"content" "bytea" NOT NULL,
	"subject_cn" text,
	"subject_o" text,
	"issuer_cn" text,
	"not_before" timestamp with time zone NOT NULL,
	"not_after" timestamp with time zone NOT NULL,
	"serial_number" text NOT NULL,
	"sha256_fingerprint" text NOT NULL,
	"key_description" text NOT NULL,
	"signature_algorithm" text NOT NULL,
	"self_signed" boolean NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"uploaded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"sender_id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"country_code" text NOT NULL,
	"phone" text NOT NULL,
	"phone_e164" text NOT NULL,
	"email" text NOT NULL,
	"language" "contact_language" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "demo_ca_keys" (
	"trusted_ca_id" uuid PRIMARY KEY NOT NULL,
	"private_key_pem" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "permissions" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"kind" "permission_kind" NOT NULL,
	"name_fr" text NOT NULL,
	"name_nl" text NOT NULL,
	"name_en" text NOT NULL,
	"name_de" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "permissions_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "trusted_cas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family" "trust_family" NOT NULL,
	"label" text NOT NULL,
	"content" "bytea" NOT NULL,
	"sha256_fingerprint" text NOT NULL,
	"not_after" timestamp with time zone,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trusted_cas_sha256_fingerprint_unique" UNIQUE("sha256_fingerprint")
);
--> statement-breakpoint
CREATE TABLE "delegations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"quality_id" integer NOT NULL,
	"intermediary_id" uuid NOT NULL,
	"account_id" uuid,
	"initiated_by" "delegation_side" NOT NULL,
	"status" "delegation_status" DEFAULT 'pending' NOT NULL,
	"resend_count" integer DEFAULT 0 NOT NULL,
	"message" text,
	"created_by" uuid,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text,
	"enterprise_id" uuid,
	"quality_id" integer,
	"sender_id" uuid,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"summary" jsonb,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "sign_in_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"username" text NOT NULL,
	"ip" text NOT NULL,
	"succeeded" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enterprise_qualities" ADD CONSTRAINT "enterprise_qualities_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_qualities" ADD CONSTRAINT "enterprise_qualities_quality_id_qualities_id_fk" FOREIGN KEY ("quality_id") REFERENCES "public"."qualities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "senders" ADD CONSTRAINT "senders_enterprise_quality_id_enterprise_qualities_id_fk" FOREIGN KEY ("enterprise_quality_id") REFERENCES "public"."enterprise_qualities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chaman_rights" ADD CONSTRAINT "chaman_rights_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chaman_rights" ADD CONSTRAINT "chaman_rights_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chaman_rights" ADD CONSTRAINT "chaman_rights_quality_id_qualities_id_fk" FOREIGN KEY ("quality_id") REFERENCES "public"."qualities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chaman_rights" ADD CONSTRAINT "chaman_rights_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_quality_id_qualities_id_fk" FOREIGN KEY ("quality_id") REFERENCES "public"."qualities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_permissions" ADD CONSTRAINT "account_permissions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_permissions" ADD CONSTRAINT "account_permissions_permission_id_permissions_id_fk" FOREIGN KEY ("permission_id") REFERENCES "public"."permissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_sender_id_senders_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."senders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_sender_id_senders_id_fk" FOREIGN KEY ("sender_id") REFERENCES "public"."senders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "demo_ca_keys" ADD CONSTRAINT "demo_ca_keys_trusted_ca_id_trusted_cas_id_fk" FOREIGN KEY ("trusted_ca_id") REFERENCES "public"."trusted_cas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_quality_id_qualities_id_fk" FOREIGN KEY ("quality_id") REFERENCES "public"."qualities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_intermediary_id_enterprises_id_fk" FOREIGN KEY ("intermediary_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "one_responsable_per_enterprise" ON "role_assignments" USING btree ("enterprise_id") WHERE "role_assignments"."role" = 'responsable-acces';--> statement-breakpoint
CREATE UNIQUE INDEX "one_gestionnaire_per_quality" ON "role_assignments" USING btree ("enterprise_id","quality_id") WHERE "role_assignments"."role" = 'gestionnaire-local';--> statement-breakpoint
CREATE INDEX "role_assignments_user_idx" ON "role_assignments" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "one_account_per_single_type" ON "accounts" USING btree ("sender_id","type") WHERE "accounts"."type" in ('FTP', 'SFTP', 'SOAP');--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_username_normalized_uq" ON "accounts" USING btree ("username_normalized");--> statement-breakpoint
CREATE INDEX "accounts_sender_idx" ON "accounts" USING btree ("sender_id","created_at");--> statement-breakpoint
CREATE INDEX "certificates_account_idx" ON "certificates" USING btree ("account_id","uploaded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "one_live_delegation_per_account" ON "delegations" USING btree ("account_id") WHERE "delegations"."status" in ('pending', 'accepted') and "delegations"."account_id" is not null;--> statement-breakpoint
CREATE INDEX "delegations_enterprise_idx" ON "delegations" USING btree ("enterprise_id","quality_id");--> statement-breakpoint
CREATE INDEX "delegations_intermediary_idx" ON "delegations" USING btree ("intermediary_id");--> statement-breakpoint
CREATE INDEX "audit_events_sender_idx" ON "audit_events" USING btree ("sender_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_enterprise_idx" ON "audit_events" USING btree ("enterprise_id","at");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_username_idx" ON "sign_in_attempts" USING btree ("username","at");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_ip_idx" ON "sign_in_attempts" USING btree ("ip","at");