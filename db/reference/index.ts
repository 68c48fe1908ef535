import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Db, Tx } from '../client';
import * as schema from '../schema';
import { CHARGES, OFFENCE_TYPES, PLACE_TYPES, RELATIONSHIPS, SERVICE_TYPES } from './lists';

type Province = typeof schema.provinces.$inferInsert;

/** The 25 provinces, from data/provinces.csv. */
export function readProvinces(file = path.join(process.cwd(), 'data', 'provinces.csv')): Province[] {
  const records: Record<string, string>[] = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true });
  return records.map((r) => {
    if (r.kind !== 'capital' && r.kind !== 'province') throw new Error(`provinces.csv: bad kind "${r.kind}" for ${r.code}`);
    return { code: r.code!, iso: r.iso!, nameEn: r.name_en!, nameKm: r.name_km!, kind: r.kind };
  });
}

const withOrder = <T extends object>(list: readonly T[]) => list.map((entry, i) => ({ ...entry, sortOrder: (i + 1) * 10 }));

/**
 * Provinces and the default reference lists, which every database needs, demo or not.
 * Runs after each migration; values already there are left alone, so an administrator's
 * relabelling or deactivation survives.
 */
export async function ensureReferenceData(db: Pick<Db | Tx, 'insert'>): Promise<void> {
  await db.insert(schema.provinces).values(readProvinces()).onConflictDoNothing();
  await db.insert(schema.offenceTypes).values(withOrder(OFFENCE_TYPES)).onConflictDoNothing();
  await db.insert(schema.relationships).values(withOrder(RELATIONSHIPS)).onConflictDoNothing();
  await db.insert(schema.placeTypes).values(withOrder(PLACE_TYPES)).onConflictDoNothing();
  await db.insert(schema.serviceTypes).values(withOrder(SERVICE_TYPES)).onConflictDoNothing();
  await db.insert(schema.charges).values(withOrder(CHARGES)).onConflictDoNothing();
}
