import 'server-only';
import { and, eq } from 'drizzle-orm';
import { agencies, suspects } from '../schema';
import { recordCaseChange } from '../events';
import type { Viewer } from '@/lib/policy';
import { FieldValidationError } from '@/lib/errors';
import type { ArrestRecord } from '@/lib/validation/case-edit';
import { assertNotBeforeOffencePeriod, caseWrite } from './case-write';
import { updateChild } from './case-children';
import { autoAdvanceCase } from './case-lifecycle';

const ARREST_COLUMNS = {
  status: suspects.status,
  arrestedOn: suspects.arrestedOn,
  arrestingAgencyId: suspects.arrestingAgencyId,
  arrestPlace: suspects.arrestPlace,
};

/**
 * Records a suspect's arrest, or corrects the arrest already recorded, without the full
 * suspect form. The first arrest carries the case to 'suspect_arrested' if it was earlier
 * in its lifecycle. One transaction: suspect, case version, status move, timeline, audit.
 */
export async function recordArrest(viewer: Viewer, input: ArrestRecord, ip: string | null) {
  const { caseId, id, version, ...arrest } = input;
  return caseWrite(viewer, 'cases:record-arrest', { caseId, kind: 'arrest_recorded', entityType: 'suspect', entityId: id, ip }, async (tx) => {
    const [agency] = await tx.select({ id: agencies.id }).from(agencies)
      .where(and(eq(agencies.id, arrest.arrestingAgencyId), eq(agencies.active, true)));
    if (!agency) throw new FieldValidationError({ arrestingAgencyId: 'caseEdit.errors.agencyUnavailable' });

    const saved = await updateChild(tx, viewer, suspects, { caseId, id, version }, { ...arrest, status: 'arrested' }, ARREST_COLUMNS);
    await assertNotBeforeOffencePeriod(tx, caseId, { arrestedOn: arrest.arrestedOn });
    const corrected = saved.before.status === 'arrested';
    await recordCaseChange(tx, viewer, {
      investigationId: caseId,
      kind: corrected ? 'arrest_corrected' : 'suspect_arrested',
      data: { suspectId: id, arrestedOn: arrest.arrestedOn, agencyId: arrest.arrestingAgencyId, ...(corrected ? { fields: saved.changed } : {}) },
      entityType: 'suspect',
      entityId: id,
      ip,
    });
    const status = corrected ? null : await autoAdvanceCase(tx, viewer, caseId, 'suspect_arrested', 'arrest', ip);
    return { id, version: saved.version, corrected, status };
  });
}
