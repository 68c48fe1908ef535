CREATE INDEX "investigations_reference_trgm_idx" ON "investigations" USING gin ("reference" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "investigations_title_trgm_idx" ON "investigations" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "offence_locations_district_trgm_idx" ON "offence_locations" USING gin ("district" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "offence_locations_commune_trgm_idx" ON "offence_locations" USING gin ("commune" gin_trgm_ops);