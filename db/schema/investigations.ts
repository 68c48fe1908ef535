import { sql } from 'drizzle-orm';
import {
  bigserial, char, check, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, unique, uuid,
} from 'drizzle-orm/pg-core';
import { archivable, audited } from './columns';
import { caseStatusEnum, closeReasonEnum, memberRoleEnum, priorityEnum, reportChannelEnum } from './enums';
import { agencies, users } from './people';
import { offenceTypes, placeTypes, provinces } from './reference';

const notBefore1990 = (column: string) => sql.raw(`${column} >= DATE '1990-01-01'`);

export const investigations = pgTable('investigations', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** CPU-2021-0042: year of opening and a sequence within that year. */
  reference: text('reference').notNull().unique(),
  refYear: smallint('ref_year').notNull(),
  refSeq: integer('ref_seq').notNull(),
  title: text('title').notNull(),
  summary: text('summary'),
  offenceType: text('offence_type').notNull().references(() => offenceTypes.code),
  reportChannel: reportChannelEnum('report_channel').notNull(),
  priority: priorityEnum('priority').notNull().default('normal'),
  status: caseStatusEnum('status').notNull().default('reported'),
  closeReason: closeReasonEnum('close_reason'),
  reportedOn: date('reported_on').notNull(),
  /** The day the case was opened: the year of every yearly figure. */
  openedOn: date('opened_on').notNull(),
  offenceFrom: date('offence_from'),
  offenceTo: date('offence_to'),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  /** Reference of the case in a legacy spreadsheet, so re-imports create nothing new. */
  externalRef: text('external_ref').unique(),
  /** Client-generated key of the form submission that created it: a replay creates nothing. */
  submissionKey: uuid('submission_key').unique(),
  updatedBy: uuid('updated_by').references(() => users.id),
  ...audited(),
  ...archivable(),
}, (t) => [
  unique('investigations_ref_year_seq_key').on(t.refYear, t.refSeq),
  // In the case list's own order (DESC is NULLS FIRST in SQL): an index in another null order
  // cannot serve "order by opened_on desc, id desc ... limit 26", and the list sorted a million rows.
  index('investigations_opened_idx').on(t.openedOn.desc().nullsFirst(), t.id.desc().nullsFirst()),
  index('investigations_status_idx').on(t.status, t.openedOn.desc().nullsFirst(), t.id.desc().nullsFirst()),
  index('investigations_offence_type_idx').on(t.offenceType, t.openedOn),
  // The case search: ILIKE '%text%' through trigram indexes (pg_trgm, drizzle/0007).
  index('investigations_reference_trgm_idx').using('gin', t.reference.op('gin_trgm_ops')),
  index('investigations_title_trgm_idx').using('gin', t.title.op('gin_trgm_ops')),
  check('investigations_dates_check', sql`${notBefore1990('reported_on')} AND ${notBefore1990('opened_on')}
    AND (offence_from IS NULL OR offence_from >= DATE '1990-01-01')
    AND (offence_to IS NULL OR offence_from IS NULL OR offence_to >= offence_from)`),
  check('investigations_closed_check', sql`(${t.status} = 'closed') = (${t.closeReason} IS NOT NULL)`),
  check('investigations_title_check', sql`char_length(${t.title}) BETWEEN 1 AND 300`),
]);

/** Who works on a case: the lead, the team, and named liaison officers it is shared with. */
export const investigationMembers = pgTable('investigation_members', {
  investigationId: uuid('investigation_id').notNull().references(() => investigations.id),
  userId: uuid('user_id').notNull().references(() => users.id),
  role: memberRoleEnum('role').notNull(),
  addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  addedBy: uuid('added_by').references(() => users.id),
}, (t) => [
  primaryKey({ columns: [t.investigationId, t.userId] }),
  index('investigation_members_user_idx').on(t.userId, t.investigationId),
  // The case list's "lead" choices: a person's lead cases without walking their team memberships.
  index('investigation_members_lead_idx').on(t.userId, t.investigationId).where(sql`${t.role} = 'lead'`),
]);

/** Partner agencies a case is shared with: their liaison officers may see it. */
export const investigationAgencies = pgTable('investigation_agencies', {
  investigationId: uuid('investigation_id').notNull().references(() => investigations.id),
  agencyId: uuid('agency_id').notNull().references(() => agencies.id),
  sharedAt: timestamp('shared_at', { withTimezone: true }).notNull().defaultNow(),
  sharedBy: uuid('shared_by').references(() => users.id),
}, (t) => [
  primaryKey({ columns: [t.investigationId, t.agencyId] }),
  index('investigation_agencies_agency_idx').on(t.agencyId, t.investigationId),
]);

export const offenceLocations = pgTable('offence_locations', {
  id: uuid('id').primaryKey().defaultRandom(),
  investigationId: uuid('investigation_id').notNull().references(() => investigations.id),
  provinceCode: char('province_code', { length: 2 }).notNull().references(() => provinces.code),
  district: text('district').notNull(),
  commune: text('commune'),
  placeType: text('place_type').notNull().references(() => placeTypes.code),
  occurredOn: date('occurred_on'),
  ...audited(),
  ...archivable(),
}, (t) => [
  index('offence_locations_investigation_idx').on(t.investigationId),
  index('offence_locations_province_idx').on(t.provinceCode, t.district),
  index('offence_locations_district_trgm_idx').using('gin', t.district.op('gin_trgm_ops')),
  index('offence_locations_commune_trgm_idx').using('gin', t.commune.op('gin_trgm_ops')),
  check('offence_locations_date_check', sql`${t.occurredOn} IS NULL OR ${t.occurredOn} >= DATE '1990-01-01'`),
]);

/** The case timeline: one row for everything that happened to the case. */
export const caseEvents = pgTable('case_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  investigationId: uuid('investigation_id').notNull().references(() => investigations.id),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  actorId: uuid('actor_id').references(() => users.id),
  kind: text('kind').notNull(),
  data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
}, (t) => [index('case_events_investigation_at_idx').on(t.investigationId, t.at.desc().nullsFirst())]);

/** When each person last opened a case: drives the "changed since you looked" marker. */
export const caseLastSeen = pgTable('case_last_seen', {
  userId: uuid('user_id').notNull().references(() => users.id),
  investigationId: uuid('investigation_id').notNull().references(() => investigations.id),
  seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.userId, t.investigationId] })]);

export type Investigation = typeof investigations.$inferSelect;
export type NewInvestigation = typeof investigations.$inferInsert;
export type OffenceLocation = typeof offenceLocations.$inferSelect;
