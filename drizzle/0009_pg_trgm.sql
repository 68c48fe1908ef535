-- Trigram indexes let the case search (ILIKE '%text%' on reference, title, district, commune)
-- use an index instead of reading every case. pg_trgm is a trusted extension: the database
-- owner may create it. The embedded database loads it too (db/pglite-extensions.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
