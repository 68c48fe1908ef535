-- The dashboard's figures are cached per filter set together with the data version they
-- were computed at (db/queries/figures-cache.ts). Every transaction that changes a row a
-- yearly figure reads bumps the version once, at its commit (deferred constraint triggers),
-- so a cached entry is served only while the data it was computed from is unchanged: exact,
-- and recomputed only after a change. Taking the counter's row lock last, at commit, keeps it
-- held for the shortest time and always in the same order (no lock-order deadlocks).
-- UPDATE OF lists the columns the figures read (db/queries/metrics.ts): editing a title or a
-- victim's name does not throw the figures away. A new metric reading another column adds it here.
INSERT INTO "data_version" ("id", "version") VALUES (true, 1) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Once per transaction, however many rows it wrote.
  IF current_setting('cpu.data_version_bumped', true) IS DISTINCT FROM txid_current()::text THEN
    UPDATE data_version SET version = version + 1 WHERE id;
    PERFORM set_config('cpu.data_version_bumped', txid_current()::text, true);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER investigations_data_version AFTER INSERT OR DELETE OR UPDATE OF id, status, close_reason, opened_on, offence_type, archived_at
  ON investigations DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE TRIGGER investigations_data_version_truncate AFTER TRUNCATE ON investigations FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER offence_locations_data_version AFTER INSERT OR DELETE OR UPDATE OF investigation_id, province_code, district, archived_at
  ON offence_locations DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE TRIGGER offence_locations_data_version_truncate AFTER TRUNCATE ON offence_locations FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER suspects_data_version AFTER INSERT OR DELETE OR UPDATE OF id, investigation_id, relationship, arrested_on, archived_at
  ON suspects DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE TRIGGER suspects_data_version_truncate AFTER TRUNCATE ON suspects FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER victims_data_version AFTER INSERT OR DELETE OR UPDATE OF id, investigation_id, sex, age_at_offence, archived_at
  ON victims DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE TRIGGER victims_data_version_truncate AFTER TRUNCATE ON victims FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER victim_services_data_version AFTER INSERT OR DELETE OR UPDATE OF victim_id, investigation_id, service_type, archived_at
  ON victim_services DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE TRIGGER victim_services_data_version_truncate AFTER TRUNCATE ON victim_services FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER prosecutions_data_version AFTER INSERT OR DELETE OR UPDATE OF investigation_id, suspect_id, status, filed_on, verdict_on, sentence_years, sentence_months, archived_at
  ON prosecutions DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE TRIGGER prosecutions_data_version_truncate AFTER TRUNCATE ON prosecutions FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER expenditures_data_version AFTER INSERT OR DELETE OR UPDATE OF year, amount_usd, archived_at
  ON expenditures DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE TRIGGER expenditures_data_version_truncate AFTER TRUNCATE ON expenditures FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER provinces_data_version AFTER INSERT OR DELETE OR UPDATE
  ON provinces DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE TRIGGER provinces_data_version_truncate AFTER TRUNCATE ON provinces FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER offence_types_data_version AFTER INSERT OR DELETE OR UPDATE
  ON offence_types DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE TRIGGER offence_types_data_version_truncate AFTER TRUNCATE ON offence_types FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER relationships_data_version AFTER INSERT OR DELETE OR UPDATE
  ON relationships DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE TRIGGER relationships_data_version_truncate AFTER TRUNCATE ON relationships FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER service_types_data_version AFTER INSERT OR DELETE OR UPDATE
  ON service_types DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_data_version();
--> statement-breakpoint
CREATE TRIGGER service_types_data_version_truncate AFTER TRUNCATE ON service_types FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
