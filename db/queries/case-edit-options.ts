import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '../client';
import { authorize } from '../scope';
import { agencies, charges, offenceTypes, placeTypes, provinces, relationships, serviceTypes } from '../schema';
import type { Viewer } from '@/lib/policy';
import { byLabel } from '@/lib/i18n/collate';
import type { Locale } from '@/lib/vocabulary';

export type Option = { value: string; label: string };

/**
 * The choices of the case page's edit forms, in the reader's language. Inactive reference
 * values are left out; a record still holding one shows it through its own label.
 */
export async function getEditOptions(viewer: Viewer, locale: Locale) {
  await authorize(viewer, 'cases:edit', { action: 'case.edit_options' });
  const db = getDb();
  const km = locale === 'km';
  // The four lists share their columns; one typed table stands for all of them.
  const ref = async (list: typeof offenceTypes | typeof placeTypes | typeof serviceTypes | typeof relationships) => {
    const table = list as typeof offenceTypes;
    return (await db.select({ code: table.code, labelEn: table.labelEn, labelKm: table.labelKm }).from(table)
      .where(eq(table.active, true)).orderBy(asc(table.sortOrder)))
      .map((r): Option => ({ value: r.code, label: km ? r.labelKm : r.labelEn }));
  };
  const [offence, relationship, place, service, provinceRows, agencyRows] = await Promise.all([
    ref(offenceTypes),
    ref(relationships),
    ref(placeTypes),
    ref(serviceTypes),
    db.select().from(provinces).orderBy(asc(provinces.code)),
    db.select({ id: agencies.id, name: agencies.name, nameKm: agencies.nameKm }).from(agencies).where(eq(agencies.active, true)).orderBy(asc(agencies.name)),
  ]);
  return {
    offenceTypes: offence,
    relationships: relationship,
    placeTypes: place,
    serviceTypes: service,
    provinces: provinceRows.map((p): Option => ({ value: p.code, label: km ? p.nameKm : p.nameEn })),
    agencies: agencyRows.map((a): Option => ({ value: a.id, label: (km && a.nameKm) || a.name })).sort(byLabel(locale)),
  };
}
export type EditOptions = Awaited<ReturnType<typeof getEditOptions>>;

/**
 * The choices of the quick actions (record an arrest, a prosecution, a hearing), for every
 * role that may record them, liaison officers included: agencies, courts by province, and
 * the charges list. Nothing here is case content.
 */
export async function getRecordingOptions(viewer: Viewer, locale: Locale) {
  await authorize(viewer, 'cases:record-arrest', { action: 'case.recording_options' });
  const db = getDb();
  const km = locale === 'km';
  const [provinceRows, agencyRows, chargeRows] = await Promise.all([
    db.select().from(provinces).orderBy(asc(provinces.code)),
    db.select({ id: agencies.id, name: agencies.name, nameKm: agencies.nameKm }).from(agencies).where(eq(agencies.active, true)).orderBy(asc(agencies.name)),
    db.select({ code: charges.code, labelEn: charges.labelEn, labelKm: charges.labelKm }).from(charges).where(eq(charges.active, true)).orderBy(asc(charges.sortOrder)),
  ]);
  return {
    provinces: provinceRows.map((p): Option => ({ value: p.code, label: km ? p.nameKm : p.nameEn })),
    agencies: agencyRows.map((a): Option => ({ value: a.id, label: (km && a.nameKm) || a.name })),
    charges: chargeRows.map((c): Option => ({ value: c.code, label: km ? c.labelKm : c.labelEn })),
  };
}
export type RecordingOptions = Awaited<ReturnType<typeof getRecordingOptions>>;
