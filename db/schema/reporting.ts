import { sql } from 'drizzle-orm';
import { bigserial, check, index, inet, jsonb, numeric, pgTable, smallint, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { archivable, audited } from './columns';
import { auditOutcomeEnum, expenditureCategoryEnum, reportStatusEnum, roleEnum } from './enums';
import { investigations } from './investigations';
import { apiTokens, users } from './people';

export const expenditures = pgTable('expenditures', {
  id: uuid('id').primaryKey().defaultRandom(),
  year: smallint('year').notNull(),
  category: expenditureCategoryEnum('category').notNull(),
  amountUsd: numeric('amount_usd', { precision: 14, scale: 2 }).notNull(),
  note: text('note'),
  ...audited(),
  ...archivable(),
}, (t) => [
  index('expenditures_year_idx').on(t.year),
  check('expenditures_amount_check', sql`${t.amountUsd} >= 0`),
  check('expenditures_year_check', sql`${t.year} BETWEEN 1990 AND 2200`),
]);

export type ReportSections = {
  summary: string;
  achievements: string;
  challenges: string;
  partners: string;
};

/** A year's annual report. Publishing freezes its figures; corrections are new versions. */
export const annualReports = pgTable('annual_reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  year: smallint('year').notNull(),
  versionNo: smallint('version_no').notNull(),
  status: reportStatusEnum('status').notNull().default('draft'),
  sections: jsonb('sections').$type<ReportSections>().notNull(),
  figures: jsonb('figures').$type<Record<string, unknown>>(),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  publishedBy: uuid('published_by').references(() => users.id),
  ...audited(),
  ...archivable(),
}, (t) => [
  unique('annual_reports_year_version_key').on(t.year, t.versionNo),
  check('annual_reports_published_check', sql`(${t.status} = 'published') = (${t.publishedAt} IS NOT NULL AND ${t.figures} IS NOT NULL)`),
]);

/** Append-only: the database itself refuses UPDATE and DELETE (see the migration's trigger). */
export const auditEvents = pgTable('audit_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  actorId: uuid('actor_id').references(() => users.id),
  actorRole: roleEnum('actor_role'),
  action: text('action').notNull(),
  entityType: text('entity_type'),
  entityId: text('entity_id'),
  investigationId: uuid('investigation_id').references(() => investigations.id),
  outcome: auditOutcomeEnum('outcome').notNull(),
  ip: inet('ip'),
  detail: jsonb('detail').$type<Record<string, unknown>>(),
  /** The personal access token a call through the REST API came with; null for the web UI. */
  apiTokenId: uuid('api_token_id').references(() => apiTokens.id),
}, (t) => [
  index('audit_events_at_idx').on(t.at.desc().nullsFirst()),
  index('audit_events_actor_idx').on(t.actorId, t.at.desc().nullsFirst()),
  index('audit_events_investigation_idx').on(t.investigationId, t.at.desc().nullsFirst()),
  // The trail's "record" filter and a case's access log also match refusals that name a record only by id.
  index('audit_events_entity_idx').on(t.entityId, t.at.desc().nullsFirst()),
]);

export type AuditEvent = typeof auditEvents.$inferInsert;
