import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '../client';
import { authorize } from '../scope';
import { agencies, offenceTypes, placeTypes, provinces, relationships, serviceTypes } from '../schema';
import type { Permission, Viewer } from '@/lib/policy';

export type Option = { value: string; labelEn: string; labelKm: string };

export type CaseFormOptions = {
  offenceTypes: Option[];
  placeTypes: Option[];
  relationships: Option[];
  serviceTypes: Option[];
  provinces: Option[];
  agencies: Option[];
};

/**
 * The choices of the case forms: active reference values, the provinces and the active
 * agencies, in both languages. Only for those who may write cases (the permission of the
 * form that asks), and the refusal is audited.
 */
export async function caseFormOptions(viewer: Viewer, permission: Permission = 'cases:create'): Promise<CaseFormOptions> {
  await authorize(viewer, permission, { action: 'reference.list' });
  const db = getDb();
  // The reference tables share their columns; typed as one so a single helper serves all.
  const active = (list: unknown) => {
    const table = list as typeof offenceTypes;
    return db
      .select({ value: table.code, labelEn: table.labelEn, labelKm: table.labelKm })
      .from(table)
      .where(eq(table.active, true))
      .orderBy(asc(table.sortOrder), asc(table.code));
  };

  const [offence, place, relationship, service, province, agency] = await Promise.all([
    active(offenceTypes),
    active(placeTypes),
    active(relationships),
    active(serviceTypes),
    db.select({ value: provinces.code, labelEn: provinces.nameEn, labelKm: provinces.nameKm }).from(provinces).orderBy(asc(provinces.nameEn)),
    db
      .select({ value: agencies.id, labelEn: agencies.name, labelKm: agencies.nameKm })
      .from(agencies)
      .where(eq(agencies.active, true))
      .orderBy(asc(agencies.name)),
  ]);
  return {
    offenceTypes: offence,
    placeTypes: place,
    relationships: relationship,
    serviceTypes: service,
    provinces: province,
    agencies: agency.map((a) => ({ ...a, labelKm: a.labelKm ?? a.labelEn })),
  };
}
