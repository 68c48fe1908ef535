CREATE TYPE "public"."agency_kind" AS ENUM('cpu', 'police', 'ministry', 'court', 'international', 'ngo');--> statement-breakpoint
CREATE TYPE "public"."audit_outcome" AS ENUM('allowed', 'denied', 'failed');--> statement-breakpoint
CREATE TYPE "public"."case_status" AS ENUM('reported', 'under_investigation', 'suspect_identified', 'suspect_arrested', 'referred_to_court', 'closed');--> statement-breakpoint
CREATE TYPE "public"."close_reason" AS ENUM('convicted', 'acquitted', 'dismissed', 'referred_elsewhere', 'suspect_deceased', 'no_further_action', 'unfounded', 'victim_withdrew', 'unresolved');--> statement-breakpoint
CREATE TYPE "public"."expenditure_category" AS ENUM('investigations', 'victim_services', 'forensics', 'training', 'operations', 'other');--> statement-breakpoint
CREATE TYPE "public"."locale" AS ENUM('en', 'km');--> statement-breakpoint
CREATE TYPE "public"."member_role" AS ENUM('lead', 'investigator', 'liaison');--> statement-breakpoint
CREATE TYPE "public"."priority" AS ENUM('low', 'normal', 'high', 'urgent');--> statement-breakpoint
CREATE TYPE "public"."prosecution_status" AS ENUM('charged', 'pre_trial_detention', 'on_trial', 'convicted', 'acquitted', 'dismissed', 'appealed');--> statement-breakpoint
CREATE TYPE "public"."relationship_group" AS ENUM('family', 'acquaintance', 'stranger', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."report_channel" AS ENUM('hotline', 'police', 'ngo_referral', 'walk_in', 'school', 'health_facility', 'online_report', 'other');--> statement-breakpoint
CREATE TYPE "public"."report_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('investigator', 'liaison', 'manager', 'admin');--> statement-breakpoint
CREATE TYPE "public"."sex" AS ENUM('female', 'male', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."suspect_status" AS ENUM('unidentified', 'identified', 'wanted', 'arrested', 'deceased');--> statement-breakpoint
CREATE TABLE "charges" (
	"code" text PRIMARY KEY NOT NULL,
	"label_en" text NOT NULL,
	"label_km" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offence_types" (
	"code" text PRIMARY KEY NOT NULL,
	"label_en" text NOT NULL,
	"label_km" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "place_types" (
	"code" text PRIMARY KEY NOT NULL,
	"label_en" text NOT NULL,
	"label_km" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provinces" (
	"code" char(2) PRIMARY KEY NOT NULL,
	"iso" text NOT NULL,
	"name_en" text NOT NULL,
	"name_km" text NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "provinces_iso_unique" UNIQUE("iso")
);
--> statement-breakpoint
CREATE TABLE "relationships" (
	"code" text PRIMARY KEY NOT NULL,
	"label_en" text NOT NULL,
	"label_km" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"group" "relationship_group" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_types" (
	"code" text PRIMARY KEY NOT NULL,
	"label_en" text NOT NULL,
	"label_km" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"name_km" text,
	"kind" "agency_kind" NOT NULL,
	"province_code" char(2),
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"user_id" uuid,
	"ip" "inet",
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"success" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"ip" "inet",
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "role" NOT NULL,
	"agency_id" uuid,
	"locale" "locale" DEFAULT 'en' NOT NULL,
	"password_hash" text,
	"active" boolean DEFAULT true NOT NULL,
	"locked_at" timestamp with time zone,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"set_password_token_hash" text,
	"set_password_expires_at" timestamp with time zone,
	"totp_secret" text,
	"totp_last_step" integer,
	"recovery_code_hashes" jsonb,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"investigation_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"kind" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_last_seen" (
	"user_id" uuid NOT NULL,
	"investigation_id" uuid NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_last_seen_user_id_investigation_id_pk" PRIMARY KEY("user_id","investigation_id")
);
--> statement-breakpoint
CREATE TABLE "investigation_agencies" (
	"investigation_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"shared_at" timestamp with time zone DEFAULT now() NOT NULL,
	"shared_by" uuid,
	CONSTRAINT "investigation_agencies_investigation_id_agency_id_pk" PRIMARY KEY("investigation_id","agency_id")
);
--> statement-breakpoint
CREATE TABLE "investigation_members" (
	"investigation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "member_role" NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"added_by" uuid,
	CONSTRAINT "investigation_members_investigation_id_user_id_pk" PRIMARY KEY("investigation_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "investigations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"ref_year" smallint NOT NULL,
	"ref_seq" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"offence_type" text NOT NULL,
	"report_channel" "report_channel" NOT NULL,
	"priority" "priority" DEFAULT 'normal' NOT NULL,
	"status" "case_status" DEFAULT 'reported' NOT NULL,
	"close_reason" "close_reason",
	"reported_on" date NOT NULL,
	"opened_on" date NOT NULL,
	"offence_from" date,
	"offence_to" date,
	"closed_at" timestamp with time zone,
	"external_ref" text,
	"submission_key" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"archived_by" uuid,
	"archive_reason" text,
	CONSTRAINT "investigations_reference_unique" UNIQUE("reference"),
	CONSTRAINT "investigations_external_ref_unique" UNIQUE("external_ref"),
	CONSTRAINT "investigations_submission_key_unique" UNIQUE("submission_key"),
	CONSTRAINT "investigations_ref_year_seq_key" UNIQUE("ref_year","ref_seq"),
	CONSTRAINT "investigations_dates_check" CHECK (reported_on >= DATE '1990-01-01' AND opened_on >= DATE '1990-01-01'
    AND (offence_from IS NULL OR offence_from >= DATE '1990-01-01')
    AND (offence_to IS NULL OR offence_from IS NULL OR offence_to >= offence_from)),
	CONSTRAINT "investigations_closed_check" CHECK (("investigations"."status" = 'closed') = ("investigations"."close_reason" IS NOT NULL)),
	CONSTRAINT "investigations_title_check" CHECK (char_length("investigations"."title") BETWEEN 1 AND 300)
);
--> statement-breakpoint
CREATE TABLE "offence_locations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"investigation_id" uuid NOT NULL,
	"province_code" char(2) NOT NULL,
	"district" text NOT NULL,
	"commune" text,
	"place_type" text NOT NULL,
	"occurred_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"archived_by" uuid,
	"archive_reason" text,
	CONSTRAINT "offence_locations_date_check" CHECK ("offence_locations"."occurred_on" IS NULL OR "offence_locations"."occurred_on" >= DATE '1990-01-01')
);
--> statement-breakpoint
CREATE TABLE "suspects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"investigation_id" uuid NOT NULL,
	"full_name" text,
	"alias" text,
	"sex" "sex" NOT NULL,
	"age" smallint,
	"nationality" text,
	"relationship" text NOT NULL,
	"status" "suspect_status" NOT NULL,
	"arrested_on" date,
	"arresting_agency_id" uuid,
	"arrest_place" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"archived_by" uuid,
	"archive_reason" text,
	CONSTRAINT "suspects_arrest_check" CHECK (("suspects"."status" = 'arrested') = ("suspects"."arrested_on" IS NOT NULL)),
	CONSTRAINT "suspects_arrest_date_check" CHECK ("suspects"."arrested_on" IS NULL OR "suspects"."arrested_on" >= DATE '1990-01-01'),
	CONSTRAINT "suspects_age_check" CHECK ("suspects"."age" IS NULL OR "suspects"."age" BETWEEN 7 AND 120)
);
--> statement-breakpoint
CREATE TABLE "victim_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"victim_id" uuid NOT NULL,
	"investigation_id" uuid NOT NULL,
	"service_type" text NOT NULL,
	"provider" text,
	"started_on" date,
	"ended_on" date,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"archived_by" uuid,
	"archive_reason" text,
	CONSTRAINT "victim_services_dates_check" CHECK (("victim_services"."started_on" IS NULL OR "victim_services"."started_on" >= DATE '1990-01-01')
    AND ("victim_services"."ended_on" IS NULL OR "victim_services"."started_on" IS NULL OR "victim_services"."ended_on" >= "victim_services"."started_on"))
);
--> statement-breakpoint
CREATE TABLE "victims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"investigation_id" uuid NOT NULL,
	"code" text NOT NULL,
	"full_name" text,
	"date_of_birth" text,
	"contact" text,
	"notes" text,
	"sex" "sex" NOT NULL,
	"age_at_offence" smallint NOT NULL,
	"nationality" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"archived_by" uuid,
	"archive_reason" text,
	CONSTRAINT "victims_code_unique" UNIQUE("code"),
	CONSTRAINT "victims_age_check" CHECK ("victims"."age_at_offence" BETWEEN 0 AND 17)
);
--> statement-breakpoint
CREATE TABLE "hearings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prosecution_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"kind" text NOT NULL,
	"outcome_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"archived_by" uuid,
	"archive_reason" text,
	CONSTRAINT "hearings_date_check" CHECK ("hearings"."held_on" >= DATE '1990-01-01')
);
--> statement-breakpoint
CREATE TABLE "prosecution_charges" (
	"prosecution_id" uuid NOT NULL,
	"charge_code" text NOT NULL,
	CONSTRAINT "prosecution_charges_prosecution_id_charge_code_pk" PRIMARY KEY("prosecution_id","charge_code")
);
--> statement-breakpoint
CREATE TABLE "prosecutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"investigation_id" uuid NOT NULL,
	"suspect_id" uuid NOT NULL,
	"court_province_code" char(2) NOT NULL,
	"court_case_number" text,
	"charges_other" text,
	"status" "prosecution_status" DEFAULT 'charged' NOT NULL,
	"filed_on" date NOT NULL,
	"verdict_on" date,
	"sentence_years" smallint,
	"sentence_months" smallint,
	"fine_riel" bigint,
	"compensation_riel" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"archived_by" uuid,
	"archive_reason" text,
	CONSTRAINT "prosecutions_dates_check" CHECK ("prosecutions"."filed_on" >= DATE '1990-01-01' AND ("prosecutions"."verdict_on" IS NULL OR "prosecutions"."verdict_on" >= "prosecutions"."filed_on")),
	CONSTRAINT "prosecutions_amounts_check" CHECK (coalesce("prosecutions"."sentence_years", 0) BETWEEN 0 AND 99
    AND coalesce("prosecutions"."sentence_months", 0) BETWEEN 0 AND 11
    AND coalesce("prosecutions"."fine_riel", 0) >= 0 AND coalesce("prosecutions"."compensation_riel", 0) >= 0),
	CONSTRAINT "prosecutions_verdict_check" CHECK ("prosecutions"."status" NOT IN ('convicted', 'acquitted', 'dismissed') OR "prosecutions"."verdict_on" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "annual_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" smallint NOT NULL,
	"version_no" smallint NOT NULL,
	"status" "report_status" DEFAULT 'draft' NOT NULL,
	"sections" jsonb NOT NULL,
	"figures" jsonb,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"archived_by" uuid,
	"archive_reason" text,
	CONSTRAINT "annual_reports_year_version_key" UNIQUE("year","version_no"),
	CONSTRAINT "annual_reports_published_check" CHECK (("annual_reports"."status" = 'published') = ("annual_reports"."published_at" IS NOT NULL AND "annual_reports"."figures" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_role" "role",
	"action" text NOT NULL,
	"entity_type" text,
	"entity_id" text,
	"investigation_id" uuid,
	"outcome" "audit_outcome" NOT NULL,
	"ip" "inet",
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "expenditures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" smallint NOT NULL,
	"category" "expenditure_category" NOT NULL,
	"amount_usd" numeric(14, 2) NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"archived_by" uuid,
	"archive_reason" text,
	CONSTRAINT "expenditures_amount_check" CHECK ("expenditures"."amount_usd" >= 0),
	CONSTRAINT "expenditures_year_check" CHECK ("expenditures"."year" BETWEEN 1990 AND 2200)
);
--> statement-breakpoint
ALTER TABLE "agencies" ADD CONSTRAINT "agencies_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_attempts" ADD CONSTRAINT "login_attempts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_investigation_id_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."investigations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_last_seen" ADD CONSTRAINT "case_last_seen_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_last_seen" ADD CONSTRAINT "case_last_seen_investigation_id_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."investigations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_agencies" ADD CONSTRAINT "investigation_agencies_investigation_id_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."investigations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_agencies" ADD CONSTRAINT "investigation_agencies_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_agencies" ADD CONSTRAINT "investigation_agencies_shared_by_users_id_fk" FOREIGN KEY ("shared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_members" ADD CONSTRAINT "investigation_members_investigation_id_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."investigations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_members" ADD CONSTRAINT "investigation_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation_members" ADD CONSTRAINT "investigation_members_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigations" ADD CONSTRAINT "investigations_offence_type_offence_types_code_fk" FOREIGN KEY ("offence_type") REFERENCES "public"."offence_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigations" ADD CONSTRAINT "investigations_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offence_locations" ADD CONSTRAINT "offence_locations_investigation_id_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."investigations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offence_locations" ADD CONSTRAINT "offence_locations_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offence_locations" ADD CONSTRAINT "offence_locations_place_type_place_types_code_fk" FOREIGN KEY ("place_type") REFERENCES "public"."place_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suspects" ADD CONSTRAINT "suspects_investigation_id_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."investigations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suspects" ADD CONSTRAINT "suspects_relationship_relationships_code_fk" FOREIGN KEY ("relationship") REFERENCES "public"."relationships"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suspects" ADD CONSTRAINT "suspects_arresting_agency_id_agencies_id_fk" FOREIGN KEY ("arresting_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_services" ADD CONSTRAINT "victim_services_victim_id_victims_id_fk" FOREIGN KEY ("victim_id") REFERENCES "public"."victims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_services" ADD CONSTRAINT "victim_services_investigation_id_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."investigations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victim_services" ADD CONSTRAINT "victim_services_service_type_service_types_code_fk" FOREIGN KEY ("service_type") REFERENCES "public"."service_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "victims" ADD CONSTRAINT "victims_investigation_id_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."investigations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearings" ADD CONSTRAINT "hearings_prosecution_id_prosecutions_id_fk" FOREIGN KEY ("prosecution_id") REFERENCES "public"."prosecutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prosecution_charges" ADD CONSTRAINT "prosecution_charges_prosecution_id_prosecutions_id_fk" FOREIGN KEY ("prosecution_id") REFERENCES "public"."prosecutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prosecution_charges" ADD CONSTRAINT "prosecution_charges_charge_code_charges_code_fk" FOREIGN KEY ("charge_code") REFERENCES "public"."charges"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prosecutions" ADD CONSTRAINT "prosecutions_investigation_id_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."investigations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prosecutions" ADD CONSTRAINT "prosecutions_suspect_id_suspects_id_fk" FOREIGN KEY ("suspect_id") REFERENCES "public"."suspects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prosecutions" ADD CONSTRAINT "prosecutions_court_province_code_provinces_code_fk" FOREIGN KEY ("court_province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_investigation_id_investigations_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."investigations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agencies_name_key" ON "agencies" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "login_attempts_email_at_idx" ON "login_attempts" USING btree ("email","at");--> statement-breakpoint
CREATE INDEX "login_attempts_ip_at_idx" ON "login_attempts" USING btree ("ip","at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "users_agency_idx" ON "users" USING btree ("agency_id");--> statement-breakpoint
CREATE INDEX "case_events_investigation_at_idx" ON "case_events" USING btree ("investigation_id","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "investigation_agencies_agency_idx" ON "investigation_agencies" USING btree ("agency_id","investigation_id");--> statement-breakpoint
CREATE INDEX "investigation_members_user_idx" ON "investigation_members" USING btree ("user_id","investigation_id");--> statement-breakpoint
CREATE INDEX "investigations_opened_idx" ON "investigations" USING btree ("opened_on" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "investigations_status_idx" ON "investigations" USING btree ("status");--> statement-breakpoint
CREATE INDEX "investigations_offence_type_idx" ON "investigations" USING btree ("offence_type","opened_on");--> statement-breakpoint
CREATE INDEX "offence_locations_investigation_idx" ON "offence_locations" USING btree ("investigation_id");--> statement-breakpoint
CREATE INDEX "offence_locations_province_idx" ON "offence_locations" USING btree ("province_code","district");--> statement-breakpoint
CREATE INDEX "suspects_investigation_idx" ON "suspects" USING btree ("investigation_id");--> statement-breakpoint
CREATE INDEX "suspects_arrested_idx" ON "suspects" USING btree ("arrested_on");--> statement-breakpoint
CREATE INDEX "victim_services_victim_idx" ON "victim_services" USING btree ("victim_id");--> statement-breakpoint
CREATE INDEX "victim_services_investigation_idx" ON "victim_services" USING btree ("investigation_id");--> statement-breakpoint
CREATE INDEX "victims_investigation_idx" ON "victims" USING btree ("investigation_id");--> statement-breakpoint
CREATE INDEX "hearings_prosecution_idx" ON "hearings" USING btree ("prosecution_id","held_on");--> statement-breakpoint
CREATE INDEX "prosecutions_investigation_idx" ON "prosecutions" USING btree ("investigation_id");--> statement-breakpoint
CREATE INDEX "prosecutions_suspect_idx" ON "prosecutions" USING btree ("suspect_id");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_events_investigation_idx" ON "audit_events" USING btree ("investigation_id","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "expenditures_year_idx" ON "expenditures" USING btree ("year");