import { sql } from 'drizzle-orm';
import { bigint, char, check, date, index, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { archivable, audited } from './columns';
import { prosecutionStatusEnum } from './enums';
import { investigations } from './investigations';
import { suspects } from './parties';
import { charges, provinces } from './reference';

/** One prosecution of one suspect, in the court of a province (12 = Phnom Penh Municipal Court). */
export const prosecutions = pgTable('prosecutions', {
  id: uuid('id').primaryKey().defaultRandom(),
  investigationId: uuid('investigation_id').notNull().references(() => investigations.id),
  suspectId: uuid('suspect_id').notNull().references(() => suspects.id),
  courtProvinceCode: char('court_province_code', { length: 2 }).notNull().references(() => provinces.code),
  courtCaseNumber: text('court_case_number'),
  chargesOther: text('charges_other'),
  status: prosecutionStatusEnum('status').notNull().default('charged'),
  filedOn: date('filed_on').notNull(),
  verdictOn: date('verdict_on'),
  sentenceYears: smallint('sentence_years'),
  sentenceMonths: smallint('sentence_months'),
  fineRiel: bigint('fine_riel', { mode: 'number' }),
  compensationRiel: bigint('compensation_riel', { mode: 'number' }),
  ...audited(),
  ...archivable(),
}, (t) => [
  index('prosecutions_investigation_idx').on(t.investigationId),
  index('prosecutions_suspect_idx').on(t.suspectId),
  check('prosecutions_dates_check', sql`${t.filedOn} >= DATE '1990-01-01' AND (${t.verdictOn} IS NULL OR ${t.verdictOn} >= ${t.filedOn})`),
  check('prosecutions_amounts_check', sql`coalesce(${t.sentenceYears}, 0) BETWEEN 0 AND 99
    AND coalesce(${t.sentenceMonths}, 0) BETWEEN 0 AND 11
    AND coalesce(${t.fineRiel}, 0) >= 0 AND coalesce(${t.compensationRiel}, 0) >= 0`),
  check('prosecutions_verdict_check', sql`${t.status} NOT IN ('convicted', 'acquitted', 'dismissed') OR ${t.verdictOn} IS NOT NULL`),
]);

export const prosecutionCharges = pgTable('prosecution_charges', {
  prosecutionId: uuid('prosecution_id').notNull().references(() => prosecutions.id),
  chargeCode: text('charge_code').notNull().references(() => charges.code),
}, (t) => [primaryKey({ columns: [t.prosecutionId, t.chargeCode] })]);

export const hearings = pgTable('hearings', {
  id: uuid('id').primaryKey().defaultRandom(),
  prosecutionId: uuid('prosecution_id').notNull().references(() => prosecutions.id),
  heldOn: date('held_on').notNull(),
  kind: text('kind').notNull(),
  outcomeNote: text('outcome_note'),
  ...audited(),
  ...archivable(),
}, (t) => [
  index('hearings_prosecution_idx').on(t.prosecutionId, t.heldOn),
  check('hearings_date_check', sql`${t.heldOn} >= DATE '1990-01-01'`),
]);

export type Prosecution = typeof prosecutions.$inferSelect;
