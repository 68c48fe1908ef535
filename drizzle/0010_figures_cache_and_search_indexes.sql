CREATE TABLE "data_version" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL,
	CONSTRAINT "data_version_one_row" CHECK ("data_version"."id")
);
--> statement-breakpoint
CREATE TABLE "figures_cache" (
	"key" text PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL,
	"figures" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "investigations_reference_trgm_idx" ON "investigations" USING gin ("reference" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "investigations_title_trgm_idx" ON "investigations" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "offence_locations_district_trgm_idx" ON "offence_locations" USING gin ("district" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "offence_locations_commune_trgm_idx" ON "offence_locations" USING gin ("commune" gin_trgm_ops);