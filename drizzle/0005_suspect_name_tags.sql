ALTER TABLE "suspects" ADD COLUMN "name_tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "suspects_name_tags_idx" ON "suspects" USING gin ("name_tags");