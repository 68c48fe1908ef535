import { sql } from 'drizzle-orm';
import { bigint, boolean, check, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row: a counter that triggers bump in the same transaction as any write that can change
 * a yearly figure (see the migration "figures_cache"). Cached figures carry the version
 * they were computed at, so a cache entry is used only while nothing has changed since.
 */
export const dataVersion = pgTable('data_version', {
  id: boolean('id').primaryKey().default(true),
  version: bigint('version', { mode: 'number' }).notNull().default(1),
}, (t) => [check('data_version_one_row', sql`${t.id}`)]);

/** The dashboard's figures per filter set (year, province, offence type), as of a data version. */
export const figuresCache = pgTable('figures_cache', {
  key: text('key').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull(),
  figures: jsonb('figures').$type<unknown>().notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
});
