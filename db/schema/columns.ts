import { integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Who made a record and when; every editable table carries these. */
export const audited = () => ({
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  createdBy: uuid('created_by'),
  /** Optimistic concurrency: every update says which version it started from. */
  version: integer('version').notNull().default(1),
});

/** Nothing is hard-deleted: records are archived with a reason. */
export const archivable = () => ({
  archivedAt: timestamp('archived_at', { withTimezone: true }),
  archivedBy: uuid('archived_by'),
  archiveReason: text('archive_reason'),
});
