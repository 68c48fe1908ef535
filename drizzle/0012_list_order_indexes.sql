DROP INDEX "case_events_investigation_at_idx";--> statement-breakpoint
DROP INDEX "investigations_opened_idx";--> statement-breakpoint
DROP INDEX "investigations_status_idx";--> statement-breakpoint
DROP INDEX "audit_events_at_idx";--> statement-breakpoint
DROP INDEX "audit_events_actor_idx";--> statement-breakpoint
DROP INDEX "audit_events_investigation_idx";--> statement-breakpoint
DROP INDEX "audit_events_entity_idx";--> statement-breakpoint
CREATE INDEX "investigation_members_lead_idx" ON "investigation_members" USING btree ("user_id","investigation_id") WHERE "investigation_members"."role" = 'lead';--> statement-breakpoint
CREATE INDEX "case_events_investigation_at_idx" ON "case_events" USING btree ("investigation_id","at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "investigations_opened_idx" ON "investigations" USING btree ("opened_on" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "investigations_status_idx" ON "investigations" USING btree ("status","opened_on" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id","at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_events_investigation_idx" ON "audit_events" USING btree ("investigation_id","at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity_id","at" DESC NULLS FIRST);