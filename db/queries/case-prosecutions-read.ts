import 'server-only';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../client';
import { charges, hearings, prosecutionCharges, prosecutions, provinces } from '../schema';
import { PROSECUTION_FORM_COLUMNS } from './case-prosecutions';

/**
 * A case's live prosecutions, each with its charges (labels in both languages), its court's
 * province and its hearings. Nothing here is a victim's: every reader of the case gets it,
 * liaison officers included.
 */
export async function readProsecutions(tx: Tx, caseId: string) {
  const rows = await tx
    .select({
      id: prosecutions.id,
      version: prosecutions.version,
      ...PROSECUTION_FORM_COLUMNS,
      courtProvinceEn: provinces.nameEn,
      courtProvinceKm: provinces.nameKm,
    })
    .from(prosecutions)
    .innerJoin(provinces, eq(provinces.code, prosecutions.courtProvinceCode))
    .where(and(eq(prosecutions.investigationId, caseId), isNull(prosecutions.archivedAt)))
    .orderBy(asc(prosecutions.filedOn), asc(prosecutions.createdAt), asc(prosecutions.id));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const chargeRows = await tx
    .select({ prosecutionId: prosecutionCharges.prosecutionId, code: charges.code, labelEn: charges.labelEn, labelKm: charges.labelKm })
    .from(prosecutionCharges)
    .innerJoin(charges, eq(charges.code, prosecutionCharges.chargeCode))
    .where(inArray(prosecutionCharges.prosecutionId, ids))
    .orderBy(asc(charges.sortOrder));
  const hearingRows = await tx
    .select({ id: hearings.id, version: hearings.version, prosecutionId: hearings.prosecutionId, heldOn: hearings.heldOn, kind: hearings.kind, outcomeNote: hearings.outcomeNote })
    .from(hearings)
    .where(and(inArray(hearings.prosecutionId, ids), isNull(hearings.archivedAt)))
    .orderBy(asc(hearings.heldOn), asc(hearings.createdAt));
  return rows.map((p) => ({
    ...p,
    charges: chargeRows.filter((c) => c.prosecutionId === p.id).map(({ code, labelEn, labelKm }) => ({ code, labelEn, labelKm })),
    hearings: hearingRows.filter((h) => h.prosecutionId === p.id).map(({ id, version, heldOn, kind, outcomeNote }) => ({ id, version, heldOn, kind, outcomeNote })),
  }));
}
