import { boolean, char, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { relationshipGroupEnum } from './enums';

/** The 25 provinces, loaded from data/provinces.csv. */
export const provinces = pgTable('provinces', {
  code: char('code', { length: 2 }).primaryKey(),
  iso: text('iso').notNull().unique(),
  nameEn: text('name_en').notNull(),
  nameKm: text('name_km').notNull(),
  kind: text('kind', { enum: ['capital', 'province'] }).notNull(),
});

// Reference lists admins may extend: values in use are deactivated, never deleted,
// so old records keep showing their label.
const referenceColumns = () => ({
  code: text('code').primaryKey(),
  labelEn: text('label_en').notNull(),
  labelKm: text('label_km').notNull(),
  active: boolean('active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const offenceTypes = pgTable('offence_types', referenceColumns());
export const placeTypes = pgTable('place_types', referenceColumns());
export const serviceTypes = pgTable('service_types', referenceColumns());
export const charges = pgTable('charges', referenceColumns());
export const relationships = pgTable('relationships', {
  ...referenceColumns(),
  /** The roll-up used in reports: family / acquaintance / stranger / unknown. */
  group: relationshipGroupEnum('group').notNull(),
});

export type Province = typeof provinces.$inferSelect;
export type ReferenceValue = typeof offenceTypes.$inferSelect;
