import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/** The extensions the migrations create (pg_trgm: the case search's trigram indexes); every embedded database opens with them. */
export const pgliteExtensions = { pg_trgm };
